import CZlib

/// Inflates Flate (zlib) data with zlib, refusing decompression bombs: the output may not pass
/// `maximumDecodedBytes`, nor `maximumCompressionRatio` times the input consumed once it is past
/// `ratioCheckThreshold`.
enum FlateDecoder {
    enum Failure: Error {
        case data(String)
        case truncated
        case tooLarge(Int)
        case ratio(output: Int, input: Int)
    }

    /// The inflated bytes, and whether the compressed data was complete (false: it ended early and only
    /// what came out before is returned).
    static func inflate(_ input: UnsafeBufferPointer<UInt8>, limits: PDFLimits, sizeHint: Int = 0) throws(Failure) -> (bytes: [UInt8], complete: Bool) {
        // 15 + 32: zlib or gzip header, detected; raw deflate (no header, seen in broken files) is retried.
        do {
            return try run(input, windowBits: 15 + 32, limits: limits, sizeHint: sizeHint)
        } catch .data(let reason) {
            if let raw = try? run(input, windowBits: -15, limits: limits, sizeHint: sizeHint) { return raw }
            throw .data(reason)
        }
    }

    private static func run(_ input: UnsafeBufferPointer<UInt8>, windowBits: Int32, limits: PDFLimits, sizeHint: Int) throws(Failure) -> (bytes: [UInt8], complete: Bool) {
        guard let base = input.baseAddress, input.count > 0 else { throw .truncated }
        var stream = z_stream()
        guard inflateInit2_(&stream, windowBits, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw .data("zlib could not be initialised")
        }
        defer { inflateEnd(&stream) }
        stream.next_in = UnsafeMutablePointer(mutating: base)
        stream.avail_in = UInt32(clamping: input.count)
        let cap = limits.maximumDecodedBytes
        var capacity = min(cap + 1, max(sizeHint > 0 ? sizeHint + 16 : input.count * 4, 1024))
        var output = [UInt8](repeating: 0, count: capacity)
        var produced = 0
        while true {
            let status: Int32 = output.withUnsafeMutableBufferPointer { buffer in
                guard let out = buffer.baseAddress else { return Z_MEM_ERROR }
                stream.next_out = out + produced
                stream.avail_out = UInt32(clamping: capacity - produced)
                let before = stream.avail_out
                let result = CZlib.inflate(&stream, Z_NO_FLUSH)
                produced += Int(before - stream.avail_out)
                return result
            }
            if produced > cap { throw .tooLarge(cap) }
            let consumed = max(1, input.count - Int(stream.avail_in))
            if produced > limits.ratioCheckThreshold, produced / consumed > limits.maximumCompressionRatio {
                throw .ratio(output: produced, input: consumed)
            }
            switch status {
            case Z_STREAM_END:
                output.removeSubrange(produced...)
                return (output, true)
            case Z_OK:
                if produced == capacity {
                    let grown = min(cap + 1, capacity * 2)
                    if grown == capacity { throw .tooLarge(cap) }
                    output.append(contentsOf: repeatElement(0, count: grown - capacity))
                    capacity = grown
                }
            case Z_BUF_ERROR:
                if stream.avail_in == 0 {
                    // The input ended before the end of the compressed data: keep what came out (writers that
                    // cut the adler checksum are common); the caller reports it.
                    if produced > 0 {
                        output.removeSubrange(produced...)
                        return (output, false)
                    }
                    throw .truncated
                }
                if produced == capacity {
                    let grown = min(cap + 1, capacity * 2)
                    if grown == capacity { throw .tooLarge(cap) }
                    output.append(contentsOf: repeatElement(0, count: grown - capacity))
                    capacity = grown
                }
            default:
                let message = stream.msg.map { String(cString: $0) } ?? "error \(status)"
                throw .data(message)
            }
        }
    }
}
