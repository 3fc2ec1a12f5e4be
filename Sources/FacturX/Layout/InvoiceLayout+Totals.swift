import EInvoice

/// Document allowances and charges (BG-20, BG-21), the VAT breakdown (BG-23) and the totals (BG-22).
extension InvoiceLayout {
    mutating func drawDocumentAllowancesAndCharges() {
        let entries = invoice.allowances.map { ($0, labels.allowance, "−") } + invoice.charges.map { ($0, labels.charge, "+") }
        guard !entries.isEmpty else { return }
        ensureSpace(22 + 14 * Double(min(entries.count, 3)))
        drawHeading(labels.documentAllowancesAndCharges)
        for (adjustment, label, sign) in entries {
            ensureSpace(14)
            var text = label
            if let reason = adjustment.reason, !reason.isEmpty { text += " — " + reason }
            if let percentage = adjustment.percentage {
                text += " (" + format.percent(percentage)
                if let base = adjustment.baseAmount { text += " × " + format.amount(base) }
                text += ")"
            }
            let vat = adjustment.vatRate.map { "\(labels.vat) " + format.percent($0) } ?? adjustment.vatCategoryCode.map { "\(labels.vat) \($0)" } ?? ""
            canvas.text(text, x: Self.left, y: y + 9, size: 8.5)
            canvas.text(vat, x: Self.right - 110, y: y + 9, size: 8.5, color: .muted, align: .right)
            canvas.text(sign + format.amount(adjustment.amount), x: Self.right - 5, y: y + 9, size: 8.5, align: .right)
            y += 14
        }
        y += 10
    }

    mutating func drawTotals() {
        let totals = invoice.totals
        var rows: [(String, String)] = []
        let adjusted = !(totals.allowanceTotal ?? .zero).isZero || !(totals.chargeTotal ?? .zero).isZero
        if adjusted, totals.lineNetTotal != nil {
            rows.append((labels.lineTotal, format.amount(totals.lineNetTotal)))
        }
        if let allowances = totals.allowanceTotal, !allowances.isZero {
            rows.append((labels.totalAllowances, "−" + format.amount(allowances)))
        }
        if let charges = totals.chargeTotal, !charges.isZero {
            rows.append((labels.totalCharges, "+" + format.amount(charges)))
        }
        rows.append((labels.totalWithoutVAT, format.amount(totals.taxExclusiveAmount)))
        rows.append((labels.totalVAT, format.amount(totals.vatTotal)))
        rows.append((labels.totalWithVAT, format.amount(totals.taxInclusiveAmount)))
        if let paid = totals.paidAmount, !paid.isZero { rows.append((labels.paidAmount, "−" + format.amount(paid))) }
        if let rounding = totals.roundingAmount, !rounding.isZero { rows.append((labels.rounding, format.amount(rounding))) }

        let vatRows = invoice.vatBreakdown
        let exemptions = vatRows.compactMap { row -> String? in
            let reason = [row.exemptionReasonCode, row.exemptionReason].compactMap { $0 }.filter { !$0.isEmpty }
            return reason.isEmpty ? nil : "\(labels.exemption) (\(row.categoryCode)) : ".replacingFrenchSpacing(language) + reason.joined(separator: " — ")
        }
        let leftWidth = 262.0
        var exemptionLines: [String] = []
        for text in exemptions {
            exemptionLines += canvas.wrap(text, width: leftWidth, style: .regular, size: 7.5, maxLines: 4)
        }
        let vatHeight = vatRows.isEmpty ? 0 : 22 + 16 + Double(vatRows.count) * 14 + Double(exemptionLines.count) * 9.5
        let totalsHeight = Double(rows.count) * 15 + 26
        ensureSpace(max(vatHeight, totalsHeight) + 6)
        let top = y

        if !vatRows.isEmpty {
            drawHeading(labels.vatBreakdown, width: leftWidth)
            let columns = [(Self.left, TextAlignment.left), (Self.left + 150, .right), (Self.left + leftWidth, .right)]
            let titles = [labels.vatRate, labels.taxableAmount, labels.vatAmount]
            for (column, title) in zip(columns, titles) {
                canvas.text(title, x: column.0, y: y + 8, style: .bold, size: 7.5, color: .muted, align: column.1)
            }
            y += 14
            for row in vatRows {
                let rate = row.rate.map(format.percent) ?? ""
                let label = row.categoryCode == "S" ? rate : "\(row.categoryCode) \(rate)"
                let values = [label, format.amount(row.taxableAmount), format.amount(row.taxAmount)]
                for (column, value) in zip(columns, values) {
                    canvas.text(value, x: column.0, y: y + 9, size: 8.5, align: column.1)
                }
                y += 14
            }
            for line in exemptionLines {
                canvas.text(line, x: Self.left, y: y + 8, size: 7.5, color: .muted)
                y += 9.5
            }
        }
        let leftBottom = y

        let boxX = 330.0
        var rowY = top
        for (index, row) in rows.enumerated() {
            let isGrand = index == rows.count - 1 && totals.paidAmount == nil && totals.roundingAmount == nil
            let style: FontStyle = row.0 == labels.totalWithVAT || isGrand ? .bold : .regular
            canvas.text(row.0, x: boxX + 8, y: rowY + 10, style: style, size: 9, color: style == .bold ? .text : .muted)
            canvas.text(row.1, x: Self.right - 8, y: rowY + 10, style: style, size: 9, align: .right)
            rowY += 15
            canvas.rule(x1: boxX, x2: Self.right, y: rowY - 1.5, color: .rule, lineWidth: 0.4)
        }
        rowY += 4
        canvas.fill(x: boxX, y: rowY, width: Self.right - boxX, height: 22, color: .accent)
        canvas.text(labels.amountDue, x: boxX + 8, y: rowY + 15, style: .bold, size: 10.5, color: .white)
        canvas.text(format.amount(totals.amountDue), x: Self.right - 8, y: rowY + 15, style: .bold, size: 11, color: .white, align: .right)
        rowY += 22
        y = max(leftBottom, rowY) + 20
    }
}
