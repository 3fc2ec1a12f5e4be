import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A folder on this machine's file system.
public struct LocalChannelFolder: ChannelFolder {
    public let root: String

    public init(root: String) {
        self.root = root
    }

    public var displayName: String { root }

    func absolute(_ path: String) -> String {
        path.isEmpty ? root : (root as NSString).appendingPathComponent(path)
    }

    public func list(_ folder: String) async throws -> [FolderEntry] {
        let base = absolute(folder)
        let manager = FileManager.default
        let names: [String]
        do {
            names = try manager.contentsOfDirectory(atPath: base)
        } catch {
            throw ChannelFolderError(path: base, message: "cannot list the folder (\(error.localizedDescription))")
        }
        return names.compactMap { name in
            var status = stat()
            guard lstat((base as NSString).appendingPathComponent(name), &status) == 0 else { return nil }
            let type = status.st_mode & S_IFMT
            return FolderEntry(
                name: name, isFile: type == S_IFREG, isDirectory: type == S_IFDIR, size: UInt64(status.st_size),
                modified: Date(timeIntervalSince1970: Double(status.st_mtim.tv_sec)
                    + Double(status.st_mtim.tv_nsec) / 1e9))
        }
    }

    public func makeFolder(_ folder: String) async throws {
        do {
            try FileManager.default.createDirectory(atPath: absolute(folder), withIntermediateDirectories: true)
        } catch {
            throw ChannelFolderError(path: absolute(folder), message: "cannot create the folder (\(error.localizedDescription))")
        }
    }

    /// `link` then `unlink`: the link fails when the target exists (never replaced); when two movers linked the
    /// same source, only one `unlink` succeeds and the other takes its link back.
    public func move(_ source: String, to target: String) async throws -> MoveResult {
        let from = absolute(source)
        let to = absolute(target)
        if link(from, to) != 0 {
            let code = errno
            switch code {
            case EEXIST: return .targetExists
            case ENOENT:
                if access(from, F_OK) != 0 { return .sourceMissing }
                throw ChannelFolderError(path: to, message: "cannot move \(from) here: the folder is missing")
            default:
                throw ChannelFolderError(path: to, message: "cannot move \(from) here: \(String(cString: strerror(code)))")
            }
        }
        if unlink(from) != 0 {
            let code = errno
            unlink(to)
            if code == ENOENT { return .sourceMissing }
            throw ChannelFolderError(path: from, message: "cannot remove after linking: \(String(cString: strerror(code)))")
        }
        return .moved
    }

    public func localPath(_ path: String) -> String? { absolute(path) }

    public func download(_ path: String, toLocal local: String) async throws {
        let source = absolute(path)
        try? FileManager.default.removeItem(atPath: local)
        do {
            try FileManager.default.copyItem(atPath: source, toPath: local)
        } catch {
            throw ChannelFolderError(path: source, message: "cannot copy to \(local) (\(error.localizedDescription))")
        }
    }

    public func write(_ path: String, bytes: [UInt8]) async throws {
        let target = absolute(path)
        guard FileManager.default.createFile(atPath: target, contents: Data(bytes)) else {
            throw ChannelFolderError(path: target, message: "cannot write the file")
        }
    }

    public func remove(_ path: String) async throws {
        if unlink(absolute(path)) != 0, errno != ENOENT {
            throw ChannelFolderError(path: absolute(path), message: String(cString: strerror(errno)))
        }
    }

    public func removeFolder(_ folder: String) async throws {
        if rmdir(absolute(folder)) != 0, errno != ENOENT {
            throw ChannelFolderError(path: absolute(folder), message: String(cString: strerror(errno)))
        }
    }
}
