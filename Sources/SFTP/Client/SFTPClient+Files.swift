import NIOCore

extension SFTPClient {
    /// The entries of a directory, without `.` and `..`.
    public func list(_ directory: String) async throws -> [SFTPDirectoryEntry] {
        let handle = try await openHandle(.opendir(path: directory), path: directory)
        var entries: [SFTPDirectoryEntry] = []
        do {
            readLoop: while true {
                switch try await send(.readdir(handle: handle)) {
                case .name(_, let batch):
                    entries += batch.filter { $0.name != "." && $0.name != ".." }
                case .status(_, .endOfFile, _):
                    break readLoop
                case let other:
                    _ = try other.failingOnStatus(path: directory)
                    throw SFTPError(.unexpectedResponse, path: directory, message: "READDIR answered \(other.kind)")
                }
            }
        } catch {
            await closeHandle(handle, path: directory)
            throw error
        }
        try await sendExpectingOK(.close(handle: handle), path: directory)
        return entries
    }

    /// The attributes of a path, following symbolic links.
    public func stat(_ path: String) async throws -> SFTPFileAttributes {
        try await attributes(.stat(path: path), path: path)
    }

    /// The attributes of a path itself, without following a symbolic link.
    public func lstat(_ path: String) async throws -> SFTPFileAttributes {
        try await attributes(.lstat(path: path), path: path)
    }

    /// The attributes of `path`, or nil when it does not exist.
    public func statIfExists(_ path: String) async throws -> SFTPFileAttributes? {
        do {
            return try await stat(path)
        } catch let error as SFTPError where error.status == .noSuchFile {
            return nil
        }
    }

    /// The absolute, canonical form of a path (`.` gives the login directory).
    public func realPath(_ path: String) async throws -> String {
        switch try await send(.realpath(path: path)).failingOnStatus(path: path) {
        case .name(_, let entries) where entries.count == 1:
            return entries[0].name
        case let other:
            throw SFTPError(.unexpectedResponse, path: path, message: "REALPATH answered \(other.kind)")
        }
    }

    /// Renames a file or directory. Version 3 never replaces an existing target: that case throws
    /// `renameTargetExists` (OpenSSH only says "Failure", so the target is checked after a failure).
    public func rename(from source: String, to target: String) async throws {
        do {
            try await sendExpectingOK(.rename(from: source, to: target), path: source)
        } catch let error as SFTPError where error.status == .failure {
            if (try? await lstat(target)) != nil {
                throw SFTPError(
                    .renameTargetExists, path: target,
                    message: "cannot rename \(source) to \(target): the target exists (SFTP v3 rename never replaces)")
            }
            throw error
        }
    }

    /// Renames, replacing an existing target atomically when the server offers `posix-rename@openssh.com`;
    /// otherwise removes the target first (not atomic).
    public func renameReplacing(from source: String, to target: String) async throws {
        if server.extensions["posix-rename@openssh.com"] != nil {
            try await sendExpectingOK(.extended(name: "posix-rename@openssh.com", strings: [source, target]), path: source)
            return
        }
        do {
            try await rename(from: source, to: target)
        } catch let error as SFTPError where error.code == .renameTargetExists {
            try await remove(target)
            try await rename(from: source, to: target)
        }
    }

    /// Removes a file.
    public func remove(_ path: String) async throws {
        try await sendExpectingOK(.remove(path: path), path: path)
    }

    /// Creates a directory.
    public func mkdir(_ path: String, permissions: UInt32? = nil) async throws {
        try await sendExpectingOK(.mkdir(path: path, attributes: SFTPFileAttributes(permissions: permissions)), path: path)
    }

    /// Removes an empty directory.
    public func rmdir(_ path: String) async throws {
        try await sendExpectingOK(.rmdir(path: path), path: path)
    }

    // MARK: Helpers

    private func attributes(_ request: SFTPRequest, path: String) async throws -> SFTPFileAttributes {
        switch try await send(request).failingOnStatus(path: path) {
        case .attributes(_, let attributes):
            return attributes
        case let other:
            throw SFTPError(.unexpectedResponse, path: path, message: "expected ATTRS, got \(other.kind)")
        }
    }

    func openHandle(_ request: SFTPRequest, path: String) async throws -> ByteBuffer {
        switch try await send(request).failingOnStatus(path: path) {
        case .handle(_, let handle):
            return handle
        case let other:
            throw SFTPError(.unexpectedResponse, path: path, message: "expected HANDLE, got \(other.kind)")
        }
    }

    /// Closes a handle after a failure, keeping the first error: a close error then is only noise.
    func closeHandle(_ handle: ByteBuffer, path: String) async {
        _ = try? await send(.close(handle: handle))
    }
}
