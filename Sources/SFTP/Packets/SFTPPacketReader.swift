import NIOCore

/// Reads the wire types of SFTP (uint32, uint64, string) from a packet body, checking every length against the bytes
/// that are really there before reading, so a hostile length field fails cleanly and allocates nothing.
struct SFTPPacketReader {
    private var buffer: ByteBuffer
    /// Names the packet in errors ("NAME", "STATUS", …).
    let packetName: String

    init(_ buffer: ByteBuffer, packetName: String) {
        self.buffer = buffer
        self.packetName = packetName
    }

    var remainingBytes: Int { buffer.readableBytes }

    mutating func readUInt8(_ field: String) throws -> UInt8 {
        guard let value = buffer.readInteger(as: UInt8.self) else { throw truncated(field, needs: 1) }
        return value
    }

    mutating func readUInt32(_ field: String) throws -> UInt32 {
        guard let value = buffer.readInteger(endianness: .big, as: UInt32.self) else {
            throw truncated(field, needs: 4)
        }
        return value
    }

    mutating func readUInt64(_ field: String) throws -> UInt64 {
        guard let value = buffer.readInteger(endianness: .big, as: UInt64.self) else {
            throw truncated(field, needs: 8)
        }
        return value
    }

    /// An SSH `string`: a uint32 length and that many bytes.
    mutating func readBytes(_ field: String) throws -> ByteBuffer {
        let length = try readUInt32("length of \(field)")
        guard Int(length) <= buffer.readableBytes, let slice = buffer.readSlice(length: Int(length)) else {
            throw SFTPError.malformedPacket(
                "\(packetName): \(field) claims \(length) bytes but only \(buffer.readableBytes) remain")
        }
        return slice
    }

    /// An SSH `string` read as UTF-8 text (invalid sequences are repaired, never fatal).
    mutating func readString(_ field: String) throws -> String {
        let bytes = try readBytes(field)
        return String(decoding: bytes.readableBytesView, as: UTF8.self)
    }

    /// Whatever remains of the packet.
    mutating func readRest() -> ByteBuffer {
        buffer.readSlice(length: buffer.readableBytes) ?? ByteBuffer()
    }

    /// Checks that `count` items of at least `minimumSize` bytes each can fit in what remains, before any loop runs.
    func checkCount(_ count: UInt32, minimumSize: Int, _ field: String) throws {
        let (needed, overflow) = Int(count).multipliedReportingOverflow(by: minimumSize)
        guard !overflow, needed <= buffer.readableBytes else {
            throw SFTPError.malformedPacket(
                "\(packetName): \(field) claims \(count) items but only \(buffer.readableBytes) bytes remain")
        }
    }

    private func truncated(_ field: String, needs: Int) -> SFTPError {
        .malformedPacket("\(packetName): truncated at \(field) (needs \(needs) bytes, \(buffer.readableBytes) remain)")
    }
}

extension ByteBuffer {
    /// Writes an SSH `string` (uint32 length, then the bytes).
    mutating func writeSFTPString(_ text: String) {
        let utf8 = Array(text.utf8)
        writeInteger(UInt32(truncatingIfNeeded: utf8.count), endianness: .big)
        writeBytes(utf8)
    }

    mutating func writeSFTPBytes(_ bytes: ByteBuffer) {
        writeInteger(UInt32(truncatingIfNeeded: bytes.readableBytes), endianness: .big)
        writeImmutableBuffer(bytes)
    }
}
