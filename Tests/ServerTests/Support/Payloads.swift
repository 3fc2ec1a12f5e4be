import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway

/// Invoices for the API tests: the EInvoice sample (valid EN 16931 and BR-FR) written as CII, and the catalogue its
/// lines cite.
enum Payloads {
    /// BT-46 of the sample's buyer.
    static let customerCode = "CUST-1"

    static func invoice(number: String, lines: Int = 2, change: (inout Invoice) -> Void = { _ in }) -> Invoice {
        var invoice = SampleInvoice.make(lineCount: lines, number: number)
        invoice.buyer.identifiers = [Identifier(customerCode)]
        change(&invoice)
        return invoice
    }

    static func cii(number: String, lines: Int = 2, change: (inout Invoice) -> Void = { _ in }) -> [UInt8] {
        CIIWriter().output(invoice(number: number, lines: lines, change: change), profile: .en16931).bytes
    }

    static func ubl(number: String, lines: Int = 2) -> [UInt8] {
        UBLWriter().write(invoice(number: number, lines: lines))
    }

    /// The products the sample's lines cite, as JSON bodies of `PUT /v1/products/{code}`.
    static func productBodies(lines: Int = 2) -> [[String: Any]] {
        SampleInvoice.make(lineCount: lines).lines.map { line in
            var body: [String: Any] = [
                "code": line.item.sellerIdentifier ?? "", "name": line.item.name, "unitCode": line.quantity?.unitCode ?? "C62",
                "vatCategory": line.vat.categoryCode,
            ]
            if let rate = line.vat.rate { body["vatRate"] = rate.description }
            return body
        }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func repositoryFile(_ path: String) throws -> [UInt8] {
        Array(try Data(contentsOf: repositoryRoot.appendingPathComponent(path)))
    }
}
