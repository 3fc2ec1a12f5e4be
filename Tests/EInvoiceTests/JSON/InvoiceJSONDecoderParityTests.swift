import Foundation
import Testing
@testable import EInvoice

/// The model's `Codable` conformances work with any decoder: Foundation's `JSONDecoder` reads the same invoices and
/// refuses the same mistakes, at the same paths, as `InvoiceJSON.decode` (which parses with its own `JSONParser`).
@Suite("Invoice JSON: JSONDecoder agrees with InvoiceJSON.decode")
struct InvoiceJSONDecoderParityTests {
    private func viaJSONDecoder(_ text: String) -> Result<Invoice, InvoiceJSON.Failure> {
        do {
            return .success(try JSONDecoder().decode(Invoice.self, from: Data(text.utf8)))
        } catch let error as DecodingError {
            return .failure(InvoiceJSON.Failure(error))
        } catch {
            return .failure(InvoiceJSON.Failure(reason: .malformed, path: "", english: "\(error)", french: ""))
        }
    }

    private func viaInvoiceJSON(_ text: String) -> Result<Invoice, InvoiceJSON.Failure> {
        do {
            return .success(try InvoiceJSON.decode(Array(text.utf8)))
        } catch {
            return .failure(error)
        }
    }

    @Test("the same invoices come out", arguments: [1, 10])
    func sameInvoices(lineCount: Int) throws {
        let text = String(decoding: InvoiceJSON.encode(JSONFixtures.everyTerm()), as: UTF8.self)
        let ours = try viaInvoiceJSON(text).get()
        #expect(try viaJSONDecoder(text).get() == ours)
        let sample = String(decoding: InvoiceJSON.encode(SampleInvoice.make(lineCount: lineCount)), as: UTF8.self)
        #expect(try viaJSONDecoder(sample).get() == viaInvoiceJSON(sample).get())
    }

    @Test("the same mistakes are refused with the same reason, path and message", arguments: [
        #"{"isueDate": "2026-11-02"}"#,
        #"{"lines": [{"price": {"netPrise": "1"}}]}"#,
        #"{"number": 42}"#,
        #"{"number": ["A-1"]}"#,
        #"{"seller": "Atelier"}"#,
        #"{"lines": {"identifier": "1"}}"#,
        #"{"lines": [{}, {}, {}, "x"]}"#,
        #"{"lines": [{}, {"quantity": {"value": "12,5"}}]}"#,
        #"{"lines": [{"quantity": {"unitCode": "C62"}}]}"#,
        #"{"seller": {"electronicAddress": 225}}"#,
        #"{"issueDate": 20261102}"#,
        #"{"issueDate": "2026-02-30"}"#,
        #"{"totals": {"amountDue": true}}"#,
        #"{"totals": {"amountDue": "1e2"}}"#,
        #"{"paymentInstructions": {"creditTransfers": [{"isProprietaryIdentifier": "yes"}]}}"#,
        #"{"supportingDocuments": [{"attachment": {"base64Content": "not base64!"}}]}"#,
        "[]",
    ])
    func sameMistakes(text: String) throws {
        let ours = viaInvoiceJSON(text)
        let theirs = viaJSONDecoder(text)
        guard case let .failure(expected) = ours else {
            Issue.record("InvoiceJSON.decode accepted \(text)")
            return
        }
        guard case let .failure(found) = theirs else {
            Issue.record("JSONDecoder accepted \(text)")
            return
        }
        #expect(found.reason == expected.reason)
        #expect(found.path == expected.path)
        #expect(found.english == expected.english)
        #expect(found.french == expected.french)
    }

    @Test("only the parser sees duplicate keys and too deep nesting; JSONDecoder keeps one duplicate silently")
    func whatOnlyTheParserSees() throws {
        let duplicate = #"{"number": "A-1", "number": "A-2"}"#
        #expect(throws: Never.self) { try viaJSONDecoder(duplicate).get() }
        #expect(viaInvoiceJSON(duplicate).failureReason == .duplicateKey)
        let deep = #"{"notes": "# + String(repeating: "[", count: 100) + String(repeating: "]", count: 100) + "}"
        #expect(viaInvoiceJSON(deep).failureReason == .tooDeep)
    }
}

extension Result where Failure == InvoiceJSON.Failure {
    var failureReason: InvoiceJSON.Failure.Reason? {
        if case let .failure(failure) = self { return failure.reason }
        return nil
    }
}
