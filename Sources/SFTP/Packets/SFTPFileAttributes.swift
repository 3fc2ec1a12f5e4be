import Foundation
import NIOCore

/// The ATTRS structure of SFTP v3 (draft-ietf-secsh-filexfer-02, section 5). Every field is optional on the wire.
public struct SFTPFileAttributes: Sendable, Hashable {
    public var size: UInt64?
    public var userID: UInt32?
    public var groupID: UInt32?
    /// The POSIX mode bits, file type included (`S_IFDIR`, `S_IFREG`, …).
    public var permissions: UInt32?
    public var accessTime: UInt32?
    public var modificationTime: UInt32?
    public var extended: [String: String] = [:]

    public init(
        size: UInt64? = nil, permissions: UInt32? = nil, accessTime: UInt32? = nil, modificationTime: UInt32? = nil
    ) {
        self.size = size
        self.permissions = permissions
        self.accessTime = accessTime
        self.modificationTime = modificationTime
    }

    public var isDirectory: Bool { fileType == 0o040000 }
    public var isRegularFile: Bool { fileType == 0o100000 }
    public var isSymbolicLink: Bool { fileType == 0o120000 }

    /// The modification time as a date, when the server sent one.
    public var modificationDate: Date? {
        modificationTime.map { Date(timeIntervalSince1970: TimeInterval($0)) }
    }

    private var fileType: UInt32? { permissions.map { $0 & 0o170000 } }

    private enum Flag {
        static let size: UInt32 = 0x0000_0001
        static let userGroup: UInt32 = 0x0000_0002
        static let permissions: UInt32 = 0x0000_0004
        static let accessModificationTime: UInt32 = 0x0000_0008
        static let extended: UInt32 = 0x8000_0000
    }

    init(reading reader: inout SFTPPacketReader) throws {
        let flags = try reader.readUInt32("attribute flags")
        if flags & Flag.size != 0 { size = try reader.readUInt64("size") }
        if flags & Flag.userGroup != 0 {
            userID = try reader.readUInt32("uid")
            groupID = try reader.readUInt32("gid")
        }
        if flags & Flag.permissions != 0 { permissions = try reader.readUInt32("permissions") }
        if flags & Flag.accessModificationTime != 0 {
            accessTime = try reader.readUInt32("atime")
            modificationTime = try reader.readUInt32("mtime")
        }
        if flags & Flag.extended != 0 {
            let count = try reader.readUInt32("extended count")
            try reader.checkCount(count, minimumSize: 8, "extended attributes")
            for _ in 0..<count {
                let type = try reader.readString("extended type")
                extended[type] = try reader.readString("extended data")
            }
        }
    }

    func write(to buffer: inout ByteBuffer) {
        var flags: UInt32 = 0
        if size != nil { flags |= Flag.size }
        if userID != nil, groupID != nil { flags |= Flag.userGroup }
        if permissions != nil { flags |= Flag.permissions }
        if accessTime != nil, modificationTime != nil { flags |= Flag.accessModificationTime }
        if !extended.isEmpty { flags |= Flag.extended }
        buffer.writeInteger(flags, endianness: .big)
        if let size { buffer.writeInteger(size, endianness: .big) }
        if let userID, let groupID {
            buffer.writeInteger(userID, endianness: .big)
            buffer.writeInteger(groupID, endianness: .big)
        }
        if let permissions { buffer.writeInteger(permissions, endianness: .big) }
        if let accessTime, let modificationTime {
            buffer.writeInteger(accessTime, endianness: .big)
            buffer.writeInteger(modificationTime, endianness: .big)
        }
        if !extended.isEmpty {
            buffer.writeInteger(UInt32(extended.count), endianness: .big)
            for (type, data) in extended.sorted(by: { $0.key < $1.key }) {
                buffer.writeSFTPString(type)
                buffer.writeSFTPString(data)
            }
        }
    }
}

/// One entry of a directory listing.
public struct SFTPDirectoryEntry: Sendable, Hashable {
    public var name: String
    /// The `ls -l` style line the server sent; informative only, its format is not specified.
    public var longName: String
    public var attributes: SFTPFileAttributes

    public var size: UInt64? { attributes.size }
    public var modificationDate: Date? { attributes.modificationDate }
    public var isDirectory: Bool { attributes.isDirectory }
}
