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

        /// The 64 steps of RFC 1321 section 3.4, written out.
        private mutating func rounds(_ x: UnsafeBufferPointer<UInt32>) {
            var (a, b, c, d) = (self.a, self.b, self.c, self.d)
            @inline(__always) func rotate(_ value: UInt32, _ shift: UInt32) -> UInt32 {
                (value << shift) | (value >> (32 &- shift))
            }
            a = b &+ rotate(a &+ ((b & c) | (~b & d)) &+ 0xD76AA478 &+ x[0], 7)
            d = a &+ rotate(d &+ ((a & b) | (~a & c)) &+ 0xE8C7B756 &+ x[1], 12)
            c = d &+ rotate(c &+ ((d & a) | (~d & b)) &+ 0x242070DB &+ x[2], 17)
            b = c &+ rotate(b &+ ((c & d) | (~c & a)) &+ 0xC1BDCEEE &+ x[3], 22)
            a = b &+ rotate(a &+ ((b & c) | (~b & d)) &+ 0xF57C0FAF &+ x[4], 7)
            d = a &+ rotate(d &+ ((a & b) | (~a & c)) &+ 0x4787C62A &+ x[5], 12)
            c = d &+ rotate(c &+ ((d & a) | (~d & b)) &+ 0xA8304613 &+ x[6], 17)
            b = c &+ rotate(b &+ ((c & d) | (~c & a)) &+ 0xFD469501 &+ x[7], 22)
            a = b &+ rotate(a &+ ((b & c) | (~b & d)) &+ 0x698098D8 &+ x[8], 7)
            d = a &+ rotate(d &+ ((a & b) | (~a & c)) &+ 0x8B44F7AF &+ x[9], 12)
            c = d &+ rotate(c &+ ((d & a) | (~d & b)) &+ 0xFFFF5BB1 &+ x[10], 17)
            b = c &+ rotate(b &+ ((c & d) | (~c & a)) &+ 0x895CD7BE &+ x[11], 22)
            a = b &+ rotate(a &+ ((b & c) | (~b & d)) &+ 0x6B901122 &+ x[12], 7)
            d = a &+ rotate(d &+ ((a & b) | (~a & c)) &+ 0xFD987193 &+ x[13], 12)
            c = d &+ rotate(c &+ ((d & a) | (~d & b)) &+ 0xA679438E &+ x[14], 17)
            b = c &+ rotate(b &+ ((c & d) | (~c & a)) &+ 0x49B40821 &+ x[15], 22)
            a = b &+ rotate(a &+ ((d & b) | (~d & c)) &+ 0xF61E2562 &+ x[1], 5)
            d = a &+ rotate(d &+ ((c & a) | (~c & b)) &+ 0xC040B340 &+ x[6], 9)
            c = d &+ rotate(c &+ ((b & d) | (~b & a)) &+ 0x265E5A51 &+ x[11], 14)
            b = c &+ rotate(b &+ ((a & c) | (~a & d)) &+ 0xE9B6C7AA &+ x[0], 20)
            a = b &+ rotate(a &+ ((d & b) | (~d & c)) &+ 0xD62F105D &+ x[5], 5)
            d = a &+ rotate(d &+ ((c & a) | (~c & b)) &+ 0x02441453 &+ x[10], 9)
            c = d &+ rotate(c &+ ((b & d) | (~b & a)) &+ 0xD8A1E681 &+ x[15], 14)
            b = c &+ rotate(b &+ ((a & c) | (~a & d)) &+ 0xE7D3FBC8 &+ x[4], 20)
            a = b &+ rotate(a &+ ((d & b) | (~d & c)) &+ 0x21E1CDE6 &+ x[9], 5)
            d = a &+ rotate(d &+ ((c & a) | (~c & b)) &+ 0xC33707D6 &+ x[14], 9)
            c = d &+ rotate(c &+ ((b & d) | (~b & a)) &+ 0xF4D50D87 &+ x[3], 14)
            b = c &+ rotate(b &+ ((a & c) | (~a & d)) &+ 0x455A14ED &+ x[8], 20)
            a = b &+ rotate(a &+ ((d & b) | (~d & c)) &+ 0xA9E3E905 &+ x[13], 5)
            d = a &+ rotate(d &+ ((c & a) | (~c & b)) &+ 0xFCEFA3F8 &+ x[2], 9)
            c = d &+ rotate(c &+ ((b & d) | (~b & a)) &+ 0x676F02D9 &+ x[7], 14)
            b = c &+ rotate(b &+ ((a & c) | (~a & d)) &+ 0x8D2A4C8A &+ x[12], 20)
            a = b &+ rotate(a &+ (b ^ c ^ d) &+ 0xFFFA3942 &+ x[5], 4)
            d = a &+ rotate(d &+ (a ^ b ^ c) &+ 0x8771F681 &+ x[8], 11)
            c = d &+ rotate(c &+ (d ^ a ^ b) &+ 0x6D9D6122 &+ x[11], 16)
            b = c &+ rotate(b &+ (c ^ d ^ a) &+ 0xFDE5380C &+ x[14], 23)
            a = b &+ rotate(a &+ (b ^ c ^ d) &+ 0xA4BEEA44 &+ x[1], 4)
            d = a &+ rotate(d &+ (a ^ b ^ c) &+ 0x4BDECFA9 &+ x[4], 11)
            c = d &+ rotate(c &+ (d ^ a ^ b) &+ 0xF6BB4B60 &+ x[7], 16)
            b = c &+ rotate(b &+ (c ^ d ^ a) &+ 0xBEBFBC70 &+ x[10], 23)
            a = b &+ rotate(a &+ (b ^ c ^ d) &+ 0x289B7EC6 &+ x[13], 4)
            d = a &+ rotate(d &+ (a ^ b ^ c) &+ 0xEAA127FA &+ x[0], 11)
            c = d &+ rotate(c &+ (d ^ a ^ b) &+ 0xD4EF3085 &+ x[3], 16)
            b = c &+ rotate(b &+ (c ^ d ^ a) &+ 0x04881D05 &+ x[6], 23)
            a = b &+ rotate(a &+ (b ^ c ^ d) &+ 0xD9D4D039 &+ x[9], 4)
            d = a &+ rotate(d &+ (a ^ b ^ c) &+ 0xE6DB99E5 &+ x[12], 11)
            c = d &+ rotate(c &+ (d ^ a ^ b) &+ 0x1FA27CF8 &+ x[15], 16)
            b = c &+ rotate(b &+ (c ^ d ^ a) &+ 0xC4AC5665 &+ x[2], 23)
            a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ 0xF4292244 &+ x[0], 6)
            d = a &+ rotate(d &+ (b ^ (a | ~c)) &+ 0x432AFF97 &+ x[7], 10)
            c = d &+ rotate(c &+ (a ^ (d | ~b)) &+ 0xAB9423A7 &+ x[14], 15)
            b = c &+ rotate(b &+ (d ^ (c | ~a)) &+ 0xFC93A039 &+ x[5], 21)
            a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ 0x655B59C3 &+ x[12], 6)
            d = a &+ rotate(d &+ (b ^ (a | ~c)) &+ 0x8F0CCC92 &+ x[3], 10)
            c = d &+ rotate(c &+ (a ^ (d | ~b)) &+ 0xFFEFF47D &+ x[10], 15)
            b = c &+ rotate(b &+ (d ^ (c | ~a)) &+ 0x85845DD1 &+ x[1], 21)
            a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ 0x6FA87E4F &+ x[8], 6)
            d = a &+ rotate(d &+ (b ^ (a | ~c)) &+ 0xFE2CE6E0 &+ x[15], 10)
            c = d &+ rotate(c &+ (a ^ (d | ~b)) &+ 0xA3014314 &+ x[6], 15)
            b = c &+ rotate(b &+ (d ^ (c | ~a)) &+ 0x4E0811A1 &+ x[13], 21)
            a = b &+ rotate(a &+ (c ^ (b | ~d)) &+ 0xF7537E82 &+ x[4], 6)
            d = a &+ rotate(d &+ (b ^ (a | ~c)) &+ 0xBD3AF235 &+ x[11], 10)
            c = d &+ rotate(c &+ (a ^ (d | ~b)) &+ 0x2AD7D2BB &+ x[2], 15)
            b = c &+ rotate(b &+ (d ^ (c | ~a)) &+ 0xEB86D391 &+ x[9], 21)
            self.a &+= a
            self.b &+= b
            self.c &+= c
            self.d &+= d
        }
    }

}
