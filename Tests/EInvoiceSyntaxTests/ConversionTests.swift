import EInvoice
import Foundation
import Testing
@testable import EInvoiceSyntax

/// CII → UBL → model and UBL → CII → model give back the same invoice for everything EN 16931 holds.
@Suite("Conversion between CII and UBL")
struct ConversionTests {
    static var corpus: String { CIICorpus.root?.path ?? "../shared/corpus" }

    static func files(_ folder: String) -> [String] {
        let directory = corpus + "/" + folder
        let names = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        return names.filter { $0.lowercased().hasSuffix(".xml") }.sorted().map { directory + "/" + $0 }
    }

    static let ciiFiles = files("en16931/cii") + files("zugferd/XML-Rechnung/CII")
    static let ublFiles = files("en16931/ubl") + files("en16931/ubl-testfiles") + files("zugferd/XML-Rechnung/UBL")

    /// Fields that are a property of one syntax and not of the EN 16931 model.
    static func normalized(_ invoice: Invoice) -> Invoice {
        var result = invoice
        if var payment = result.paymentInstructions {
            payment.creditTransfers = payment.creditTransfers.map {
                var transfer = $0
                transfer.isProprietaryIdentifier = false
                return transfer
            }
            result.paymentInstructions = payment
        }
        // UBL has no gross price without its discount (cbc:Amount is mandatory there): the UBL writer writes
        // gross − net, so a missing BT-147 next to a BT-148 means exactly that.
        result.lines = result.lines.map {
            var line = $0
            if line.price.discount == nil, let gross = line.price.grossPrice, let net = line.price.netPrice {
                line.price.discount = gross - net
            }
            return line
        }
        // UBL has no VAT breakdown without a total VAT (cbc:TaxAmount is mandatory in cac:TaxTotal): the UBL
        // writer writes Σ BT-117, so a missing BT-110 next to a breakdown means exactly that.
        if result.totals.vatTotal == nil, !result.vatBreakdown.isEmpty {
            result.totals.vatTotal = ExactDecimal.sum(result.vatBreakdown.compactMap(\.taxAmount))
                .rounded(to: 2, .halfTowardsPositiveInfinity)
        }
        result.supportingDocuments = result.supportingDocuments.map {
            var document = $0
            document.typeCode = nil
            return document
        }
        return result
    }

    /// The paths of the fields that differ, e.g. `lines[2].price.discount: nil ≠ Optional(0.00)`.
    static func differences(_ lhs: Any, _ rhs: Any, path: String = "") -> [String] {
        let left = Mirror(reflecting: lhs)
        let right = Mirror(reflecting: rhs)
        let leftChildren = Array(left.children)
        let rightChildren = Array(right.children)
        if leftChildren.isEmpty || rightChildren.isEmpty || leftChildren.count != rightChildren.count
            || left.displayStyle == .enum {
            let a = String(describing: lhs)
            let b = String(describing: rhs)
            return a == b ? [] : ["\(path): \(a) ≠ \(b)"]
        }
        var result: [String] = []
        for (index, (a, b)) in zip(leftChildren, rightChildren).enumerated() {
            let name = a.label.map { path.isEmpty ? $0 : path + "." + $0 } ?? "\(path)[\(index)]"
            result += differences(a.value, b.value, path: name)
            if result.count >= 5 { break }
        }
        return result
    }

    @Test(arguments: ciiFiles)
    func ciiToUBLAndBack(_ path: String) throws {
        let source = try InvoiceDocumentReader().read(path: path)
        let ubl = UBLWriter().write(source.invoice)
        let back = try InvoiceDocumentReader().read(bytes: ubl)
        #expect(back.syntax.isUBL)
        let expected = Self.normalized(source.invoice)
        let actual = Self.normalized(back.invoice)
        #expect(Self.differences(expected, actual) == [])
    }

    @Test(arguments: ublFiles)
    func ublToCIIAndBack(_ path: String) throws {
        let source = try InvoiceDocumentReader().read(path: path)
        let cii = CIIWriter().write(source.invoice)
        let back = try InvoiceDocumentReader().read(bytes: cii)
        #expect(back.syntax == .cii)
        let expected = Self.normalized(source.invoice)
        let actual = Self.normalized(back.invoice)
        #expect(Self.differences(expected, actual) == [])
    }

    @Test func theCorpusIsThere() {
        #expect(Self.ciiFiles.count >= 40, "corpus not found at \(Self.corpus)")
        #expect(Self.ublFiles.count >= 70, "corpus not found at \(Self.corpus)")
    }
}
