/// MD5 (RFC 1321). PDF asks for it twice: the embedded file's `/CheckSum` (7.11.4.2) and, by custom,
/// the document `/ID`. It is used for nothing that needs collision resistance.
enum MD5 {
    static func digest(_ message: [UInt8]) -> [UInt8] {
        var state = State()
        let fullBlocks = message.count / 64
        message.withUnsafeBytes { buffer in
            for block in 0..<fullBlocks { state.process(UnsafeRawBufferPointer(rebasing: buffer[block * 64..<block * 64 + 64])) }
        }
        // The tail, 0x80, zeros, and the length in bits: one or two more blocks.
        var tail = Array(message[(fullBlocks * 64)...])
        tail.append(0x80)
        while tail.count % 64 != 56 { tail.append(0) }
        let bitLength = UInt64(message.count) &* 8
        for shift in stride(from: 0, to: 64, by: 8) { tail.append(UInt8((bitLength >> UInt64(shift)) & 0xFF)) }
        tail.withUnsafeBytes { buffer in
            for block in 0..<tail.count / 64 { state.process(UnsafeRawBufferPointer(rebasing: buffer[block * 64..<block * 64 + 64])) }
        }
        var result: [UInt8] = []
        result.reserveCapacity(16)
        for word in [state.a, state.b, state.c, state.d] {
            for shift in stride(from: 0, to: 32, by: 8) { result.append(UInt8((word >> UInt32(shift)) & 0xFF)) }
        }
        return result
    }

    private struct State {
        var a: UInt32 = 0x6745_2301
        var b: UInt32 = 0xEFCD_AB89
        var c: UInt32 = 0x98BA_DCFE
        var d: UInt32 = 0x1032_5476

        mutating func process(_ block: UnsafeRawBufferPointer) {
            withUnsafeTemporaryAllocation(of: UInt32.self, capacity: 16) { x in
                for index in 0..<16 {
                    x[index] = UInt32(littleEndian: block.loadUnaligned(fromByteOffset: index * 4, as: UInt32.self))
                }
                rounds(UnsafeBufferPointer(x))
            }
        }

        private mutating func rounds(_ x: UnsafeBufferPointer<UInt32>) {
            var (a, b, c, d) = (self.a, self.b, self.c, self.d)
            MD5.constants.withUnsafeBufferPointer { k in
                MD5.shifts.withUnsafeBufferPointer { r in
                    @inline(__always) func mix(_ f: UInt32, _ step: Int, _ g: Int) {
                        let sum = f &+ a &+ k[step] &+ x[g]
                        let shift = r[step]
                        a = d
                        d = c
                        c = b
                        b = b &+ ((sum << shift) | (sum >> (32 &- shift)))
                    }
                    for step in 0..<16 { mix((b & c) | (~b & d), step, step) }
                    for step in 16..<32 { mix((d & b) | (~d & c), step, (5 &* step &+ 1) & 15) }
                    for step in 32..<48 { mix(b ^ c ^ d, step, (3 &* step &+ 5) & 15) }
                    for step in 48..<64 { mix(c ^ (b | ~d), step, (7 &* step) & 15) }
                }
            }
            self.a &+= a
            self.b &+= b
            self.c &+= c
            self.d &+= d
        }
    }

    private static let shifts: [UInt32] = [
        7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22,
        5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20,
        4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23,
        6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21,
    ]

    /// floor(abs(sin(i + 1)) × 2^32), RFC 1321 section 3.4.
    private static let constants: [UInt32] = [
        0xD76A_A478, 0xE8C7_B756, 0x2420_70DB, 0xC1BD_CEEE, 0xF57C_0FAF, 0x4787_C62A, 0xA830_4613, 0xFD46_9501,
        0x6980_98D8, 0x8B44_F7AF, 0xFFFF_5BB1, 0x895C_D7BE, 0x6B90_1122, 0xFD98_7193, 0xA679_438E, 0x49B4_0821,
        0xF61E_2562, 0xC040_B340, 0x265E_5A51, 0xE9B6_C7AA, 0xD62F_105D, 0x0244_1453, 0xD8A1_E681, 0xE7D3_FBC8,
        0x21E1_CDE6, 0xC337_07D6, 0xF4D5_0D87, 0x455A_14ED, 0xA9E3_E905, 0xFCEF_A3F8, 0x676F_02D9, 0x8D2A_4C8A,
        0xFFFA_3942, 0x8771_F681, 0x6D9D_6122, 0xFDE5_380C, 0xA4BE_EA44, 0x4BDE_CFA9, 0xF6BB_4B60, 0xBEBF_BC70,
        0x289B_7EC6, 0xEAA1_27FA, 0xD4EF_3085, 0x0488_1D05, 0xD9D4_D039, 0xE6DB_99E5, 0x1FA2_7CF8, 0xC4AC_5665,
        0xF429_2244, 0x432A_FF97, 0xAB94_23A7, 0xFC93_A039, 0x655B_59C3, 0x8F0C_CC92, 0xFFEF_F47D, 0x8584_5DD1,
        0x6FA8_7E4F, 0xFE2C_E6E0, 0xA301_4314, 0x4E08_11A1, 0xF753_7E82, 0xBD3A_F235, 0x2AD7_D2BB, 0xEB86_D391,
    ]
}
