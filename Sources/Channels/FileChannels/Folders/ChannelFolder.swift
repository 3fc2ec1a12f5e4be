import Foundation

/// A folder the file channels work in: a local folder or a folder on an SFTP server. Paths are relative to the
/// channel's root and use `/`; each name in them has passed ``ChannelFolders/isSafeName(_:)``.
///
/// The pick-up and the result files are written once over this protocol, so they behave the same locally and over
/// SFTP: a claim is one atomic rename, nothing is ever replaced, and a result file appears under its final name only
/// when complete.
public protocol ChannelFolder: Sendable {
    /// For logs: `/srv/erp/in` or `sftp://user@host:22/outbox`.
    var displayName: String { get }
    /// The entries of a folder ("" is the root), without `.` and `..`.
    func list(_ folder: String) async throws -> [FolderEntry]
    /// Creates the folder when it is missing (its parent must exist).
    func makeFolder(_ folder: String) async throws
    /// Renames atomically without ever replacing: exactly one of several concurrent moves of one file succeeds.
    func move(_ source: String, to target: String) async throws -> MoveResult
    /// The file as a local path when the folder is local (read in place); nil when it must be downloaded.
    func localPath(_ path: String) -> String?
    /// Copies the file into the local file `local`; after a cut the transfer resumes or restarts cleanly.
    func download(_ path: String, toLocal local: String) async throws
    /// Writes the file whole, replacing it. Used for temporary names only; see ``ChannelFolders/deliver``.
    func write(_ path: String, bytes: [UInt8]) async throws
    func remove(_ path: String) async throws
    /// Removes an empty folder.
    func removeFolder(_ folder: String) async throws
}

/// One entry of a folder listing.
public struct FolderEntry: Sendable, Hashable {
    public var name: String
    public var isFile: Bool
    public var isDirectory: Bool
    public var size: UInt64
    public var modified: Date?

    public init(name: String, isFile: Bool, isDirectory: Bool, size: UInt64, modified: Date?) {
        self.name = name
        self.isFile = isFile
        self.isDirectory = isDirectory
        self.size = size
        self.modified = modified
    }
}

public enum MoveResult: Sendable, Hashable {
    case moved
    /// The source is gone: another picker took it.
    case sourceMissing
    /// The target exists; nothing was moved.
    case targetExists
}

/// Why a channel folder operation failed.
public struct ChannelFolderError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): \(message)" }
}

/// Steps built on ``ChannelFolder``.
public enum ChannelFolders {
    /// A name a file may have: no `/`, `\`, NUL or `..`, not hidden, not empty, at most 255 bytes.
    public static func isSafeName(_ name: String) -> Bool { PickupFiles.isSafeName(name) }

    /// `a/b`, skipping empty parts.
    static func join(_ parts: String...) -> String {
        parts.filter { !$0.isEmpty }.joined(separator: "/")
    }

    /// Moves `source` into `folder` under `name`, never replacing: a taken name gets a `1-`, `2-` … prefix.
    /// Returns the final path, or nil when the source is gone.
    static func moveNoReplace(_ source: String, in channel: any ChannelFolder, into folder: String, name: String)
        async throws -> String?
    {
        for attempt in 0..<1000 {
            let target = join(folder, attempt == 0 ? name : "\(attempt)-\(name)")
            switch try await channel.move(source, to: target) {
            case .moved: return target
            case .sourceMissing: return nil
            case .targetExists: continue
            }
        }
        throw ChannelFolderError(path: join(folder, name), message: "no free name after 1000 attempts")
    }

    /// Writes a complete file under a hidden temporary name, then renames it to `name` in `folder` (numbered when
    /// the name is taken): a reader of the folder never sees half a file. Returns the final path.
    @discardableResult
    public static func deliver(_ bytes: [UInt8], to channel: any ChannelFolder, folder: String, name: String)
        async throws -> String
    {
        let temporary = join(folder, ".\(UUID().uuidString.lowercased()).tmp")
        try await channel.write(temporary, bytes: bytes)
        guard let path = try await moveNoReplace(temporary, in: channel, into: folder, name: name) else {
            throw ChannelFolderError(path: temporary, message: "the temporary file vanished before its rename")
        }
        return path
    }
}
