import Foundation

/// Where a reader takes its bytes: a file read in chunks (constant memory), or bytes in memory (tests).
/// Both can seek back, which lets the CSV reader resynchronise after an unterminated quote.
public final class ByteSource {
    private enum Backing {
        case file(FileHandle)
        case memory([UInt8])
    }

    private let backing: Backing
    public let chunkSize: Int
    /// The total size, when known (a file's size at opening): for progress.
    public let totalBytes: Int64?
    private var memoryOffset = 0

    public init(path: String, chunkSize: Int = 256 * 1024) throws {
        guard let handle = FileHandle(forReadingAtPath: path) else {
            throw ImportFailure.unreadableFile(path: path, reason: "the file cannot be opened for reading")
        }
        self.backing = .file(handle)
        self.chunkSize = chunkSize
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? NSNumber)?.int64Value
        self.totalBytes = size
    }

    public init(bytes: [UInt8], chunkSize: Int = 64 * 1024) {
        self.backing = .memory(bytes)
        self.chunkSize = max(chunkSize, 1)
        self.totalBytes = Int64(bytes.count)
    }

    deinit {
        if case .file(let handle) = backing { try? handle.close() }
    }

    /// The next chunk, or an empty array at the end.
    public func read() throws -> [UInt8] {
        switch backing {
        case .file(let handle):
            guard let data = try handle.read(upToCount: chunkSize) else { return [] }
            return [UInt8](data)
        case .memory(let bytes):
            let end = min(bytes.count, memoryOffset + chunkSize)
            defer { memoryOffset = end }
            return Array(bytes[memoryOffset..<end])
        }
    }

    /// Moves the read position to an absolute offset.
    public func seek(to offset: Int64) throws {
        switch backing {
        case .file(let handle): try handle.seek(toOffset: UInt64(max(offset, 0)))
        case .memory(let bytes): memoryOffset = min(Int(max(offset, 0)), bytes.count)
        }
    }
}
