import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Thin, throwing wrappers over the system calls the file storage needs for durability.
enum POSIXFile {
    static func open(_ path: String, _ flags: Int32, mode: mode_t = 0o644) throws -> Int32 {
        let fd = retryingEINTR { SystemOpen.open(path, flags, mode) }
        guard fd >= 0 else { throw ArchiveError.io(operation: "open", path: path, errno: errno) }
        return fd
    }

    static func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer, path: String) throws {
        var offset = 0
        while offset < bytes.count {
            guard let base = bytes.baseAddress else { return }
            let written = write(fd, base + offset, bytes.count - offset)
            if written < 0 {
                if errno == EINTR { continue }
                throw ArchiveError.io(operation: "write", path: path, errno: errno)
            }
            offset += written
        }
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8], path: String) throws {
        try bytes.withUnsafeBytes { try writeAll(fd, $0, path: path) }
    }

    static func fsync(_ fd: Int32, path: String) throws {
        guard retryingEINTR({ SystemOpen.fsync(fd) }) == 0 else {
            throw ArchiveError.io(operation: "fsync", path: path, errno: errno)
        }
    }

    /// Makes a rename or a creation inside `directory` durable.
    static func fsyncDirectory(_ directory: String) throws {
        let fd = try open(directory, O_RDONLY | O_DIRECTORY)
        defer { close(fd) }
        try fsync(fd, path: directory)
    }

    static func rename(_ from: String, _ to: String) throws {
        guard SystemOpen.rename(from, to) == 0 else { throw ArchiveError.io(operation: "rename", path: to, errno: errno) }
    }

    /// Creates a directory if missing; returns true when it was created (its parent then needs an fsync).
    @discardableResult
    static func makeDirectory(_ path: String) throws -> Bool {
        if mkdir(path, 0o755) == 0 { return true }
        if errno == EEXIST { return false }
        throw ArchiveError.io(operation: "mkdir", path: path, errno: errno)
    }

    static func fileSize(_ fd: Int32, path: String) throws -> Int {
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw ArchiveError.io(operation: "fstat", path: path, errno: errno) }
        return Int(info.st_size)
    }

    static func truncate(_ fd: Int32, to length: Int, path: String) throws {
        guard ftruncate(fd, off_t(length)) == 0 else {
            throw ArchiveError.io(operation: "ftruncate", path: path, errno: errno)
        }
    }

    /// Takes an exclusive advisory lock without waiting; false when another open file holds it.
    static func tryLockExclusive(_ fd: Int32) -> Bool {
        flock(fd, LOCK_EX | LOCK_NB) == 0
    }

    static func closeDescriptor(_ fd: Int32) {
        _ = close(fd)
    }

    static func unlock(_ fd: Int32) {
        _ = flock(fd, LOCK_UN)
    }

    /// Reads a whole file; nil when it does not exist.
    static func readFile(_ path: String) throws -> [UInt8]? {
        let fd = SystemOpen.open(path, O_RDONLY | O_CLOEXEC, 0)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ArchiveError.io(operation: "open", path: path, errno: errno)
        }
        defer { close(fd) }
        let size = try fileSize(fd, path: path)
        var out = [UInt8](repeating: 0, count: size)
        var filled = 0
        while true {
            if filled == out.count { out.append(contentsOf: [UInt8](repeating: 0, count: max(4096, out.count))) }
            let got = out.withUnsafeMutableBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return read(fd, base + filled, buffer.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw ArchiveError.io(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            filled += got
        }
        out.removeLast(out.count - filled)
        return out
    }

    private static func retryingEINTR(_ call: () -> Int32) -> Int32 {
        while true {
            let result = call()
            if result >= 0 || errno != EINTR { return result }
        }
    }
}

/// The libc functions whose names clash with `POSIXFile`'s.
private enum SystemOpen {
    #if canImport(Glibc)
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Glibc.open(path, flags, mode) }
    static func fsync(_ fd: Int32) -> Int32 { Glibc.fsync(fd) }
    static func rename(_ from: String, _ to: String) -> Int32 { Glibc.rename(from, to) }
    #elseif canImport(Musl)
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Musl.open(path, flags, mode) }
    static func fsync(_ fd: Int32) -> Int32 { Musl.fsync(fd) }
    static func rename(_ from: String, _ to: String) -> Int32 { Musl.rename(from, to) }
    #else
    static func open(_ path: String, _ flags: Int32, _ mode: mode_t) -> Int32 { Darwin.open(path, flags, mode) }
    static func fsync(_ fd: Int32) -> Int32 { Darwin.fsync(fd) }
    static func rename(_ from: String, _ to: String) -> Int32 { Darwin.rename(from, to) }
    #endif
}
