import Foundation
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// The archive on a local (or shared) file system. Layout, under the archive folder:
///
///     archive.lock              flock'ed by the one writer
///     journal.jsonl             one entry a line
///     seals.jsonl               one seal a line
///     keys/public-keys.jsonl    key id, public key, valid from
///     timestamps.jsonl          RFC 3161 tokens of seals (when a TSA is configured)
///     blobs/ab/abcdef…          a document, named by its full hex SHA-256, in a folder named by its first 2 hex digits
///     tmp/                      blobs being written (removed on open)
///     verified.json             what `verify` last checked
public final class FileArchiveStorage: ArchiveStorage {
    public let root: URL
    public var location: String { root.path }
    private let lockDescriptor: Mutex<Int32?>

    /// Opens (and creates) an archive folder.
    /// - Parameter writer: true takes the folder's exclusive lock (failing with `ArchiveError.locked` when another
    ///   process has it) and cleans `tmp/`; false opens for reading only, without lock.
    public init(directory: URL, writer: Bool) throws {
        let root = directory.standardizedFileURL
        self.root = root
        func path(_ relative: String) -> String { root.path + "/" + relative }
        guard writer else {
            lockDescriptor = Mutex(nil)
            return
        }
        for folder in [root.path, path("blobs"), path("keys"), path("tmp")] {
            if try POSIXFile.makeDirectory(folder) {
                try POSIXFile.fsyncDirectory((folder as NSString).deletingLastPathComponent)
            }
        }
        let lockPath = path("archive.lock")
        let fd = try POSIXFile.open(lockPath, O_RDWR | O_CREAT | O_CLOEXEC)
        guard POSIXFile.tryLockExclusive(fd) else {
            POSIXFile.closeDescriptor(fd)
            throw ArchiveError.locked(path: root.path)
        }
        lockDescriptor = Mutex(fd)
        if let leftovers = try? FileManager.default.contentsOfDirectory(atPath: path("tmp")) {
            for name in leftovers { unlink(path("tmp/\(name)")) }
        }
    }

    deinit {
        lockDescriptor.withLock { fd in
            if let descriptor = fd { POSIXFile.closeDescriptor(descriptor) }
            fd = nil
        }
    }

    public func close() async {
        lockDescriptor.withLock { fd in
            if let descriptor = fd {
                POSIXFile.unlock(descriptor)
                POSIXFile.closeDescriptor(descriptor)
            }
            fd = nil
        }
    }

    func path(_ relative: String) -> String { root.path + "/" + relative }

    /// Where a blob lives: `blobs/<first 2 hex>/<64 hex>`.
    public func blobPath(_ sha256: String) -> String {
        path("blobs/\(sha256.prefix(2))/\(sha256)")
    }

    func logPath(_ log: ArchiveLog) -> String {
        switch log {
        case .journal: path("journal.jsonl")
        case .seals: path("seals.jsonl")
        case .publicKeys: path("keys/public-keys.jsonl")
        case .timestamps: path("timestamps.jsonl")
        }
    }

    // MARK: blobs

