import NIOCore
import Testing

@testable import SFTP

@Suite("SFTP packet decoding")
struct SFTPPacketDecodingTests {
    /// A packet body (type byte first) built by hand, the way a server would send it.
    private func packet(_ type: UInt8, _ build: (inout ByteBuffer) -> Void) -> ByteBuffer {
        var body = ByteBuffer()
        body.writeInteger(type)
        build(&body)
        return body
    }

    private func framed(_ body: ByteBuffer) -> ByteBuffer {
        var out = ByteBuffer()
        out.writeInteger(UInt32(body.readableBytes), endianness: .big)
        out.writeImmutableBuffer(body)
        return out
    }

    private func malformedMessage(_ body: ByteBuffer) -> String? {
        do {
            _ = try SFTPResponse(packet: body)
            return nil
        } catch let error as SFTPError {
            #expect(error.code == .malformedPacket)
            return error.message
        } catch {
            Issue.record("unexpected error type \(error)")
            return nil
        }
    }

    @Test func statusWithMessageDecodes() throws {
        let body = packet(101) {
            $0.writeInteger(UInt32(7), endianness: .big)
            $0.writeInteger(UInt32(2), endianness: .big)
            $0.writeSFTPString("No such file")
            $0.writeSFTPString("en")
        }
        guard case .status(let id, let code, let message) = try SFTPResponse(packet: body) else {
            Issue.record("not a status")
            return
        }
        #expect(id == 7)
        #expect(code == .noSuchFile)
        #expect(message == "No such file")
    }

    @Test func nameWithAttributesDecodes() throws {
        let body = packet(104) {
            $0.writeInteger(UInt32(3), endianness: .big)
            $0.writeInteger(UInt32(1), endianness: .big)
            $0.writeSFTPString("facture.xml")
            $0.writeSFTPString("-rw-r--r-- 1 u g 1234 Jan 1 00:00 facture.xml")
            SFTPFileAttributes(size: 1234, permissions: 0o100644, accessTime: 10, modificationTime: 1_700_000_000)
                .write(to: &$0)
        }
        guard case .name(let id, let entries) = try SFTPResponse(packet: body) else {
            Issue.record("not a NAME")
            return
        }
        #expect(id == 3)
        #expect(entries.count == 1)
        #expect(entries.first?.name == "facture.xml")
        #expect(entries.first?.size == 1234)
        #expect(entries.first?.isDirectory == false)
        #expect(entries.first?.attributes.isRegularFile == true)
        #expect(entries.first?.attributes.modificationTime == 1_700_000_000)
    }

    @Test func attributesRoundTripEveryField() throws {
        var attributes = SFTPFileAttributes(size: 1 << 40, permissions: 0o040755, accessTime: 1, modificationTime: 2)
        attributes.userID = 1000
        attributes.groupID = 1001
        attributes.extended = ["a@example": "1", "b@example": "two"]
        var buffer = ByteBuffer()
        attributes.write(to: &buffer)
        var reader = SFTPPacketReader(buffer, packetName: "ATTRS")
        let decoded = try SFTPFileAttributes(reading: &reader)
        #expect(decoded == attributes)
        #expect(decoded.isDirectory)
        #expect(reader.remainingBytes == 0)
    }

    @Test func truncatedStatusIsAClearError() {
        let body = packet(101) { $0.writeInteger(UInt16(1), endianness: .big) }
        let message = malformedMessage(body)
        #expect(message?.contains("STATUS") == true)
        #expect(message?.contains("request id") == true)
    }

    @Test func hostileStringLengthAllocatesNothing() {
        // DATA claiming 4 GiB of payload in a 13-byte packet.
        let body = packet(103) {
            $0.writeInteger(UInt32(1), endianness: .big)
            $0.writeInteger(UInt32.max, endianness: .big)
            $0.writeBytes([1, 2, 3, 4])
        }
        let message = malformedMessage(body)
        #expect(message?.contains("4294967295") == true)
    }

    @Test func hostileNameCountIsRefusedBeforeLooping() {
        let body = packet(104) {
            $0.writeInteger(UInt32(1), endianness: .big)
            $0.writeInteger(UInt32.max, endianness: .big)
        }
        let message = malformedMessage(body)
        #expect(message?.contains("claims 4294967295 items") == true)
    }

