import NIOCore

/// Cuts the byte stream of the `sftp` subsystem into packets: `uint32 length`, then `length` bytes (type and body).
enum SFTPFraming {
    /// Takes the next whole packet off the front of `stream`, or returns nil when more bytes are needed.
    /// A length of zero or above `maximumLength` is refused at once, before anything is buffered for it.
    static func nextPacket(
        from stream: inout ByteBuffer, maximumLength: Int = SFTPLimits.maximumPacketLength
    ) throws -> ByteBuffer? {
        guard let length = stream.getInteger(at: stream.readerIndex, endianness: .big, as: UInt32.self) else {
            return nil
        }
        guard length > 0 else { throw SFTPError.malformedPacket("a packet of length 0 (no type byte)") }
        guard Int(length) <= maximumLength else {
            throw SFTPError.malformedPacket("a packet announces \(length) bytes, above the limit of \(maximumLength)")
        }
        guard stream.readableBytes >= 4 + Int(length) else { return nil }
        stream.moveReaderIndex(forwardBy: 4)
        return stream.readSlice(length: Int(length))
    }

    /// Frames a packet: the length, the type byte, then the body.
    static func frame(type: SFTPPacketType, body: ByteBuffer, allocator: ByteBufferAllocator) -> ByteBuffer {
        var out = allocator.buffer(capacity: 5 + body.readableBytes)
        out.writeInteger(UInt32(1 + body.readableBytes), endianness: .big)
        out.writeInteger(type.rawValue)
        out.writeImmutableBuffer(body)
        return out
    }
}
