import EInvoice
import Foundation
import Yams

/// A mapping file that cannot be used; the message names the setting and says what is expected.
public struct MappingError: Error, Sendable, Hashable, CustomStringConvertible {
    public var setting: String
    public var message: String
    /// 1-based line in the YAML file, when known.
    public var line: Int?

    public init(_ setting: String, _ message: String, line: Int? = nil) {
        self.setting = setting
        self.message = message
        self.line = line
    }

    public var description: String {
        let place = line.map { " (line \($0))" } ?? ""
        return setting.isEmpty ? "\(message)\(place)" : "\(setting)\(place): \(message)"
    }
}

extension ERPMapping {
    /// Reads a mapping file (YAML).
    public static func load(path: String) throws(MappingError) -> ERPMapping {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw MappingError("", "the mapping file \(path) cannot be read")
        }
        guard let text = String(data: data, encoding: .utf8) else {
            throw MappingError("", "the mapping file \(path) is not UTF-8 text")
        }
        return try load(yaml: text)
    }

    /// Reads a mapping from YAML text and checks it: unknown settings and unknown target fields are refused.
    public static func load(yaml: String) throws(MappingError) -> ERPMapping {
        let root: Node
        do {
            guard let node = try Yams.compose(yaml: yaml) else { throw MappingError("", "the mapping is empty") }
            root = node
        } catch let error as MappingError {
            throw error
        } catch {
            throw MappingError("", "the mapping is not valid YAML: \(String(describing: error).split(separator: "\n").first ?? "")")
        }
        var reader = MappingReader(root: root)
        return try reader.read()
    }
}

/// Walks the YAML tree of a mapping.
struct MappingReader {
    let root: Node

    mutating func read() throws(MappingError) -> ERPMapping {
        let top = try mapping(root, "")
        try known(top, ["kind", "format", "csv", "xml", "fields", "lineFields", "defaults", "notes", "policy",
                        "validate"], "")
        let kind = try enumValue(top["kind"], "kind", default: ERPMapping.Kind.invoices)
        let format = try enumValue(top["format"], "format", default: ERPMapping.Format.csv)
        var result = ERPMapping(kind: kind, format: format)
        result.policy = try enumValue(top["policy"], "policy", default: ImportPolicy.perInvoice)
        if let node = top["validate"] {
            guard let flag = node.bool else { throw MappingError("validate", "write true or false", line: line(node)) }
            result.validate = flag
        }
        if let node = top["csv"] { result.csv = try csvOptions(node) }
        if let node = top["xml"] { result.xml = try xmlOptions(node) }
        result.fields = try pairs(top["fields"], "fields")
        result.lineFields = try pairs(top["lineFields"], "lineFields")
        result.defaults = try pairs(top["defaults"], "defaults").map { (target: $0.source, value: $0.target) }
        result.notes = try notes(top["notes"])
        try checkTargets(result)
        return result
    }