    @Test func hostileExtendedAttributeCountIsRefused() {
        let body = packet(105) {
            $0.writeInteger(UInt32(1), endianness: .big)
            $0.writeInteger(UInt32(0x8000_0000), endianness: .big)
            $0.writeInteger(UInt32(50_000_000), endianness: .big)
        }
        #expect(malformedMessage(body)?.contains("extended attributes") == true)
    }

    @Test func unknownAndRequestTypesAreRefused() {
        #expect(malformedMessage(packet(99) { _ in })?.contains("unknown packet type 99") == true)
        #expect(malformedMessage(packet(3) { _ in })?.contains("not a reply") == true)
        #expect(malformedMessage(ByteBuffer())?.contains("empty") == true)
    }

    @Test func everyTruncationOfAValidNamePacketFailsCleanly() throws {
        let full = packet(104) {
            $0.writeInteger(UInt32(9), endianness: .big)
            $0.writeInteger(UInt32(2), endianness: .big)
            for name in ["a.csv", "b.csv"] {
                $0.writeSFTPString(name)
                $0.writeSFTPString("")
                SFTPFileAttributes(size: 5, permissions: 0o100600, accessTime: 1, modificationTime: 1).write(to: &$0)
            }
        }
        _ = try SFTPResponse(packet: full)
        for length in 0..<full.readableBytes {
            guard let prefix = full.getSlice(at: full.readerIndex, length: length) else { continue }
            #expect(throws: SFTPError.self, "prefix of \(length) bytes") { try SFTPResponse(packet: prefix) }
        }
    }

    @Test func framingWaitsForWholePackets() throws {
        let body = packet(102) {
            $0.writeInteger(UInt32(4), endianness: .big)
            $0.writeSFTPString("h1")
        }
        let wire = framed(body)
        var stream = ByteBuffer()
        var pieces = wire
        // Feed one byte at a time: no packet until the last byte.
        while let byte = pieces.readInteger(as: UInt8.self) {
            stream.writeInteger(byte)
            let packet = try SFTPFraming.nextPacket(from: &stream)
            if pieces.readableBytes > 0 {
                #expect(packet == nil)
            } else {
                #expect(packet == body)
            }
        }
        #expect(stream.readableBytes == 0)
    }

    @Test func framingRefusesAHostileLengthAtOnce() {
        var stream = ByteBuffer()
        stream.writeInteger(UInt32(0x7FFF_FFFF), endianness: .big)
        stream.writeInteger(UInt8(103))
        #expect(throws: SFTPError.self) { try SFTPFraming.nextPacket(from: &stream) }
        var empty = ByteBuffer()
        empty.writeInteger(UInt32(0), endianness: .big)
        #expect(throws: SFTPError.self) { try SFTPFraming.nextPacket(from: &empty) }
    }

    @Test func writeRequestEncodesHandleOffsetAndData() {
        let request = SFTPRequest.write(
            handle: ByteBuffer(bytes: [0xAA, 0xBB]), offset: 0x0102_0304_0506_0708, data: ByteBuffer(bytes: [9, 8, 7]))
        let framedRequest = SFTPFraming.frame(
            type: request.type, body: request.encodeBody(id: 42, allocator: ByteBufferAllocator()),
            allocator: ByteBufferAllocator())
        let expected: [UInt8] =
            [0, 0, 0, 26, 6, 0, 0, 0, 42, 0, 0, 0, 2, 0xAA, 0xBB, 1, 2, 3, 4, 5, 6, 7, 8, 0, 0, 0, 3, 9, 8, 7]
        #expect(Array(framedRequest.readableBytesView) == expected)
    }

    @Test func statusCodesMapBothWays() {
        for raw in UInt32(0)...9 {
            #expect(SFTPStatusCode(rawValue: raw).rawValue == raw)
        }
        #expect(SFTPStatusCode(rawValue: 2) == .noSuchFile)
        #expect(SFTPStatusCode(rawValue: 9) == .other(9))
    }
}
