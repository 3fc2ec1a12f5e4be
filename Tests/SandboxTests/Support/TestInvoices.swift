import EInvoice
import EInvoiceSyntax
import Foundation

/// Invoices for the tests, made from the EN 16931 corpus example 1 with a given number and buyer.
enum TestInvoices {
    static func cii(number: String, buyerSIREN: String? = nil, buyerAddress: String? = nil,
                    buyerReference: String? = nil) throws -> [UInt8] {
        var invoice = try InvoiceDocumentReader().read(bytes: try Fixtures.corpusFile("en16931/cii/CII_example1.xml"))
            .invoice
        invoice.number = number
        if let buyerSIREN { invoice.buyer.legalRegistrationIdentifier = Identifier(buyerSIREN, schemeID: "0002") }
        if let buyerAddress { invoice.buyer.electronicAddress = Identifier(buyerAddress, schemeID: "0225") }
        if let buyerReference { invoice.buyerReference = buyerReference }
        invoice.seller.legalRegistrationIdentifier = Identifier("552100554", schemeID: "0002")
        return CIIWriter().write(invoice)
    }

    /// The same invoice with its totals broken (BR-CO-15: the total with VAT no longer adds up).
    static func invalidCII(number: String) throws -> [UInt8] {
        let text = String(decoding: try cii(number: number), as: UTF8.self)
        let broken = text.replacingOccurrences(of: "<ram:GrandTotalAmount>250.33</ram:GrandTotalAmount>",
                                               with: "<ram:GrandTotalAmount>999.99</ram:GrandTotalAmount>")
        guard broken != text else { throw HarnessFailure("the test invoice has no GrandTotalAmount 250.33") }
        return Array(broken.utf8)
    }

    static func flowInfo(name: String = "invoice.xml", syntax: String = "CII", sha256: String? = nil,
                         trackingId: String? = nil) -> [String: Any] {
        var info: [String: Any] = ["name": name, "flowSyntax": syntax]
        if let sha256 { info["sha256"] = sha256 }
        if let trackingId { info["trackingId"] = trackingId }
        return info
    }
}
