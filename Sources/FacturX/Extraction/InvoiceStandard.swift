/// Which e-invoice standard an embedded XML belongs to, from its file name and root element.
public enum InvoiceStandard: String, Sendable, Codable {
    /// `factur-x.xml`, CII root (Factur-X 1.0, ZUGFeRD 2.1+).
    case facturX = "Factur-X"
    /// `zugferd-invoice.xml` with a CII root (ZUGFeRD 2.0).
    case zugferd2 = "ZUGFeRD 2"
    /// `ZUGFeRD-invoice.xml` with a `CrossIndustryDocument` root (ZUGFeRD 1.0).
    case zugferd1 = "ZUGFeRD 1"
    /// `xrechnung.xml` (CII or UBL).
    case xrechnung = "XRechnung"
    /// `order-x.xml` (Order-X).
    case orderX = "Order-X"
    /// Another XML attachment that holds an invoice.
    case other = "other"

    /// The file names of the standards, in the order they are preferred.
    static let knownFileNames = ["factur-x.xml", "xrechnung.xml", "zugferd-invoice.xml", "order-x.xml"]

    /// The standard, from the attachment's name and the XML's root element local name.
    static func detect(fileName: String, rootElement: String) -> InvoiceStandard {
        switch (fileName.lowercased(), rootElement) {
        case (_, "CrossIndustryDocument"): .zugferd1
        case ("factur-x.xml", _): .facturX
        case ("xrechnung.xml", _): .xrechnung
        case ("order-x.xml", _), (_, "SCRDMCCBDACIOMessageStructure"): .orderX
        case ("zugferd-invoice.xml", _): .zugferd2
        default: .other
        }
    }

    /// Root elements of invoice XML (CII, ZUGFeRD 1, UBL, Order-X).
    static let invoiceRoots: Set<String> = ["CrossIndustryInvoice", "CrossIndustryDocument", "Invoice", "CreditNote", "SCRDMCCBDACIOMessageStructure"]

    /// The local name of the first element of an XML document, read without parsing it; nil when none.
    /// Comments are skipped whole (some invoices open with kilobytes of licence text, which may quote markup).
    static func rootElementName(_ xml: [UInt8]) -> String? {
        xml.withUnsafeBufferPointer { buffer -> String? in
            let count = buffer.count
            var index = 0
            while let open = PDFBytes.firstIndex(of: UInt8(ascii: "<"), in: buffer, from: index) {
                let next = open + 1
                guard next < count else { return nil }
                let byte = buffer[next]
                if byte == UInt8(ascii: "!"), next + 2 < count, buffer[next + 1] == UInt8(ascii: "-"), buffer[next + 2] == UInt8(ascii: "-") {
                    guard let close = PDFBytes.firstIndex(of: "-->", in: buffer, range: (next + 3)..<count) else { return nil }
                    index = close + 3
                    continue
                }
                if byte == UInt8(ascii: "?") || byte == UInt8(ascii: "!") {
                    index = next
                    continue
                }
                var end = next
                var start = next
                while end < count, buffer[end] != UInt8(ascii: ">"), buffer[end] != UInt8(ascii: "/"), !PDFBytes.isWhitespace(buffer[end]) {
                    if buffer[end] == UInt8(ascii: ":") { start = end + 1 }
                    end += 1
                }
                return String(decoding: UnsafeBufferPointer(rebasing: buffer[start..<end]), as: UTF8.self)
            }
            return nil
        }
    }
}
