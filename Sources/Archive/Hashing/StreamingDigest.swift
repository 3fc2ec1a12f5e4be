import Crypto
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// SHA-256 of a file, read with one large buffer (1 MiB, or the file's size when smaller).
enum StreamingDigest {
    static let maximumBuffer = 1 << 20

    /// nil when the file does not exist.
    static func file(_ path: String) throws -> BlobDigest? {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        if fd < 0 {
            if errno == ENOENT { return nil }
            throw ArchiveError.io(operation: "open", path: path, errno: errno)
        }
        defer { POSIXFile.closeDescriptor(fd) }
        let size = try POSIXFile.fileSize(fd, path: path)
        let capacity = min(max(size + 1, 4096), maximumBuffer)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: capacity, alignment: 16)
        defer { buffer.deallocate() }
        guard let base = buffer.baseAddress else { return nil }
        var hasher = SHA256()
        var total = 0
        while true {
            let got = read(fd, base, capacity)
            if got < 0 {
                if errno == EINTR { continue }
                throw ArchiveError.io(operation: "read", path: path, errno: errno)
            }
            if got == 0 { break }
            hasher.update(bufferPointer: UnsafeRawBufferPointer(rebasing: buffer[0..<got]))
            total += got
        }
        return BlobDigest(sha256: Hex.string(hasher.finalize()), size: total)
    }
}
