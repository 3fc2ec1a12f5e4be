import EInvoice
import EInvoiceSyntax
import Foundation
import Testing

@Suite("CDAR lifecycle messages")
struct CDARTests {
    static let statuses = (200...213).map { LifecycleStatus(code: String($0)) }

    func written(_ message: CDARMessage) -> String {
        String(decoding: CDARWriter().write(message), as: UTF8.self)
    }

    @Test("write then read gives the same message, for every status 200…213", arguments: statuses)
    func roundTrip(status: LifecycleStatus) throws {
        let message = CDARFixtures.message(status)
        let read = try CDARReader().read(CDARWriter().write(message))
        #expect(read == message)
        #expect(read.status == status)
        #expect(read.invoice.number == "FA-2025-0001")
    }

    @Test("the XML carries the status where the reform puts it")
    func elementsInPlace() throws {
        let xml = written(CDARFixtures.message(.approved))
        #expect(xml.contains("<ram:ProcessConditionCode>205</ram:ProcessConditionCode>"))
        #expect(xml.contains("<ram:StatusCode>1</ram:StatusCode>"))
        #expect(xml.contains("<rsm:AcknowledgementDocument><ram:TypeCode>23</ram:TypeCode>"))
        #expect(xml.contains("<ram:GlobalID schemeID=\"0002\">100000009</ram:GlobalID><ram:RoleCode>SE</ram:RoleCode>"))
        #expect(xml.contains("<qdt:DateTimeString format=\"102\">20250701</qdt:DateTimeString>"))
        #expect(xml.contains("<udt:DateTimeString format=\"204\">20250702101000</udt:DateTimeString>"))
        #expect(xml.contains("Acheteur &lt;SA&gt;"))
        let submitted = written(CDARFixtures.message(.submitted))
        #expect(submitted.contains("<rsm:AcknowledgementDocument><ram:TypeCode>305</ram:TypeCode>"))
        let paid = written(CDARFixtures.message(.paymentReceived))
        #expect(paid.contains("<ram:TypeCode>MEN</ram:TypeCode><ram:ValueAmount currencyID=\"EUR\">1000.00</ram:ValueAmount><ram:ValuePercent>20</ram:ValuePercent>"))
    }

    @Test("an unknown status code survives a round trip")
    func unknownStatusKept() throws {
        let message = CDARFixtures.message(.other("601"))
        let read = try CDARReader().read(CDARWriter().write(message))
        #expect(read.status == .other("601"))
        #expect(read == message)
    }

    @Test("reading trims whitespace and accepts pretty-printed messages")
    func prettyPrinted() throws {
        let xml = written(CDARFixtures.message(.disputed))
            .replacingOccurrences(of: "<ram:ProcessConditionCode>207", with: "<ram:ProcessConditionCode>\n   207  ")
            .replacingOccurrences(of: "><", with: ">\n  <")
        let read = try CDARReader().read(xml)
        #expect(read.status == .disputed)
        #expect(read.reasons == [StatusReason(code: "QTE_ERR", text: "Quantité livrée : 8, facturée : 10")])
    }
}
