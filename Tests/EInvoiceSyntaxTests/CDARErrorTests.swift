import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

/// Malformed and hostile messages are refused with the line and column of the fault.
@Suite("CDAR reader errors")
struct CDARErrorTests {
    /// The message written and pretty-printed, one element per line, so that line numbers mean something.
    static func lines(_ status: LifecycleStatus = .refused) -> String {
        String(decoding: CDARWriter().write(CDARFixtures.message(status)), as: UTF8.self)
            .replacingOccurrences(of: "><", with: ">\n<")
    }

    static func lineNumber(of fragment: String, in xml: String) -> Int? {
        xml.components(separatedBy: "\n").firstIndex { $0.contains(fragment) }.map { $0 + 1 }
    }

    func refusal(_ xml: String) -> CDARReadError? {
        do {
            _ = try CDARReader().read(xml)
            return nil
        } catch {
            return error
        }
    }

    @Test("a missing status (MDT-105) is located at its reference document")
    func missingStatus() throws {
        let xml = Self.lines().replacingOccurrences(of: "<ram:ProcessConditionCode>210</ram:ProcessConditionCode>", with: "")
        let error = try #require(refusal(xml))
        #expect(error.reason == .missing(element: "ram:ProcessConditionCode", term: "MDT-105"))
        #expect(error.line == Self.lineNumber(of: "<ram:ReferenceReferencedDocument>", in: xml))
        #expect(error.column == 1)
        #expect(error.path.hasSuffix("rsm:AcknowledgementDocument/ram:ReferenceReferencedDocument"))
        #expect(error.description.contains("MDT-105"))
    }

    @Test("an empty status is refused as missing")
    func emptyStatus() throws {
        let xml = Self.lines().replacingOccurrences(of: "<ram:ProcessConditionCode>210<", with: "<ram:ProcessConditionCode> <")
        let error = try #require(refusal(xml))
        #expect(error.reason == .missing(element: "ram:ProcessConditionCode", term: "MDT-105"))
        #expect(error.line == Self.lineNumber(of: "<ram:ProcessConditionCode>", in: xml))
    }

    @Test("a bad status date-time is located at its DateTimeString", arguments: ["20250231101000", "2025070210", "tomorrow"])
    func badDateTime(value: String) throws {
        let xml = Self.lines().replacingOccurrences(of: ">20250702101000<", with: ">\(value)<")
        let error = try #require(refusal(xml))
        guard case let .invalid(element, found, _) = error.reason else {
            Issue.record("expected an invalid value, got \(error)")
            return
        }
        #expect(element == "udt:DateTimeString" && found == value)
        #expect(error.line == Self.lineNumber(of: ">\(value)<", in: xml))
    }

    @Test("a bad invoice date (BT-2) is refused")
    func badInvoiceDate() throws {
        let xml = Self.lines().replacingOccurrences(of: ">20250701</qdt:DateTimeString>", with: ">2025-07-01</qdt:DateTimeString>")
        let error = try #require(refusal(xml))
        #expect(error.line == Self.lineNumber(of: ">2025-07-01<", in: xml))
        if case let .invalid(element, _, _) = error.reason { #expect(element == "qdt:DateTimeString") } else {
            Issue.record("expected an invalid value, got \(error)")
        }
    }

    @Test("a bad amount or phase is refused where it is written")
    func badAmountAndPhase() throws {
        let amount = Self.lines(.paymentReceived).replacingOccurrences(of: ">1000.00<", with: ">1 000,00<")
        let amountError = try #require(refusal(amount))
        #expect(amountError.line == Self.lineNumber(of: ">1 000,00<", in: amount))
        let phase = Self.lines().replacingOccurrences(of: "<ram:TypeCode>23</ram:TypeCode>", with: "<ram:TypeCode>99</ram:TypeCode>")
        let phaseError = try #require(refusal(phase))
        #expect(phaseError.reason == .invalid(element: "ram:TypeCode", value: "99", expected: "305 (transmission) or 23 (processing)"))
    }

    @Test("missing parts: message id, recipients, invoice number, the seller")
    func missingParts() throws {
        let cases: [(String, String, String)] = [
            ("<ram:ID>CDV-210-0001</ram:ID>", "ram:ID", "MDT-4"),
            ("<ram:IssuerAssignedID>FA-2025-0001</ram:IssuerAssignedID>", "ram:IssuerAssignedID", "MDT-87, BT-1"),
        ]
        for (fragment, element, term) in cases {
            let error = try #require(refusal(Self.lines().replacingOccurrences(of: fragment, with: "")))
            #expect(error.reason == .missing(element: element, term: term))
        }
        let noRecipient = Self.lines().replacingOccurrences(
            of: #"<ram:RecipientTradeParty>\n(.*\n)*?</ram:RecipientTradeParty>\n"#, with: "", options: .regularExpression)
        #expect(try #require(refusal(noRecipient)).reason == .missing(element: "ram:RecipientTradeParty", term: "MDG-11"))
    }

    @Test("DTDs, entities and other roots are refused")
    func hostile() throws {
        let body = Self.lines()
        let doctype = body.replacingOccurrences(
            of: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>",
            with: "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE x [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>")
        let doctypeError = try #require(refusal(doctype))
        #expect(doctypeError.reason == .xml(.doctypeForbidden))
        #expect(doctypeError.line == 2)

        let entity = body.replacingOccurrences(of: ">FA-2025-0001<", with: ">&xxe;<")
        let entityError = try #require(refusal(entity))
        #expect(entityError.reason == .xml(.undefinedEntity("xxe")))
        #expect(entityError.line == Self.lineNumber(of: "&xxe;", in: entity))

        let invoice = "<?xml version=\"1.0\"?>\n<rsm:CrossIndustryInvoice xmlns:rsm=\"\(Namespaces.ciiRSM)\"/>"
        #expect(try #require(refusal(invoice)).reason == .notCDAR(root: "rsm:CrossIndustryInvoice"))
        #expect(try #require(refusal("<a>")).line == 1)
    }
}
