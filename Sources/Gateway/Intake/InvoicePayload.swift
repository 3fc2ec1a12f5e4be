import EInvoice
import EInvoiceSyntax
import FacturX

/// Reads an ERP payload into the model, detecting its format.
public enum InvoicePayload {
    /// What could not be read, with where.
    public struct Unreadable: Error, Sendable, CustomStringConvertible {
        public var format: SourceFormat?
        public var message: String
        public init(format: SourceFormat?, message: String) {
            self.format = format
            self.message = message
        }
        public var description: String { message }
    }

    /// The invoice in a payload and the format it was in.
    public struct Decoded: Sendable {
        public var invoice: Invoice
        public var format: SourceFormat
        /// Present for XML payloads: the parsed document, for rule locations.
        public var parsed: ParsedInvoice?
    }

    /// Detects the format from the first bytes: `{` JSON, `%PDF` Factur-X, `<` XML (CII or UBL).
    public static func detectFormat(_ bytes: [UInt8]) -> SourceFormat? {
        guard let first = bytes.first(where: { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }) else {
            return nil
        }
        switch first {
        case UInt8(ascii: "{"): return .json
        case UInt8(ascii: "%"): return bytes.starts(with: Array("%PDF".utf8)) ? .facturX : nil
        case UInt8(ascii: "<"): return .cii
        default: return nil
        }
    }

    public static func decode(_ bytes: [UInt8]) throws(Unreadable) -> Decoded {
        guard let format = detectFormat(bytes) else {
            throw Unreadable(format: nil, message: "the payload is neither a JSON invoice, nor CII or UBL XML, nor a Factur-X PDF")
        }
        switch format {
        case .json:
            do {
                return Decoded(invoice: try InvoiceJSON.decode(bytes), format: .json, parsed: nil)
            } catch {
                throw Unreadable(format: .json, message: error.description)
            }
        case .facturX:
            let xml: [UInt8]
            do {
                xml = try FacturXReader.extract(pdf: bytes).xml
            } catch {
                throw Unreadable(format: .facturX, message: "the PDF carries no readable invoice XML: \(error.description)")
            }
            do {
                let parsed = try InvoiceDocumentReader().read(bytes: xml)
                return Decoded(invoice: parsed.invoice, format: .facturX, parsed: parsed)
            } catch {
                throw Unreadable(format: .facturX, message: "the XML embedded in the PDF cannot be read: \(error.description)")
            }
        case .cii, .ubl:
            do {
                let parsed = try InvoiceDocumentReader().read(bytes: bytes)
                return Decoded(invoice: parsed.invoice, format: parsed.syntax == .cii ? .cii : .ubl, parsed: parsed)
            } catch {
                throw Unreadable(format: format, message: error.description)
            }
        }
    }
}
