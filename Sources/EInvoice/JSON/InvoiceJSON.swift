import Foundation

/// The canonical JSON form of an invoice, the one `POST /v1/invoices` accepts (docs/invoice-json.md,
/// openapi/schemas/Invoice.json).
///
/// - Keys are the model's business names (`number`, `issueDate`, `seller`, `lines`…).
/// - Lenient on absence: a missing key, or `null`, takes the model's default ("" / nil / [] / typeCode "380").
/// - Strict on content: a wrong type, a bad decimal or date, an unknown key or a key given twice is refused,
///   with the JSON path of the field.
/// - Amounts are read exactly, from the text of the JSON string or number, never through binary floating point.
public enum InvoiceJSON {
    /// Limits checked before decoding, so that hostile payloads cost little and crash nothing.
    public struct Limits: Sendable, Hashable {
        /// Largest payload accepted, in bytes (default 16 MiB).
        public var maximumBytes: Int
        /// Deepest nesting of objects and arrays accepted (default 64; an invoice needs 6).
        public var maximumDepth: Int

        public init(maximumBytes: Int = 16 * 1024 * 1024, maximumDepth: Int = 64) {
            self.maximumBytes = maximumBytes
            self.maximumDepth = maximumDepth
        }
    }

    /// Reads a JSON invoice.
    public static func decode(_ bytes: some Collection<UInt8>, limits: Limits = Limits()) throws(Failure) -> Invoice {
        guard bytes.count <= limits.maximumBytes else {
            throw Failure(
                reason: .tooLarge, path: "",
                english: "the document is \(bytes.count) bytes; at most \(limits.maximumBytes) bytes are accepted",
                french: "le document fait \(bytes.count) octets ; \(limits.maximumBytes) octets au plus sont acceptés")
        }
        var body = [UInt8](bytes)
        // RFC 8259 lets a parser ignore a UTF-8 byte order mark; Windows tools like to write one.
        if body.starts(with: [0xEF, 0xBB, 0xBF]) { body.removeFirst(3) }
        let document = try JSONParser(bytes: body, maximumDepth: limits.maximumDepth).parse()
        do {
            return try Invoice(from: JSONTreeDecoder(document: document, index: 0))
        } catch let error as DecodingError {
            throw Failure(error)
        } catch {
            throw Failure(reason: .malformed, path: "", english: "\(error)", french: "\(error)")
        }
    }

    /// Writes the canonical JSON of an invoice: keys sorted, absent terms left out, decimals as strings that
    /// keep their written digits ("1234.50").
    public static func encode(_ invoice: Invoice, pretty: Bool = false) -> [UInt8] {
        if !pretty, let compact = try? CanonicalJSONEncoder().encode(invoice) { return compact }
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty
            ? [.sortedKeys, .withoutEscapingSlashes, .prettyPrinted] : [.sortedKeys, .withoutEscapingSlashes]
        do {
            return [UInt8](try encoder.encode(invoice))
        } catch {
            // Unreachable: the model holds only strings, booleans, arrays and objects (decimals are written as
            // strings), and JSONEncoder fails only on non-finite floating-point numbers.
            preconditionFailure("JSONEncoder refused an invoice: \(error)")
        }
    }
}
