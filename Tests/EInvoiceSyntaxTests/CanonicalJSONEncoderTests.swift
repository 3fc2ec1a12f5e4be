import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

/// The canonical encoder must write exactly what Foundation's `JSONEncoder` writes with sorted keys and unescaped
/// slashes: stored payloads keep their SHA-256 across versions, so a file imported again is still recognised.
@Suite("Canonical JSON encoder")
struct CanonicalJSONEncoderTests {
    private func foundation(_ value: some Encodable) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return [UInt8](try encoder.encode(value))
    }

    @Test("every corpus invoice encodes to Foundation's bytes")
    func corpusParity() throws {
        guard CIICorpus.root != nil else { throw CIICorpus.CorpusMissing() }
        var compared = 0
        for url in CIICorpus.candidateFiles() {
            guard let parsed = try? InvoiceDocumentReader().read(bytes: [UInt8](try Data(contentsOf: url))) else { continue }
            let ours = try CanonicalJSONEncoder().encode(parsed.invoice)
            #expect(ours == (try foundation(parsed.invoice)), "\(url.lastPathComponent)")
            compared += 1
        }
        #expect(compared >= 50)
    }

    private struct Awkward: Encodable {
        var text: String
        var keys: [String: String]
        var flags: [Bool]
        var count: Int
        var missing: String?
        var nested: [[String]]
    }

    @Test("escapes, key order, numbers, null and nesting match Foundation")
    func edgeCases() throws {
        let value = Awkward(
            text: "x\u{01}\u{1F}\u{7F}\u{2028}é/\"\\\n\r\t\u{08}\u{0C}<&>'€𝄞",
            keys: ["z": "1", "Z": "2", "a10": "3", "a9": "4", "é": "5", "e": "6", "_": "7", "": "8"],
            flags: [true, false], count: -42, missing: nil, nested: [[], ["a", "b"], []])
        #expect(try CanonicalJSONEncoder().encode(value) == foundation(value))
        let sample = SampleInvoice.make(lineCount: 3)
        #expect(try CanonicalJSONEncoder().encode(sample) == foundation(sample))
        #expect(InvoiceJSON.encode(sample) == (try foundation(sample)))
    }

    @Test("a floating-point value is refused with its path")
    func floatsAreRefused() {
        struct Measured: Encodable { var lines: [[String: Double]] }
        #expect(throws: JSONFloatRefused.self) { try CanonicalJSONEncoder().encode(Measured(lines: [["rate": 0.2]])) }
        do {
            _ = try CanonicalJSONEncoder().encode(Measured(lines: [["rate": 0.2]]))
        } catch {
            #expect((error as? JSONFloatRefused)?.path == "lines.Index 0.rate")
        }
    }
}
