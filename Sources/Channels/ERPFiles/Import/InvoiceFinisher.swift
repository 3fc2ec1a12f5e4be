import EInvoice
import EInvoiceRules
import Foundation

/// Turns a finished draft into an invoice, or a rejection with its lines and reasons: values that did not read, a
/// declared line amount that does not match, fatal EN 16931 findings.
struct InvoiceFinisher: Sendable {
    var notes: [InvoiceNote]
    var validate: Bool
    var validator = Validator()

    func finish(_ draft: consuming InvoiceDraft) -> ImportUnit {
        var draft = draft
        let number = draft.invoice.number
        guard draft.problems.isEmpty else { return .rejected(rejection(draft, number: number)) }
        if draft.lines.isEmpty {
            draft.problems.append(RowProblem(line: draft.firstLine, message: "the invoice has no lines"))
            return .rejected(rejection(draft, number: number))
        }
        let invoice = draft.build(notes: notes)
        guard draft.problems.isEmpty else { return .rejected(rejection(draft, number: number)) }
        if validate {
            let fatal = validator.validate(invoice).filter { $0.severity == .fatal }
            if !fatal.isEmpty {
                draft.problems = fatal.map { finding in
                    RowProblem(line: draft.firstLine, message: "\(finding.ruleID): \(finding.message.english)")
                }
                return .rejected(rejection(draft, number: number))
            }
        }
        return .invoice(ReadInvoice(invoice: invoice, payload: nil, firstLine: draft.firstLine, lastLine: draft.lastLine))
    }

    private func rejection(_ draft: InvoiceDraft, number: String) -> Rejection {
        Rejection(invoiceNumber: number.isEmpty ? nil : number, firstLine: draft.firstLine, lastLine: draft.lastLine,
                  problems: draft.problems)
    }
}

/// Resolves the (source, target) pairs of a mapping against the column names of a file.
struct ColumnPlan: Sendable {
    var invoiceFields: [(index: Int, field: InvoiceField)] = []
    var lineFields: [(index: Int, field: InvoiceField)] = []
    var columnCount = 0

    init() {}

    /// Throws the name of a mapped column the file lacks.
    init(columns: [String], pairs: [(source: String, target: String)], line: Int) throws(ImportFailure) {
        columnCount = columns.count
        let trimmed = columns.map { $0.trimmingCharacters(in: .whitespaces) }
        for pair in pairs {
            guard let field = InvoiceField(name: pair.target) else { continue }  // "ignore"
            guard let index = trimmed.firstIndex(of: pair.source) else {
                throw ImportFailure.fileRefused(RowProblem(
                    line: line, message: "the mapping names the column \"\(pair.source)\" but the file has no such column (columns: \(trimmed.joined(separator: ", ")))"))
            }
            if field.level == .line { lineFields.append((index, field)) } else { invoiceFields.append((index, field)) }
        }
        invoiceFields.sort { $0.field < $1.field }
        lineFields.sort { $0.field < $1.field }
    }
}

/// The `defaults` of a mapping, split by level and sorted.
struct DefaultValues: Sendable {
    var invoice: [(field: InvoiceField, value: String)] = []
    var line: [(field: InvoiceField, value: String)] = []

    init(_ pairs: [(target: String, value: String)]) {
        for pair in pairs {
            guard let field = InvoiceField(name: pair.target) else { continue }
            if field.level == .line { line.append((field, pair.value)) } else { invoice.append((field, pair.value)) }
        }
        invoice.sort { $0.field < $1.field }
        line.sort { $0.field < $1.field }
    }

    /// Applies the invoice-level defaults; a bad default is a problem of the invoice.
    func apply(to draft: inout InvoiceDraft) {
        for (field, value) in invoice {
            do {
                try draft.apply(field, value, .mappingFile)
            } catch {
                draft.problems.append(RowProblem(line: draft.firstLine, message: "default \(field.termID): \(error.message)"))
            }
        }
    }

    func apply(to line: inout LineDraft, problems: inout [RowProblem]) {
        for (field, value) in self.line {
            do {
                try line.apply(field, value, .mappingFile)
            } catch {
                problems.append(RowProblem(line: line.sourceLine, message: "default \(field.termID): \(error.message)"))
            }
        }
    }
}

extension InvoiceDraft {
    /// Applies mapped values of one row; a value that does not read becomes a located problem.
    mutating func apply(row fields: [String], _ plan: [(index: Int, field: InvoiceField)], line: Int,
                        columnNames: [String], _ conventions: ValueConventions)
    {
        for (index, field) in plan where index < fields.count {
            let text = fields[index].trimmedField
            guard !text.isEmpty else { continue }
            do {
                try apply(field, text, conventions)
            } catch {
                problems.append(RowProblem(
                    line: line, message: "column \(columnNames[index]) (\(field.termID)): \(error.message)"))
            }
        }
    }

    /// Adds a line from a row: line defaults, then the row's values.
    mutating func addLine(row fields: [String], _ plan: [(index: Int, field: InvoiceField)], line: Int,
                          columnNames: [String], defaults: DefaultValues, _ conventions: ValueConventions)
    {
        var draft = LineDraft(sourceLine: line)
        defaults.apply(to: &draft, problems: &problems)
        for (index, field) in plan where index < fields.count {
            let text = fields[index].trimmedField
            guard !text.isEmpty else { continue }
            do {
                try draft.apply(field, text, conventions)
            } catch {
                problems.append(RowProblem(
                    line: line, message: "column \(columnNames[index]) (\(field.termID)): \(error.message)"))
            }
        }
        lines.append(draft)
        lastLine = max(lastLine, line)
    }
}
