import Foundation
import Testing
@testable import EInvoice

@Suite("Invoice JSON: refused content, with its path")
struct InvoiceJSONErrorTests {
    @Test("an unknown key is refused, named with its path and the key it was probably meant to be")
    func unknownKeyAtRoot() throws {
        var object = try JSONFixtures.sampleObject()
        object["isueDate"] = "2026-11-02"
        let failure = try #require(JSONFixtures.failure(try JSONFixtures.bytes(object)))
        #expect(failure.reason == .unknownKey)
        #expect(failure.path == "isueDate")
        #expect(failure.description == #"isueDate: unknown key "isueDate"; did you mean "issueDate"?"#)
        #expect(failure.frenchDescription == #"isueDate: clé inconnue "isueDate" ; vouliez-vous dire "issueDate" ?"#)
    }

    @Test("an unknown key deep inside a line names the line")
    func unknownKeyInLine() throws {
        let text = #"{"lines": [{"identifier": "1"}, {"price": {"netPrise": "1.00", "grossprice": "2.00", "colour": "red"}}]}"#
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(text)))
        #expect(failure.reason == .unknownKey)
        // Unknown keys are reported in sorted order; the others are counted.
        #expect(failure.path == "lines[1].price.colour")
        #expect(failure.english == #"unknown key "colour" (and 2 other unknown keys in this object)"#)
        let second = try #require(JSONFixtures.failure(JSONFixtures.bytes(#"{"lines": [{"price": {"netPrise": "1"}}]}"#)))
        #expect(second.description == #"lines[0].price.netPrise: unknown key "netPrise"; did you mean "netPrice"?"#)
    }

    @Test("a wrong type names the field, what was expected and what was found", arguments: [
        (#"{"number": 42}"#, "number", "expected a string, found a number"),
        (#"{"number": ["A-1"]}"#, "number", "expected a string, found an array"),
        (#"{"seller": "Atelier"}"#, "seller", "expected an object, found a string"),
        (#"{"lines": {"identifier": "1"}}"#, "lines", "expected an array, found an object"),
        (#"{"lines": [{}, {}, {}, "x"]}"#, "lines[3]", "expected an object, found a string"),
        (#"{"lines": [null]}"#, "lines[0]", "expected an object, found null"),
        (#"{"lines": [{}, {"quantity": "12,5"}]}"#, "lines[1].quantity", "expected an object, found a string"),
        (#"{"seller": {"electronicAddress": 225}}"#, "seller.electronicAddress", #"expected an identifier: a string, or an object {"value", "schemeID"}, found a number"#),
        (#"{"issueDate": 20261102}"#, "issueDate", #"expected a date such as "2026-11-02", found a number"#),
        (#"{"paymentInstructions": {"creditTransfers": [{"isProprietaryIdentifier": "yes"}]}}"#,
         "paymentInstructions.creditTransfers[0].isProprietaryIdentifier", "expected true or false, found a string"),
        ("[]", "", "expected an object, found an array"),
    ])
    func wrongType(json: String, path: String, message: String) throws {
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(json)))
        #expect(failure.reason == .wrongType)
        #expect(failure.path == path)
        #expect(failure.english == message)
        #expect(failure.french.hasPrefix("attendu : "))
    }

    @Test("a bad decimal in the fourth line names lines[3]")
    func badDecimalInLine() throws {
        var object = try JSONFixtures.sampleObject(lineCount: 4)
        var lines = try #require(object["lines"] as? [[String: Any]])
        lines[3]["quantity"] = ["value": "12,5", "unitCode": "C62"]
        object["lines"] = lines
        let failure = try #require(JSONFixtures.failure(try JSONFixtures.bytes(object)))
        #expect(failure.reason == .invalidValue)
        #expect(failure.path == "lines[3].quantity.value")
        #expect(failure.description.hasPrefix(#"lines[3].quantity.value: "12,5" is not a decimal number: unexpected character ','"#))
        #expect(failure.french.hasPrefix(#""12,5" n'est pas un nombre décimal"#))
    }

    @Test("a quantity needs its value")
    func quantityWithoutValue() throws {
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(#"{"lines": [{"quantity": {"unitCode": "C62"}}]}"#)))
        #expect(failure.reason == .missingValue)
        #expect(failure.path == "lines[0].quantity.value")
    }

    @Test("dates are YYYY-MM-DD and real", arguments: ["2026-02-30", "20261102", "02/11/2026", "2026-11-2", "", "2026-13-01", "2026-11-02T10:00:00Z"])
    func badDate(text: String) throws {
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(#"{"precedingInvoices": [{"number": "F1", "issueDate": "\#(text)"}]}"#)))
        #expect(failure.reason == .invalidValue)
        #expect(failure.path == "precedingInvoices[0].issueDate")
        #expect(failure.english.hasPrefix("\"\(text)\" is not a date"))
    }

    @Test("a leap day reads")
    func leapDay() throws {
        let invoice = try InvoiceJSON.decode(JSONFixtures.bytes(#"{"issueDate": "2028-02-29"}"#))
        #expect(invoice.issueDate == CalendarDate(year: 2028, month: 2, day: 29))
    }

    @Test("attachment content must be base64")
    func badBase64() throws {
        let good = #"{"supportingDocuments": [{"reference": "R", "attachment": {"base64Content": "SGVs\nbG8="}}]}"#
        #expect(try InvoiceJSON.decode(JSONFixtures.bytes(good)).supportingDocuments.first?.attachment?.base64Content == "SGVs\nbG8=")
        let bad = #"{"supportingDocuments": [{"reference": "R", "attachment": {"base64Content": "not base64!"}}]}"#
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(bad)))
        #expect(failure.reason == .invalidValue)
        #expect(failure.path == "supportingDocuments[0].attachment.base64Content")
    }

    @Test("a key given twice is refused (JSONDecoder would keep one silently)")
    func duplicateKey() throws {
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes("{\"lines\": [{\"identifier\": \"1\",\n \"identifier\": \"2\"}]}")))
        #expect(failure.reason == .duplicateKey)
        #expect(failure.path == "lines[0].identifier")
        #expect(failure.line == 2)
        #expect(failure.column == 2)
        // Escapes are decoded before keys are compared.
        #expect(JSONFixtures.failure(JSONFixtures.bytes(#"{"number": "1", "n\u0075mber": "2"}"#))?.reason == .duplicateKey)
    }

    @Test("malformed JSON is refused with its line and column", arguments: [
        ("{\"number\": \"A-1\",\n}", 2, 1, "expected a key in double quotes, found '}'"),
        ("{\"number\": 'A-1'}", 1, 12, "expected a value, found '''"),
        ("{\"number\": \"A-1\"", 1, 17, "expected ',' or '}' after a value in an object, found the end of the document"),
        ("{\"number\": \"A-1\"} {}", 1, 19, "the document continues after its end"),
        ("{\"lines\": [1 2]}", 1, 14, "expected ',' or ']' after a value in an array, found '2'"),
        ("{\"a\": tru}", 1, 7, "expected a value (a string, a number, an object, an array, true, false or null), found 't'"),
        ("{\"a\": 01}", 1, 8, "expected ',' or '}' after a value in an object, found '1'"),
        ("{\"a\": \"x\ty\"}", 1, 9, "a control character (byte 0x9) must be escaped inside a string, e.g. \\n"),
        ("{\"a\": \"\\x\"}", 1, 9, "expected an escape such as \\n, \\\" or \\u00E9 after '\\', found 'x'"),
        ("{\"a\": \"\\ud800\"}", 1, 8, "a \\u escape is half of a surrogate pair without its other half"),
        ("", 1, 1, "expected a value, found the end of the document"),
    ])
    func malformed(text: String, line: Int, column: Int, message: String) throws {
        let failure = try #require(JSONFixtures.failure(JSONFixtures.bytes(text)))
        #expect(failure.reason == .malformed)
        #expect(failure.english == message)
        #expect(failure.line == line)
        #expect(failure.column == column)
    }

    @Test("text that is not UTF-8 is refused")
    func notUTF8() throws {
        let latin1: [UInt8] = Array(#"{"number": "Fa"#.utf8) + [0xE7] + Array(#"ade"}"#.utf8)
        let failure = try #require(JSONFixtures.failure(latin1))
        #expect(failure.reason == .malformed)
        #expect(failure.english.contains("not valid UTF-8"))
        #expect(failure.column == 15)
        let utf8 = try InvoiceJSON.decode(Array(#"{"number": "Façade \u00e9 😀 \ud83d\ude00"}"#.utf8))
        #expect(utf8.number == "Façade é 😀 😀")
    }
}
