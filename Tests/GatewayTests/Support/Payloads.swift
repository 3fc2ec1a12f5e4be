import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway

/// ERP payloads for the service tests: the EInvoice sample written as CII, and files of the shared corpus.
enum Payloads {
    /// The customer code the sample's buyer carries (BT-46).
    static let customerCode = "CUST-1"

    /// The sample invoice (valid EN 16931 and BR-FR), with `lines` lines citing products REF-1001, REF-1002, …
    static func sampleInvoice(number: String, lines: Int = 3, customer: String? = customerCode,
                              change: (inout Invoice) -> Void = { _ in }) -> Invoice {
        var invoice = SampleInvoice.make(lineCount: lines, number: number)
        if let customer { invoice.buyer.identifiers = [Identifier(customer)] }
        change(&invoice)
        return invoice
    }

    static func cii(number: String, lines: Int = 3, customer: String? = customerCode,
                    change: (inout Invoice) -> Void = { _ in }) -> [UInt8] {
        CIIWriter().output(sampleInvoice(number: number, lines: lines, customer: customer, change: change),
                           profile: .en16931).bytes
    }

    /// The products the sample's lines cite, as the catalogue should hold them.
    static func products(lines: Int = 3) -> [Product] {
        let invoice = SampleInvoice.make(lineCount: lines)
        return invoice.lines.map { line in
            Product(code: line.item.sellerIdentifier ?? "", name: line.item.name, unitCode: line.quantity?.unitCode ?? "C62",
                    vatCategory: line.vat.categoryCode, vatRate: line.vat.rate)
        }
    }

    /// A price list agreeing with the sample's prices.
    static func priceList(code: String = "PL-1", customer: String? = customerCode, lines: Int = 3,
                          validFrom: CalendarDate? = nil, validTo: CalendarDate? = nil) -> PriceList {
        let invoice = SampleInvoice.make(lineCount: lines)
        let entries = invoice.lines.map { line in
            PriceListEntry(productCode: line.item.sellerIdentifier ?? "", unitPrice: line.price.netPrice ?? .zero)
        }
        return PriceList(code: code, customerCode: customer, validFrom: validFrom, validTo: validTo, entries: entries)
    }

    struct CorpusMissing: Error, CustomStringConvertible {
        var description: String { "the shared corpus was not found (set PASSERELLE_CORPUS or lay shared/ beside the repository)" }
    }

    static let repositoryRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The corpus the syntax tests use: `PASSERELLE_CORPUS`, else `../shared/corpus` beside the repository.
    static var corpusRoot: URL? {
        var candidates: [URL] = []
        if let variable = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"], !variable.isEmpty {
            candidates.append(URL(fileURLWithPath: variable))
        }
        candidates.append(repositoryRoot.appendingPathComponent("../shared/corpus").standardized)
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("en16931/cii").path) }
    }

    static func corpus(_ path: String) throws -> [UInt8] {
        guard let root = corpusRoot else { throw CorpusMissing() }
        return Array(try Data(contentsOf: root.appendingPathComponent(path)))
    }
}