    public func writeBlob(_ bytes: Data, sha256: String) async throws {
        guard Hex.isSHA256(sha256) else { throw ArchiveError.corrupt("not a SHA-256: \(sha256)") }
        let final = blobPath(sha256)
        let folder = path("blobs/\(sha256.prefix(2))")
        if access(final, F_OK) == 0 {
            // Already there, maybe renamed by a process that died before syncing the folder: sync it now.
            try POSIXFile.fsyncDirectory(folder)
            return
        }
        if try POSIXFile.makeDirectory(folder) { try POSIXFile.fsyncDirectory(path("blobs")) }
        let temporary = path("tmp/\(sha256).\(UUID().uuidString)")
        let fd = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o444)
        do {
            try bytes.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: temporary) }
            try POSIXFile.fsync(fd, path: temporary)
            POSIXFile.closeDescriptor(fd)
        } catch {
            POSIXFile.closeDescriptor(fd)
            unlink(temporary)
            throw error
        }
        try POSIXFile.rename(temporary, final)
        try POSIXFile.fsyncDirectory(folder)
    }

    /// All new blobs are written to `tmp/` first, then each is fsynced (so the disk sees the whole batch before the
    /// first sync and can merge the flushes), then all are renamed and each folder they went into is fsynced once.
    public func writeBlobs(_ blobs: [(sha256: String, bytes: Data)]) async throws {
        var pending: [(fd: Int32, from: String, to: String)] = []
        var folders: Set<String> = []
        var seen: Set<String> = []
        defer {
            for item in pending {
                if item.fd >= 0 { POSIXFile.closeDescriptor(item.fd) }
                unlink(item.from)
            }
        }
        for blob in blobs where seen.insert(blob.sha256).inserted {
            guard Hex.isSHA256(blob.sha256) else { throw ArchiveError.corrupt("not a SHA-256: \(blob.sha256)") }
            let final = blobPath(blob.sha256)
            let folder = path("blobs/\(blob.sha256.prefix(2))")
            if access(final, F_OK) == 0 {
                folders.insert(folder)  // synced below, in case its rename was never synced
                continue
            }
            if try POSIXFile.makeDirectory(folder) { try POSIXFile.fsyncDirectory(path("blobs")) }
            let temporary = path("tmp/\(blob.sha256).\(UUID().uuidString)")
            let fd = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o444)
            pending.append((fd, temporary, final))
            try blob.bytes.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: temporary) }
            folders.insert(folder)
        }
        for index in pending.indices {
            try POSIXFile.fsync(pending[index].fd, path: pending[index].from)
            POSIXFile.closeDescriptor(pending[index].fd)
            pending[index].fd = -1
        }
        while let item = pending.first {
            try POSIXFile.rename(item.from, item.to)
            pending.removeFirst()
        }
        for folder in folders { try POSIXFile.fsyncDirectory(folder) }
    }

    public func digestBlob(_ sha256: String) async throws -> BlobDigest? {
        try StreamingDigest.file(blobPath(sha256))
    }

    public func readBlob(_ sha256: String) async throws -> Data {
        guard let bytes = try POSIXFile.readFile(blobPath(sha256)) else {
            throw ArchiveError.corrupt("blob \(sha256) is missing")
        }
        return Data(bytes)
    }

    public func deleteBlob(_ sha256: String) async throws {
        let blob = blobPath(sha256)
        guard unlink(blob) == 0 || errno == ENOENT else {
            throw ArchiveError.io(operation: "unlink", path: blob, errno: errno)
        }
        try POSIXFile.fsyncDirectory(path("blobs/\(sha256.prefix(2))"))
    }

    // MARK: logs

    public func append(_ lines: [[UInt8]], to log: ArchiveLog) async throws {
        guard lockDescriptor.withLock({ $0 != nil }) else { throw ArchiveError.readOnly }
        let file = logPath(log)
        let existed = access(file, F_OK) == 0
        let fd = try POSIXFile.open(file, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC)
        defer { POSIXFile.closeDescriptor(fd) }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(lines.reduce(0) { $0 + $1.count + 1 })
        for line in lines {
            buffer.append(contentsOf: line)
            buffer.append(UInt8(ascii: "\n"))
        }
        try POSIXFile.writeAll(fd, buffer, path: file)
        try POSIXFile.fsync(fd, path: file)
        if !existed { try POSIXFile.fsyncDirectory((file as NSString).deletingLastPathComponent) }
    }

    public func read(_ log: ArchiveLog) async throws -> LogContent {
        guard let bytes = try POSIXFile.readFile(logPath(log)) else { return LogContent(lines: [], tornTailBytes: 0) }
        var lines: [[UInt8]] = []
        var start = 0
        for index in bytes.indices where bytes[index] == UInt8(ascii: "\n") {
            lines.append(Array(bytes[start..<index]))
            start = index + 1
        }
        return LogContent(lines: lines, tornTailBytes: bytes.count - start)
    }

    public func repairTornTail(of log: ArchiveLog) async throws -> Int {
        guard lockDescriptor.withLock({ $0 != nil }) else { throw ArchiveError.readOnly }
        let file = logPath(log)
        guard let bytes = try POSIXFile.readFile(file), let last = bytes.last, last != UInt8(ascii: "\n") else {
            return 0
        }
        let keep = (bytes.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
        let fd = try POSIXFile.open(file, O_WRONLY | O_CLOEXEC)
        defer { POSIXFile.closeDescriptor(fd) }
        try POSIXFile.truncate(fd, to: keep, path: file)
        try POSIXFile.fsync(fd, path: file)
        return bytes.count - keep
    }

    // MARK: state

    public func readState(_ name: String) async throws -> Data? {
        try POSIXFile.readFile(path(name)).map { Data($0) }
    }

    public func writeState(_ name: String, _ data: Data) async throws {
        let final = path(name)
        let temporary = final + ".\(UUID().uuidString).tmp"
        let fd = try POSIXFile.open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC)
        do {
            try data.withUnsafeBytes { try POSIXFile.writeAll(fd, $0, path: temporary) }
            try POSIXFile.fsync(fd, path: temporary)
            POSIXFile.closeDescriptor(fd)
        } catch {
            POSIXFile.closeDescriptor(fd)
            unlink(temporary)
            throw error
        }
        try POSIXFile.rename(temporary, final)
        try POSIXFile.fsyncDirectory((final as NSString).deletingLastPathComponent)
    }
}
