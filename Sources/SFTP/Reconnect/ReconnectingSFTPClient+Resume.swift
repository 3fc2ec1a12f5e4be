import Foundation

extension ReconnectingSFTPClient {
    /// Downloads `remote` into the local file `local`, resuming from the local file's size: after a cut only the
    /// missing tail is read, with offset reads. A local file longer than the remote one is started over.
    /// Returns the final size. `progress` gets the local size after each chunk.
    @discardableResult
    public func download(
        _ remote: String, toLocal local: String, progress: (@Sendable (UInt64) async -> Void)? = nil
    ) async throws -> UInt64 {
        try await retrying { client in
            let remoteSize = try await client.stat(remote).size
            let file = try LocalFile.openForAppending(local)
            defer { try? file.close() }
            var have = try LocalFile.size(of: file, path: local)
            if let remoteSize, have > remoteSize {
                try LocalFile.truncate(file, path: local)
                have = 0
            }
            if let remoteSize, have == remoteSize { return have }
            try await client.read(remote, from: have) { chunk in
                do {
                    try file.write(contentsOf: chunk)
                } catch {
                    throw SFTPError(.localFile, path: local, message: "cannot write the downloaded bytes: \(error)")
                }
                have += UInt64(chunk.count)
                if let progress { await progress(have) }
            }
            return have
        }
    }

    /// Uploads the local file to `remote` through `remote + ".part"`, then renames it into place (replacing an
    /// existing `remote`). After a cut the upload resumes from the size of the `.part` file on the server (a `.part`
    /// longer than the local file is started over). `progress` gets the `.part` size reached after each chunk.
    public func upload(
        _ local: String, remote: String, progress: (@Sendable (UInt64) async -> Void)? = nil
    ) async throws {
        let part = remote + ".part"
        let localSize = try LocalFile.size(atPath: local)
        var renameSent = false
        try await retrying { client in
            if renameSent, try await client.statIfExists(part) == nil,
                try await client.statIfExists(remote)?.size == localSize
            {
                return  // The rename went through just before the cut.
            }
            var offset = try await client.statIfExists(part)?.size ?? 0
            if offset > localSize { offset = 0 }
            if offset < localSize || offset == 0 {
                let file = try LocalFile.openForReading(local, at: offset)
                defer { try? file.close() }
                let start = offset
                try await client.write(
                    part, from: LocalFileChunks(file: file, path: local), mode: offset == 0 ? .truncate : .resume(at: offset),
                    progress: { written in if let progress { await progress(start + written) } })
            }
            let written = try await client.stat(part).size
            guard written == localSize else {
                throw SFTPError(
                    .status(.failure), path: part,
                    message: "the uploaded file has \(written.map(String.init) ?? "unknown") bytes, expected \(localSize)")
            }
            renameSent = true
            try await client.renameReplacing(from: part, to: remote)
        }
    }
}

/// Local file access for the resumable transfers, with errors as `SFTPError.localFile`.
enum LocalFile {
    static func size(atPath path: String) throws -> UInt64 {
        do {
            let attributes = try FileManager.default.attributesOfItem(atPath: path)
            return (attributes[.size] as? NSNumber)?.uint64Value ?? 0
        } catch {
            throw SFTPError(.localFile, path: path, message: "cannot read the local file: \(error)")
        }
    }

    static func size(of file: FileHandle, path: String) throws -> UInt64 {
        do {
            return try file.seekToEnd()
        } catch {
            throw SFTPError(.localFile, path: path, message: "cannot seek in the local file: \(error)")
        }
    }

    static func openForAppending(_ path: String) throws -> FileHandle {
        if !FileManager.default.fileExists(atPath: path) {
            guard FileManager.default.createFile(atPath: path, contents: nil) else {
                throw SFTPError(.localFile, path: path, message: "cannot create the local file")
            }
        }
        guard let file = FileHandle(forWritingAtPath: path) else {
            throw SFTPError(.localFile, path: path, message: "cannot open the local file for writing")
        }
        return file
    }

    static func truncate(_ file: FileHandle, path: String) throws {
        do {
            try file.truncate(atOffset: 0)
        } catch {
            throw SFTPError(.localFile, path: path, message: "cannot truncate the local file: \(error)")
        }
    }

    static func openForReading(_ path: String, at offset: UInt64) throws -> FileHandle {
        guard let file = FileHandle(forReadingAtPath: path) else {
            throw SFTPError(.localFile, path: path, message: "cannot open the local file for reading")
        }
        do {
            try file.seek(toOffset: offset)
        } catch {
            throw SFTPError(.localFile, path: path, message: "cannot seek to \(offset) in the local file: \(error)")
        }
        return file
    }
}

/// A local file, from its current position to its end, as chunks of 256 KiB.
struct LocalFileChunks: AsyncSequence {
    typealias Element = [UInt8]
    let file: FileHandle
    let path: String

    struct AsyncIterator: AsyncIteratorProtocol {
        let file: FileHandle
        let path: String

        mutating func next() async throws -> [UInt8]? {
            do {
                guard let data = try file.read(upToCount: 256 * 1024), !data.isEmpty else { return nil }
                return Array(data)
            } catch {
                throw SFTPError(.localFile, path: path, message: "cannot read the local file: \(error)")
            }
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(file: file, path: path) }
}
