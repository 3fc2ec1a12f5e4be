import CZlib

/// zlib (RFC 1950) compression for PDF `/FlateDecode` streams, and decompression for PNG image data.
enum Flate {
    /// Why zlib refused.
    struct Failure: Error, Sendable, CustomStringConvertible {
        var code: Int32
        var description: String { "zlib error \(code)" }
    }

    /// Compresses `input`; level 1 (fastest) … 9 (smallest).
    static func compress(_ input: [UInt8], level: Int32 = 6) -> [UInt8] {
        var bound = Int(compressBound(uLong(input.count)))
        var output = [UInt8](repeating: 0, count: bound)
        let status = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target -> Int32 in
                var length = uLongf(bound)
                let code = compress2(target.baseAddress, &length, source.baseAddress, uLong(source.count), level)
                bound = Int(length)
                return code
            }
        }
        // compress2 cannot fail with a buffer of compressBound's size; stay correct if it ever does.
        guard status == Z_OK else { return storedZlib(input) }
        output.removeSubrange(bound...)
        return output
    }

    /// Decompresses a zlib stream, refusing output larger than `limit` bytes.
    static func decompress(_ input: [UInt8], limit: Int) throws(Failure) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit_(&stream, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw Failure(code: Z_MEM_ERROR)
        }
        defer { inflateEnd(&stream) }
        var output: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 64 * 1024)
        var status: Int32 = Z_OK
        var mutableInput = input
        let code: Int32 = mutableInput.withUnsafeMutableBufferPointer { source in
            stream.next_in = source.baseAddress
            stream.avail_in = uInt(source.count)
            repeat {
                status = chunk.withUnsafeMutableBufferPointer { target in
                    stream.next_out = target.baseAddress
                    stream.avail_out = uInt(target.count)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                guard status == Z_OK || status == Z_STREAM_END else { return status }
                let produced = chunk.count - Int(stream.avail_out)
                output.append(contentsOf: chunk[0..<produced])
                if output.count > limit { return Z_BUF_ERROR }
                if produced == 0 && stream.avail_in == 0 && status != Z_STREAM_END { return Z_DATA_ERROR }
            } while status != Z_STREAM_END
            return Z_OK
        }
        guard code == Z_OK else { throw Failure(code: code) }
        return output
    }

    /// A valid zlib stream made of stored blocks (no compression).
    private static func storedZlib(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = [0x78, 0x01]
        var offset = 0
        repeat {
            let length = min(65535, input.count - offset)
            let last: UInt8 = offset + length >= input.count ? 1 : 0
            output.append(last)
            output.append(UInt8(length & 0xFF))
            output.append(UInt8(length >> 8))
            output.append(UInt8(~length & 0xFF))
            output.append(UInt8((~length >> 8) & 0xFF))
            output.append(contentsOf: input[offset..<offset + length])
            offset += length
        } while offset < input.count
        let checksum = input.withUnsafeBufferPointer { adler32(1, $0.baseAddress, uInt($0.count)) }
        for shift in [24, 16, 8, 0] { output.append(UInt8((checksum >> UInt(shift)) & 0xFF)) }
        return output
    }
}