    private func csvOptions(_ node: Node) throws(MappingError) -> ERPMapping.CSVOptions {
        let map = try mapping(node, "csv")
        try known(map, ["layout", "separator", "decimal", "thousands", "encoding", "dateFormats", "dateFormat",
                        "maxLineBytes", "columns", "headerColumns", "lineColumns", "recordType", "groupBy"], "csv")
        var options = ERPMapping.CSVOptions()
        options.layout = try enumValue(map["layout"], "csv.layout", default: ERPMapping.Layout.lines)
        if let separator = map["separator"] {
            switch separator.string ?? "" {
            case ";": options.dialect.separator = UInt8(ascii: ";")
            case ",": options.dialect.separator = UInt8(ascii: ",")
            case "\t", "tab", "\\t": options.dialect.separator = 0x09
            case "|": options.dialect.separator = UInt8(ascii: "|")
            default: throw MappingError("csv.separator", "write \";\", \",\", \"|\" or \"\\t\" (tab)", line: line(separator))
            }
        }
        if let encoding = map["encoding"] {
            guard let name = encoding.string, let value = TextEncoding(name: name) else {
                throw MappingError("csv.encoding", "write utf-8, iso-8859-1 or windows-1252", line: line(encoding))
            }
            options.dialect.encoding = value
        }
        if let limit = map["maxLineBytes"] {
            guard let bytes = limit.int, bytes > 0 else {
                throw MappingError("csv.maxLineBytes", "write a number of bytes above 0", line: line(limit))
            }
            options.dialect.maximumRecordBytes = bytes
        }
        options.numbers = try numberFormat(map, "csv")
        options.dates = try dateFormats(map, "csv")
        if let columns = map["columns"] { options.columns = try strings(columns, "csv.columns") }
        if let columns = map["headerColumns"] { options.headerColumns = try strings(columns, "csv.headerColumns") }
        if let columns = map["lineColumns"] { options.lineColumns = try strings(columns, "csv.lineColumns") }
        options.groupBy = map["groupBy"]?.string
        if let node = map["recordType"] {
            let record = try mapping(node, "csv.recordType")
            try known(record, ["column", "header", "line"], "csv.recordType")
            if let column = record["column"]?.string { options.recordTypeColumn = column }
            if let header = record["header"]?.string { options.headerRecordType = header }
            if let line = record["line"]?.string { options.lineRecordType = line }
        }
        if options.layout == .records {
            guard !options.headerColumns.isEmpty, !options.lineColumns.isEmpty else {
                throw MappingError("csv", "the records layout needs headerColumns and lineColumns (the columns of H and L records, in order)", line: line(node))
            }
            guard options.headerColumns.contains(options.recordTypeColumn),
                options.lineColumns.contains(options.recordTypeColumn)
            else {
                throw MappingError("csv.recordType.column", "\"\(options.recordTypeColumn)\" must be one of headerColumns and of lineColumns", line: line(node))
            }
        }
        return options
    }

    private func xmlOptions(_ node: Node) throws(MappingError) -> ERPMapping.XMLOptions {
        let map = try mapping(node, "xml")
        try known(map, ["invoices", "lines", "decimal", "thousands", "dateFormats", "dateFormat", "records"], "xml")
        var options = ERPMapping.XMLOptions()
        if let path = map["invoices"]?.string ?? map["records"]?.string { options.invoicePath = Self.path(path) }
        if let path = map["lines"]?.string { options.linePath = Self.path(path) }
        options.numbers = try numberFormat(map, "xml")
        options.dates = try dateFormats(map, "xml")
        return options
    }

