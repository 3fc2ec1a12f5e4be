import Foundation
import SFTP

/// A folder on an SFTP server, through a ``ReconnectingSFTPClient``: an operation cut by a lost connection runs
/// again on a new one; a download resumes from what arrived.
public struct SFTPChannelFolder: ChannelFolder {
    public let client: ReconnectingSFTPClient
    /// The folder on the server (absolute, or relative to the login directory).
    public let root: String

    public init(client: ReconnectingSFTPClient, root: String) {
        self.client = client
        self.root = root
    }

    public var displayName: String {
        "sftp://\(client.settings.username)@\(client.settings.host):\(client.settings.port)/\(root)"
    }

    func remote(_ path: String) -> String {
        if path.isEmpty { return root }
        return root.hasSuffix("/") ? root + path : root + "/" + path
    }

    public func list(_ folder: String) async throws -> [FolderEntry] {
        let path = remote(folder)
        return try await client.withReconnect { sftp in
            try await sftp.list(path).map { entry in
                FolderEntry(
                    name: entry.name, isFile: entry.attributes.isRegularFile, isDirectory: entry.isDirectory,
                    size: entry.size ?? 0, modified: entry.modificationDate)
            }
        }
    }

    public func makeFolder(_ folder: String) async throws {
        let path = remote(folder)
        try await client.withReconnect { sftp in
            if let existing = try await sftp.statIfExists(path) {
                guard existing.isDirectory else {
                    throw ChannelFolderError(path: path, message: "exists and is not a folder")
                }
                return
            }
            do {
                try await sftp.mkdir(path)
            } catch let error as SFTPError where !error.isConnectionProblem {
                // Made by another node meanwhile?
                guard try await sftp.statIfExists(path)?.isDirectory == true else { throw error }
            }
        }
    }

    /// SFTP v3 `rename` never replaces. After a cut the rename may have gone through: a source that is gone with
    /// the target present then counts as moved (the source was ours: a claimed file or a temporary name).
    public func move(_ source: String, to target: String) async throws -> MoveResult {
        let from = remote(source)
        let to = remote(target)
        let attempts = AttemptCounter()
        return try await client.withReconnect { sftp in
            let retry = attempts.next() > 0
            do {
                try await sftp.rename(from: from, to: to)
                return .moved
            } catch let error as SFTPError where error.code == .renameTargetExists {
                if retry, try await sftp.statIfExists(from) == nil { return .moved }
                return .targetExists
            } catch let error as SFTPError where error.status == .noSuchFile {
                if retry, try await sftp.statIfExists(to) != nil { return .moved }
                return .sourceMissing
            }
        }
    }

    public func localPath(_ path: String) -> String? { nil }

    public func download(_ path: String, toLocal local: String) async throws {
        try await client.download(remote(path), toLocal: local)
    }

    public func write(_ path: String, bytes: [UInt8]) async throws {
        let target = remote(path)
        _ = try await client.withReconnect { sftp in try await sftp.write(target, bytes: bytes, mode: .truncate) }
    }

    public func remove(_ path: String) async throws {
        let target = remote(path)
        try await client.withReconnect { sftp in
            do {
                try await sftp.remove(target)
            } catch let error as SFTPError where error.status == .noSuchFile {}
        }
    }

    public func removeFolder(_ folder: String) async throws {
        let target = remote(folder)
        try await client.withReconnect { sftp in
            do {
                try await sftp.rmdir(target)
            } catch let error as SFTPError where error.status == .noSuchFile {}
        }
    }
}

/// Counts the runs of a retried operation.
final class AttemptCounter: @unchecked Sendable {
    private let lock = NSLock()
    private var count = 0

    func next() -> Int {
        lock.lock()
        defer { lock.unlock() }
        defer { count += 1 }
        return count
    }
}
