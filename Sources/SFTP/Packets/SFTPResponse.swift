import NIOCore

/// A reply from the server, decoded from one packet.
enum SFTPResponse: Sendable {
    case version(version: UInt32, extensions: [String: String])
    case status(id: UInt32, code: SFTPStatusCode, message: String)
    case handle(id: UInt32, handle: ByteBuffer)
    case data(id: UInt32, data: ByteBuffer)
    case name(id: UInt32, entries: [SFTPDirectoryEntry])
    case attributes(id: UInt32, attributes: SFTPFileAttributes)
    case extendedReply(id: UInt32, data: ByteBuffer)

    /// The request id this reply answers (nil for VERSION, which answers INIT).
    var requestID: UInt32? {
        switch self {
        case .version: nil
        case .status(let id, _, _), .handle(let id, _), .data(let id, _), .name(let id, _), .attributes(let id, _),
            .extendedReply(let id, _):
            id
        }
    }

    /// Decodes one framed packet (the bytes after the length field). Every failure is an `SFTPError.malformedPacket`.
    init(packet: ByteBuffer) throws {
        var packet = packet
        guard let typeByte = packet.readInteger(as: UInt8.self) else {
            throw SFTPError.malformedPacket("an empty packet")
        }
        guard let type = SFTPPacketType(rawValue: typeByte) else {
            throw SFTPError.malformedPacket("unknown packet type \(typeByte)")
        }
        var reader = SFTPPacketReader(packet, packetName: "\(type)".uppercased())
        switch type {
        case .version:
            let version = try reader.readUInt32("version")
            var extensions: [String: String] = [:]
            while reader.remainingBytes > 0 {
                let name = try reader.readString("extension name")
                extensions[name] = try reader.readString("extension data")
            }
            self = .version(version: version, extensions: extensions)
        case .status:
            let id = try reader.readUInt32("request id")
            let code = SFTPStatusCode(rawValue: try reader.readUInt32("status code"))
            // Some old servers stop after the code; the message and language tag are then absent.
            let message = reader.remainingBytes > 0 ? try reader.readString("error message") : ""
            self = .status(id: id, code: code, message: message)
        case .handle:
            let id = try reader.readUInt32("request id")
            let handle = try reader.readBytes("handle")
            guard handle.readableBytes <= 256 else {
                throw SFTPError.malformedPacket("HANDLE: a handle of \(handle.readableBytes) bytes (at most 256)")
            }
            self = .handle(id: id, handle: handle)
        case .data:
            let id = try reader.readUInt32("request id")
            self = .data(id: id, data: try reader.readBytes("data"))
        case .name:
            let id = try reader.readUInt32("request id")
            let count = try reader.readUInt32("count")
            // Each entry is at least two empty strings and an attribute flags word: 12 bytes.
            try reader.checkCount(count, minimumSize: 12, "entries")
            var entries: [SFTPDirectoryEntry] = []
            entries.reserveCapacity(Int(count))
            for _ in 0..<count {
                let name = try reader.readString("filename")
                let longName = try reader.readString("longname")
                let attributes = try SFTPFileAttributes(reading: &reader)
                entries.append(SFTPDirectoryEntry(name: name, longName: longName, attributes: attributes))
            }
            self = .name(id: id, entries: entries)
        case .attrs:
            let id = try reader.readUInt32("request id")
            self = .attributes(id: id, attributes: try SFTPFileAttributes(reading: &reader))
        case .extendedReply:
            let id = try reader.readUInt32("request id")
            self = .extendedReply(id: id, data: reader.readRest())
        default:
            throw SFTPError.malformedPacket("packet type \(type) is a request, not a reply a server may send")
        }
    }
}