    static func path(_ text: String) -> [String] {
        text.split(separator: "/").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    private func numberFormat(_ map: Node.Mapping, _ prefix: String) throws(MappingError) -> NumberFormat {
        var format = NumberFormat()
        if let decimal = map["decimal"] {
            switch decimal.string?.lowercased() ?? "" {
            case "comma", ",": format.decimalComma = true
            case "point", "dot", ".": format.decimalComma = false
            default: throw MappingError("\(prefix).decimal", "write comma or point", line: line(decimal))
            }
        }
        if let thousands = map["thousands"]?.string {
            format.thousandsSeparators = Set(thousands == "space" ? [" ", "\u{A0}", "\u{202F}"] : Array(thousands))
        }
        return format
    }

    private func dateFormats(_ map: Node.Mapping, _ prefix: String) throws(MappingError) -> DateFormats {
        var patterns: [String] = []
        if let node = map["dateFormats"] { patterns = try strings(node, "\(prefix).dateFormats") }
        if let single = map["dateFormat"]?.string { patterns.append(single) }
        for pattern in patterns where !DateFormats.isValid(pattern) {
            throw MappingError("\(prefix).dateFormats", "\"\(pattern)\" is not a date pattern; use dd, MM and yyyy, e.g. dd/MM/yyyy")
        }
        return DateFormats(patterns)
    }

    private func notes(_ node: Node?) throws(MappingError) -> [InvoiceNote] {
        guard let node else { return [] }
        guard let sequence = node.sequence else {
            throw MappingError("notes", "write a list of {subject, text}", line: line(node))
        }
        var notes: [InvoiceNote] = []
        for item in sequence {
            let map = try mapping(item, "notes")
            try known(map, ["subject", "text"], "notes")
            guard let text = map["text"]?.string, !text.isEmpty else {
                throw MappingError("notes", "each note needs a text", line: line(item))
            }
            notes.append(InvoiceNote(text: text, subjectCode: map["subject"]?.string))
        }
        return notes
    }

    /// Every target must be a known field of the mapping's kind, at the right level.
    private func checkTargets(_ mapping: ERPMapping) throws(MappingError) {
        let allowed = MasterDataField.names(for: mapping.kind)
        func check(_ target: String, _ setting: String) throws(MappingError) {
            if target.lowercased() == "ignore" { return }
            if mapping.kind == .invoices {
                guard InvoiceField(name: target) != nil else {
                    throw MappingError(setting, "\"\(target)\" is not an invoice field; use a term id like BT-1 or a name like invoiceNumber (docs/erp-files.md lists them)")
                }
            } else if !allowed.contains(target) {
                throw MappingError(setting, "\"\(target)\" is not a \(mapping.kind.rawValue) field; use one of \(allowed.sorted().joined(separator: ", "))")
            }
        }
        for pair in mapping.fields { try check(pair.target, "fields.\(pair.source)") }
        for pair in mapping.lineFields {
            try check(pair.target, "lineFields.\(pair.source)")
            if mapping.kind == .invoices, let field = InvoiceField(name: pair.target), field.level != .line {
                throw MappingError("lineFields.\(pair.source)", "\(pair.target) is an invoice field, not a line field; map it under fields")
            }
        }
        for pair in mapping.defaults { try check(pair.target, "defaults.\(pair.target)") }
        if mapping.format == .xml, mapping.xml.invoicePath.isEmpty, !mapping.fields.isEmpty {
            throw MappingError("xml.invoices", "give the element path of the records, e.g. Factures/Facture")
        }
    }

    // MARK: - YAML helpers

    private func mapping(_ node: Node, _ setting: String) throws(MappingError) -> Node.Mapping {
        guard let map = node.mapping else {
            throw MappingError(setting, "expected a mapping of keys to values", line: line(node))
        }
        return map
    }

    private func known(_ map: Node.Mapping, _ keys: [String], _ setting: String) throws(MappingError) {
        for (key, _) in map {
            guard let name = key.string, keys.contains(name) else {
                throw MappingError(setting, "unknown setting \"\(key.string ?? "?")\"; known: \(keys.joined(separator: ", "))", line: line(key))
            }
        }
    }

    private func pairs(_ node: Node?, _ setting: String) throws(MappingError) -> [(source: String, target: String)] {
        guard let node else { return [] }
        let map = try mapping(node, setting)
        var result: [(source: String, target: String)] = []
        for (key, value) in map {
            guard let source = key.string, let target = value.string else {
                throw MappingError(setting, "each entry is a text key and a text value", line: line(key))
            }
            result.append((source, target))
        }
        return result
    }

    private func strings(_ node: Node, _ setting: String) throws(MappingError) -> [String] {
        guard let sequence = node.sequence else {
            if let single = node.string { return [single] }
            throw MappingError(setting, "expected a list", line: line(node))
        }
        var result: [String] = []
        for item in sequence {
            guard let text = item.string else { throw MappingError(setting, "expected text items", line: line(item)) }
            result.append(text)
        }
        return result
    }

    private func enumValue<Value: RawRepresentable<String>>(_ node: Node?, _ setting: String, default value: Value)
        throws(MappingError) -> Value
    {
        guard let node else { return value }
        guard let text = node.string, let parsed = Value(rawValue: text) else {
            throw MappingError(setting, "\"\(node.string ?? "?")\" is not accepted", line: line(node))
        }
        return parsed
    }

    private func line(_ node: Node) -> Int? { node.mark?.line }
}
