import NIOCore

/// A request the client sends; each gets a request id when it is framed.
enum SFTPRequest: Sendable {
    case open(path: String, flags: SFTPOpenFlags, attributes: SFTPFileAttributes)
    case close(handle: ByteBuffer)
    case read(handle: ByteBuffer, offset: UInt64, length: UInt32)
    case write(handle: ByteBuffer, offset: UInt64, data: ByteBuffer)
    case lstat(path: String)
    case fstat(handle: ByteBuffer)
    case opendir(path: String)
    case readdir(handle: ByteBuffer)
    case remove(path: String)
    case mkdir(path: String, attributes: SFTPFileAttributes)
    case rmdir(path: String)
    case realpath(path: String)
    case stat(path: String)
    case rename(from: String, to: String)
    /// An SSH_FXP_EXTENDED request: a name such as `posix-rename@openssh.com`, then that extension's fields.
    case extended(name: String, strings: [String])

    var type: SFTPPacketType {
        switch self {
        case .open: .open
        case .close: .close
        case .read: .read
        case .write: .write
        case .lstat: .lstat
        case .fstat: .fstat
        case .opendir: .opendir
        case .readdir: .readdir
        case .remove: .remove
        case .mkdir: .mkdir
        case .rmdir: .rmdir
        case .realpath: .realpath
        case .stat: .stat
        case .rename: .rename
        case .extended: .extended
        }
    }

    /// The packet body after the type byte: the request id, then the fields.
    func encodeBody(id: UInt32, allocator: ByteBufferAllocator) -> ByteBuffer {
        var body = allocator.buffer(capacity: 64)
        body.writeInteger(id, endianness: .big)
        switch self {
        case .open(let path, let flags, let attributes):
            body.writeSFTPString(path)
            body.writeInteger(flags.rawValue, endianness: .big)
            attributes.write(to: &body)
        case .close(let handle), .fstat(let handle), .readdir(let handle):
            body.writeSFTPBytes(handle)
        case .read(let handle, let offset, let length):
            body.writeSFTPBytes(handle)
            body.writeInteger(offset, endianness: .big)
            body.writeInteger(length, endianness: .big)
        case .write(let handle, let offset, let data):
            body.writeSFTPBytes(handle)
            body.writeInteger(offset, endianness: .big)
            body.writeSFTPBytes(data)
        case .lstat(let path), .opendir(let path), .remove(let path), .rmdir(let path), .realpath(let path),
            .stat(let path):
            body.writeSFTPString(path)
        case .mkdir(let path, let attributes):
            body.writeSFTPString(path)
            attributes.write(to: &body)
        case .rename(let from, let to):
            body.writeSFTPString(from)
            body.writeSFTPString(to)
        case .extended(let name, let strings):
            body.writeSFTPString(name)
            for string in strings { body.writeSFTPString(string) }
        }
        return body
    }

    /// The path the request is about, for error messages.
    var path: String {
        switch self {
        case .open(let path, _, _), .lstat(let path), .opendir(let path), .remove(let path), .mkdir(let path, _),
            .rmdir(let path), .realpath(let path), .stat(let path):
            path
        case .rename(let from, _):
            from
        case .extended(_, let strings):
            strings.first ?? ""
        case .close, .read, .write, .fstat, .readdir:
            ""
        }
    }
}

/// The INIT packet that opens the session: `uint32 version`, no request id.
enum SFTPInit {
    static func body(allocator: ByteBufferAllocator) -> ByteBuffer {
        var body = allocator.buffer(capacity: 4)
        body.writeInteger(SFTPLimits.version, endianness: .big)
        return body
    }
}
