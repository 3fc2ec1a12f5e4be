import Foundation
import EInvoice

/// The line table: one row per invoice line (BG-25), wrapping descriptions, breaking across pages with the
/// header row repeated on every page.
extension InvoiceLayout {
    /// A table column: its left edge, width and alignment.
    struct Column {
        var x: Double
        var width: Double
        var align: TextAlignment
        var textX: Double { align == .right ? x + width - 5 : x + 5 }
    }

    static let lineSize = 8.5
    static let detailSize = 7.5
    static let lineLeading = 11.0
    static let detailLeading = 9.5
    static let headerHeight = 18.0
    /// Lines of text one row may take; longer descriptions end with "…".
    static let maximumRowLines = 30

    /// Reference, description, quantity, unit price, VAT rate, net amount.
    static let columns: [Column] = {
        let widths = [62.0, 0, 60, 66, 42, 78]
        let fixed = widths.reduce(0, +)
        var x = left
        var result: [Column] = []
        for (index, width) in widths.enumerated() {
            let actual = index == 1 ? contentWidth - fixed : width
            result.append(Column(x: x, width: actual, align: index < 2 ? .left : .right))
            x += actual
        }
        return result
    }()

    mutating func drawLineTable() {
        guard !invoice.lines.isEmpty else { return }
        // The header and at least one row stay together.
        ensureSpace(Self.headerHeight + 30)
        drawTableHeader()
        for (index, line) in invoice.lines.enumerated() {
            let row = rowContent(line)
            let height = Double(row.main.count) * Self.lineLeading + Double(row.details.count) * Self.detailLeading + 8
            if ensureSpace(height) { drawTableHeader() }
            if index % 2 == 1 {
                canvas.fill(x: Self.left, y: y, width: Self.contentWidth, height: height, color: .band)
            }
            drawRow(line, row)
            y += height
            canvas.rule(x1: Self.left, x2: Self.right, y: y, color: .rule, lineWidth: 0.4)
        }
        y += 14
    }

    mutating func drawTableHeader() {
        let titles = [labels.reference, labels.description, labels.quantity, labels.unitPrice, labels.vat, labels.amount]
        canvas.fill(x: Self.left, y: y, width: Self.contentWidth, height: Self.headerHeight, color: .accent)
        for (column, title) in zip(Self.columns, titles) {
            canvas.text(title, x: column.textX, y: y + 12, style: .bold, size: 7.5, color: .white, align: column.align)
        }
        y += Self.headerHeight
    }

    /// The wrapped description lines and the smaller detail lines under them.
    func rowContent(_ line: InvoiceLine) -> (main: [String], details: [String], reference: [String]) {
        let width = Self.columns[1].width - 10
        let main = canvas.wrap(line.item.name, width: width, style: .regular, size: Self.lineSize, maxLines: 6)
        var detailTexts: [String] = []
        if let description = line.item.description, !description.isEmpty { detailTexts.append(description) }
        if let note = line.note, !note.isEmpty { detailTexts.append(note) }
        if let period = line.period, period.startDate != nil || period.endDate != nil {
            detailTexts.append("\(labels.period) : ".replacingFrenchSpacing(language) + periodText(period))
        }
        for allowance in line.allowances { detailTexts.append(adjustmentText(allowance, label: labels.lineAllowance, sign: "−")) }
        for charge in line.charges { detailTexts.append(adjustmentText(charge, label: labels.lineCharge, sign: "+")) }
        var details: [String] = []
        for text in detailTexts {
            details += canvas.wrap(text, width: width, style: .regular, size: Self.detailSize, maxLines: 8)
        }
        let budget = Self.maximumRowLines - main.count
        if details.count > budget { details = Array(details.prefix(max(0, budget))) }
        let referenceText = line.item.sellerIdentifier ?? line.item.buyerIdentifier ?? line.identifier
        let reference = canvas.wrap(referenceText, width: Self.columns[0].width - 10, style: .regular, size: Self.detailSize, maxLines: 3)
        return (main, details, reference)
    }

    mutating func drawRow(_ line: InvoiceLine, _ row: (main: [String], details: [String], reference: [String])) {
        let baseline = y + 4 + Self.lineSize + 0.5
        var referenceY = baseline
        for part in row.reference {
            canvas.text(part, x: Self.columns[0].textX, y: referenceY, size: Self.detailSize, color: .muted)
            referenceY += Self.detailLeading
        }
        var textY = baseline
        for part in row.main {
            canvas.text(part, x: Self.columns[1].textX, y: textY, size: Self.lineSize)
            textY += Self.lineLeading
        }
        for part in row.details {
            canvas.text(part, x: Self.columns[1].textX, y: textY - 1, size: Self.detailSize, color: .muted)
            textY += Self.detailLeading
        }
        let unit = UnitNames.name(line.quantity?.unitCode, language)
        let quantity = format.quantity(line.quantity?.value) + (unit.isEmpty ? "" : NumberFormatting.noBreakSpace + unit)
        var price = format.price(line.price.netPrice)
        if let base = line.price.baseQuantity?.value, base != .one, !price.isEmpty {
            price += " / " + format.quantity(base)
        }
        let vat = line.vat.rate.map(format.percent) ?? line.vat.categoryCode
        let values = [quantity, price, vat, format.amount(line.netAmount)]
        for (column, value) in zip(Self.columns[2...], values) {
            canvas.text(value, x: column.textX, y: baseline, size: Self.lineSize, align: .right)
        }
    }

    /// "Remise 10 % : −12,00 €" for a line allowance or charge.
    func adjustmentText(_ adjustment: AllowanceCharge, label: String, sign: String) -> String {
        var text = adjustment.reason.flatMap { $0.isEmpty ? nil : $0 } ?? label
        if let percentage = adjustment.percentage { text += " " + format.percent(percentage) }
        text += language == .french ? NumberFormatting.noBreakSpace + ": " : ": "
        return text + sign + format.amount(adjustment.amount)
    }
}

extension String {
    /// French puts a no-break space before a colon.
    func replacingFrenchSpacing(_ language: InvoiceLanguage) -> String {
        guard language == .english else { return replacingOccurrences(of: " :", with: NumberFormatting.noBreakSpace + ":") }
        return replacingOccurrences(of: " :", with: ":")
    }
}
