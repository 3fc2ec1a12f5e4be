@testable import FacturX
import Testing

@Suite("FastDeflate round trips through zlib's inflate")
struct FastDeflateTests {
    /// A deterministic pseudo-random generator, so that failures can be replayed.
    struct Generator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return state >> 33
        }
    }

    static let inputs: [(String, [UInt8])] = {
        var random = Generator(state: 42)
        let noise = (0..<70_000).map { _ in UInt8(truncatingIfNeeded: random.next()) }
        let text = Array(String(repeating: "<ram:LineTotalAmount>123.45</ram:LineTotalAmount>\n", count: 900).utf8)
        var mixed: [UInt8] = []
        for index in 0..<3000 {
            mixed += Array("BT 42 \(700 - index % 97).5 Td (".utf8) + [0, UInt8(index % 256), 0, 0x5C] + Array(") Tj ET\n".utf8)
        }
        // A long run (maximum-length matches) and a repeat 40,000 bytes back (beyond the 32 KB window).
        let far = noise.prefix(500) + [UInt8](repeating: 7, count: 40_000) + noise.prefix(500)
        return [
            ("empty", []), ("one byte", [9]), ("three bytes", [1, 2, 3]), ("noise", noise), ("xml", text),
            ("content", mixed), ("run", [UInt8](repeating: 0, count: 100_000)), ("far repeat", Array(far)),
        ]
    }()

    @Test(arguments: inputs.indices)
    func roundTrip(index: Int) throws {
        let (name, input) = Self.inputs[index]
        let compressed = FastDeflate.compress(input)
        let restored = try Flate.decompress(compressed, limit: input.count + 1)
        #expect(restored == input, "\(name) does not survive the round trip")
        #expect(compressed.count <= input.count + input.count / 8 + 16, "\(name) grew too much")
    }

    @Test func repetitiveDataShrinks() {
        let text = Self.inputs[4].1
        #expect(FastDeflate.compress(text).count < text.count / 20)
        let content = Self.inputs[5].1
        #expect(FastDeflate.compress(content).count < content.count / 3)
    }
}
