import EInvoice
import EInvoiceSyntax

/// Reads an invoice file for the CLI: CII or UBL XML, or the canonical JSON invoice (`POST /v1/invoices`).
///
/// A file is JSON when its name ends in `.json` or its first non-space byte is `{`. A JSON invoice is written
/// as CII and read back, so that the rules see a source document: their line numbers point into that CII.
struct InvoiceInput {
    var reader = InvoiceDocumentReader()

    struct Failure: Error, CustomStringConvertible {
        var description: String
        /// The French message when there is one (JSON invoices), else `description`.
        var french: String

        init(description: String, french: String? = nil) {
            self.description = description
            self.french = french ?? description
        }
    }

    func read(path: String) throws(Failure) -> ParsedInvoice {
        let bytes: [UInt8]
        do {
            bytes = try InvoiceDocumentReader.loadFile(path: path, limit: reader.limits.maximumBytes)
        } catch {
            throw Failure(description: error.description)
        }
        do {
            guard Self.isJSON(path: path, bytes: bytes) else { return try reader.read(bytes: bytes) }
            let invoice: Invoice
            do {
                invoice = try InvoiceJSON.decode(bytes, limits: InvoiceJSON.Limits(maximumBytes: reader.limits.maximumBytes))
            } catch {
                throw Failure(description: "JSON invoice: \(error.description)",
                              french: "facture JSON : \(error.frenchDescription)")
            }
            return try reader.read(bytes: CIIWriter().write(invoice))
        } catch let error as Failure {
            throw error
        } catch {
            throw Failure(description: "\(error)")
        }
    }

    static func isJSON(path: String, bytes: [UInt8]) -> Bool {
        if path.lowercased().hasSuffix(".json") { return true }
        let first = bytes.drop { $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }.first
        return first == UInt8(ascii: "{") || bytes.starts(with: [0xEF, 0xBB, 0xBF, UInt8(ascii: "{")])
    }
}
