import CZlib
import Synchronization

/// A zlib deflate stream kept for reuse. Setting one up costs more than compressing a whole page
/// (zlib allocates and clears about 256 KB), so documents borrow one from a pool and reset it per stream.
///
/// `@unchecked Sendable`: a deflater is only ever used by the one document that took it from the pool.
final class Deflater: @unchecked Sendable {
    private var stream = z_stream()
    private let ready: Bool
    let level: Int32

    init(level: Int32) {
        self.level = level
        ready = deflateInit2_(&stream, level, Z_DEFLATED, 15, 8, Z_DEFAULT_STRATEGY, ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
    }

    deinit {
        if ready { deflateEnd(&stream) }
    }

    /// One complete zlib stream holding `input`.
    func compress(_ input: [UInt8]) -> [UInt8] {
        guard ready, deflateReset(&stream) == Z_OK else { return Flate.compress(input, level: level) }
        var output = [UInt8](repeating: 0, count: Int(deflateBound(&stream, uLong(input.count))))
        let status: Int32 = input.withUnsafeBufferPointer { source in
            output.withUnsafeMutableBufferPointer { target in
                stream.next_in = UnsafeMutablePointer(mutating: source.baseAddress)
                stream.avail_in = uInt(source.count)
                stream.next_out = target.baseAddress
                stream.avail_out = uInt(target.count)
                return deflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END else { return Flate.compress(input, level: level) }
        output.removeSubrange(Int(stream.total_out)...)
        return output
    }

    private static let pool = Mutex<[Deflater]>([])

    /// A deflater for `level`, from the pool when one is free.
    static func borrow(level: Int32) -> Deflater {
        pool.withLock { free in
            if let index = free.lastIndex(where: { $0.level == level }) { return free.remove(at: index) }
            return nil
        } ?? Deflater(level: level)
    }

    /// Gives a deflater back; the pool keeps a few, one per thread that writes documents.
    static func giveBack(_ deflater: Deflater) {
        pool.withLock { free in
            if free.count < 16 { free.append(deflater) }
        }
    }
}
