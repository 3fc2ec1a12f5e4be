import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation
import Gateway

/// Reads an XML file: a CII or UBL invoice is taken as it is (its root tells); the ERP's own XML is read by the
/// mapping's element paths. The file goes through ``SafeXMLParser``: a DTD or an entity declaration refuses it.
public struct XMLInvoiceSource: ImportSource {
    private let mapping: ERPMapping
    private var units: [ImportUnit] = []
    private var index = 0
    private let size: Int64

    public init(bytes: [UInt8], mapping: ERPMapping) throws(ImportFailure) {
        self.mapping = mapping
        self.size = Int64(bytes.count)
        let tree: XMLTree
        do {
            tree = try SafeXMLParser().parse(bytes)
        } catch {
            throw ImportFailure.fileRefused(RowProblem(line: error.line, column: error.column, message: error.description))
        }
        guard let root = tree.root else {
            throw ImportFailure.fileRefused(RowProblem(line: 1, message: "the XML file has no root element"))
        }
        if ["CrossIndustryInvoice", "Invoice", "CreditNote"].contains(root.localName), mapping.kind == .invoices,
            mapping.fields.isEmpty || !(mapping.xml.invoicePath.first == root.localName)
        {
            units = [Self.standardInvoice(bytes: bytes, validate: mapping.validate)]
            return
        }
        let path = mapping.xml.invoicePath
        guard let first = path.first, first == root.localName else {
            throw ImportFailure.fileRefused(RowProblem(
                line: root.line, column: root.column,
                message: "the root element is <\(root.localName)> but the mapping's xml.invoices path starts with \(path.first ?? "nothing"); it is neither a CII nor a UBL invoice"))
        }
        let records = tree.all(from: 0, Array(path.dropFirst()))
        let reader = XMLRecordReader(tree: tree, mapping: mapping)
        units = records.map { reader.unit(record: $0) }
    }

    public var progress: ReadProgress {
        let done = units.isEmpty ? size : size * Int64(index) / Int64(units.count)
        return ReadProgress(bytesRead: done, totalBytes: size, linesRead: 0)
    }

    public mutating func next() throws -> ImportUnit? {
        guard index < units.count else { return nil }
        defer { index += 1 }
        return units[index]
    }

    /// A CII or UBL invoice: read to check it, submitted with its original bytes.
    static func standardInvoice(bytes: [UInt8], validate: Bool) -> ImportUnit {
        let decoded: InvoicePayload.Decoded
        do {
            decoded = try InvoicePayload.decode(bytes)
        } catch {
            return .rejected(Rejection(invoiceNumber: nil, firstLine: 1, lastLine: 1,
                                       problems: [RowProblem(line: 1, message: error.message)]))
        }
        if validate {
            let validator = Validator()
            let findings = decoded.parsed.map { validator.validate($0) } ?? validator.validate(decoded.invoice)
            let fatal = findings.filter { $0.severity == .fatal }
            if !fatal.isEmpty {
                let number = decoded.invoice.number
                return .rejected(Rejection(
                    invoiceNumber: number.isEmpty ? nil : number, firstLine: 1, lastLine: 1,
                    problems: fatal.map { finding in
                        RowProblem(line: finding.location?.line ?? 1, column: finding.location?.column,
                                   message: "\(finding.ruleID): \(finding.message.english)")
                    }))
            }
        }
        return .invoice(ReadInvoice(invoice: decoded.invoice, payload: bytes, firstLine: 1, lastLine: 1))
    }
}

/// Reads the mapped values of one record element of the ERP's XML.
struct XMLRecordReader {
    let tree: XMLTree
    let mapping: ERPMapping

    var conventions: ValueConventions { ValueConventions(numbers: mapping.xml.numbers, dates: mapping.xml.dates) }

    func unit(record: Int) -> ImportUnit {
        switch mapping.kind {
        case .invoices: invoice(record)
        case .customers, .products, .priceLists: masterData(record)
        }
    }

    private func invoice(_ record: Int) -> ImportUnit {
        let line = tree[record].line
        var draft = InvoiceDraft(line: line)
        let defaults = DefaultValues(mapping.defaults)
        defaults.apply(to: &draft)
        for (field, source, text) in values(mapping.fields, from: record) {
            do {
                try draft.apply(field, text, conventions)
            } catch {
                draft.problems.append(RowProblem(line: line, message: "\(source) (\(field.termID)): \(error.message)"))
            }
        }
        for element in tree.all(from: record, mapping.xml.linePath) where !mapping.xml.linePath.isEmpty {
            let lineNumber = tree[element].line
            var lineDraft = LineDraft(sourceLine: lineNumber)
            defaults.apply(to: &lineDraft, problems: &draft.problems)
            for (field, source, text) in values(mapping.lineFields, from: element) {
                do {
                    try lineDraft.apply(field, text, conventions)
                } catch {
                    draft.problems.append(RowProblem(line: lineNumber, message: "\(source) (\(field.termID)): \(error.message)"))
                }
            }
            draft.lines.append(lineDraft)
            draft.lastLine = max(draft.lastLine, lineNumber)
        }
        return InvoiceFinisher(notes: mapping.notes, validate: mapping.validate).finish(draft)
    }

    private func masterData(_ record: Int) -> ImportUnit {
        let line = tree[record].line
        var values: [String: String] = [:]
        for pair in mapping.defaults { values[pair.target] = pair.value }
        for pair in mapping.fields {
            if let text = text(pair.source, from: record) { values[pair.target] = text }
        }
        let builder = MasterDataBuilder(numbers: mapping.xml.numbers, dates: mapping.xml.dates)
        do {
            switch mapping.kind {
            case .customers: return .masterData(.customer(try builder.customer(values), line: line))
            case .products: return .masterData(.product(try builder.product(values), line: line))
            case .priceLists, .invoices:
                var rows: [[String: String]] = []
                for element in tree.all(from: record, mapping.xml.linePath) {
                    var row = values
                    for pair in mapping.lineFields {
                        if let text = text(pair.source, from: element) { row[pair.target] = text }
                    }
                    rows.append(row)
                }
                return .masterData(.priceList(try builder.priceList(rows), line: line))
            }
        } catch {
            return .rejected(Rejection(invoiceNumber: values["code"], firstLine: line, lastLine: line,
                                       problems: [RowProblem(line: line, message: error.message)]))
        }
    }

    /// The mapped invoice fields present under `element`, sorted so terms precede their schemes.
    private func values(_ pairs: [(source: String, target: String)], from element: Int)
        -> [(InvoiceField, String, String)]
    {
        var result: [(InvoiceField, String, String)] = []
        for pair in pairs {
            guard let field = InvoiceField(name: pair.target), let text = text(pair.source, from: element) else {
                continue
            }
            result.append((field, pair.source, text))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The trimmed text at a relative path (`Client/Nom`, `@code`, `Client/@code`); nil when absent or empty.
    func text(_ source: String, from element: Int) -> String? {
        var steps = MappingReader.path(source)
        var attribute: String?
        if let last = steps.last, last.hasPrefix("@") {
            attribute = String(last.dropFirst())
            steps.removeLast()
        }
        guard let target = tree.first(from: element, steps) else { return nil }
        let raw = attribute.map { tree.attribute($0, of: target) ?? "" } ?? tree[target].text
        let text = raw.trimmingCharacters(in: .whitespacesAndNewlines)
        return text.isEmpty ? nil : text
    }
}
