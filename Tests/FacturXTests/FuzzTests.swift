import FacturX
import Foundation
import Testing

/// Deterministic fuzzing: every corpus PDF truncated at many offsets and with bytes flipped (seeded), read by
/// the extractor (and the checker for the small ones). Each run ends in a result or a `PDFError`.
@Suite("Truncated and corrupted PDFs", .timeLimit(.minutes(5)))
struct FuzzTests {
    /// SplitMix64: the same sequence on every run and machine.
    struct SeededGenerator: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func corpus() throws -> [(name: String, bytes: [UInt8])] {
        try PDFCorpus.pdfs(under: "").map { ($0.lastPathComponent, try PDFCorpus.bytes($0)) }
    }

    @Test func truncationsGiveAResultOrAnError() throws {
        var generator = SeededGenerator(state: 20_261_129)
        var outcomes = (read: 0, refused: 0)
        for file in try Self.corpus() {
            var cuts = [0, 1, 8, file.bytes.count / 2, file.bytes.count - 1, file.bytes.count - 40]
            for _ in 0..<14 { cuts.append(Int.random(in: 0..<file.bytes.count, using: &generator)) }
            for cut in cuts where cut >= 0 {
                let truncated = Array(file.bytes[0..<cut])
                if (try? FacturXReader.extract(pdf: truncated)) != nil { outcomes.read += 1 } else { outcomes.refused += 1 }
                if file.bytes.count < 200_000, cut % 3 == 0 { _ = FacturXChecker().check(pdf: truncated) }
            }
        }
        // Cutting the tail off loses the xref; the scan still finds the attachment in most files.
        #expect(outcomes.read > 0)
        #expect(outcomes.refused > 0)
    }

    @Test func flippedBytesGiveAResultOrAnError() throws {
        var generator = SeededGenerator(state: 42)
        var outcomes = (read: 0, refused: 0)
        for file in try Self.corpus() {
            for round in 0..<20 {
                var mutated = file.bytes
                let flips = round < 10 ? 1 : 16
                for _ in 0..<flips {
                    // Half of the flips hit the last 4 KB, where the xref and trailer are.
                    let index = Bool.random(using: &generator)
                        ? Int.random(in: max(0, mutated.count - 4096)..<mutated.count, using: &generator)
                        : Int.random(in: 0..<mutated.count, using: &generator)
                    mutated[index] = UInt8.random(in: 0...255, using: &generator)
                }
                if (try? FacturXReader.extract(pdf: mutated)) != nil { outcomes.read += 1 } else { outcomes.refused += 1 }
                if file.bytes.count < 200_000, round % 4 == 0 { _ = FacturXChecker().check(pdf: mutated) }
            }
        }
        #expect(outcomes.read > 0)
    }

    @Test func randomBytesAfterAHeaderAreRefused() {
        var generator = SeededGenerator(state: 7)
        for length in [8, 64, 512, 4096, 65_536] {
            for _ in 0..<20 {
                var bytes = Array("%PDF-1.7\n".utf8)
                for _ in 0..<length { bytes.append(UInt8.random(in: 0...255, using: &generator)) }
                #expect(throws: PDFError.self) { try FacturXReader.extract(pdf: bytes) }
                _ = FacturXChecker().check(pdf: bytes)
            }
        }
    }
}
