import Foundation
import Testing
@testable import EInvoice

@Suite("Invoice JSON: limits")
struct InvoiceJSONLimitTests {
    @Test("100,000 nested arrays are refused at depth 64, without a crash")
    func deepArrays() throws {
        let depth = 100_000
        let text = #"{"notes": "# + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}"
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(text)))
        #expect(failure.reason == .tooDeep)
        #expect(failure.english == "objects and arrays are nested more than 64 deep")
        #expect(failure.path.hasPrefix("notes[0][0][0]"))
        #expect(failure.column == 11 + 63)
    }

    @Test("100,000 nested objects, and unbalanced ones, are refused without a crash")
    func deepObjects() throws {
        let depth = 100_000
        let nested = String(repeating: #"{"a":"#, count: depth) + "1" + String(repeating: "}", count: depth)
        #expect(JSONFixtures.failure(JSONFixtures.bytes(nested))?.reason == .tooDeep)
        let open = String(repeating: "[", count: depth)
        #expect(JSONFixtures.failure(JSONFixtures.bytes(open))?.reason == .tooDeep)
        // Under the limit, an unknown deep key is still refused as unknown.
        let shallow = #"{"x": "# + String(repeating: "[", count: 60) + String(repeating: "]", count: 60) + "}"
        #expect(JSONFixtures.failure(JSONFixtures.bytes(shallow))?.reason == .unknownKey)
    }

    @Test("the depth limit is configurable; a real invoice needs 6 levels (lines[0].item.attributes[0])")
    func configurableDepth() throws {
        let bytes = InvoiceJSON.encode(JSONFixtures.everyTerm())
        #expect(throws: Never.self) { try InvoiceJSON.decode(bytes, limits: InvoiceJSON.Limits(maximumDepth: 6)) }
        let failure = try #require(JSONFixtures.failure(bytes, limits: InvoiceJSON.Limits(maximumDepth: 5)))
        #expect(failure.reason == .tooDeep)
        #expect(failure.path == "lines[0].item.attributes[0]")
    }

    @Test("a payload over the size limit is refused before it is read")
    func tooLarge() throws {
        let bytes = InvoiceJSON.encode(SampleInvoice.make(lineCount: 200))
        #expect(bytes.count > 20_000)
        let failure = try #require(JSONFixtures.failure(bytes, limits: InvoiceJSON.Limits(maximumBytes: 20_000)))
        #expect(failure.reason == .tooLarge)
        #expect(failure.english == "the document is \(bytes.count) bytes; at most 20000 bytes are accepted")
        #expect(try InvoiceJSON.decode(bytes, limits: InvoiceJSON.Limits(maximumBytes: bytes.count)).lines.count == 200)
    }

    @Test("a 17 MB payload is refused under the default limit of 16 MiB")
    func hugeInput() throws {
        let padding = String(repeating: " ", count: 17_000_000)
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes("{" + padding + "}")))
        #expect(failure.reason == .tooLarge)
    }

    @Test("a 5,000-line invoice (about 2 MB) reads")
    func largeInvoice() throws {
        let invoice = SampleInvoice.make(lineCount: 5_000)
        let bytes = InvoiceJSON.encode(invoice)
        #expect(try InvoiceJSON.decode(bytes) == invoice)
    }
}
