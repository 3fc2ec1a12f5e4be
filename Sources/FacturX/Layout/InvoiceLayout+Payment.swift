import EInvoice

/// Payment instructions (BG-16), the French legal mentions and the remaining notes (BG-1).
extension InvoiceLayout {
    mutating func drawPayment() {
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append((label, value)) }
        }
        add(labels.dueDate, invoice.dueDate.map(format.date))
        add(labels.paymentTerms, invoice.paymentTerms)
        if let payment = invoice.paymentInstructions {
            add(labels.paymentMeans, payment.meansText.flatMap { $0.isEmpty ? nil : $0 } ?? PaymentMeansNames.name(payment.meansTypeCode, language))
            for transfer in payment.creditTransfers {
                add(transfer.isProprietaryIdentifier ? labels.reference : "IBAN", NumberFormatting.iban(transfer.accountIdentifier))
                add("BIC", transfer.serviceProviderIdentifier)
                add(labels.accountName, transfer.accountName)
            }
            if let card = payment.card { add(labels.paymentMeans, "•••• " + card.primaryAccountNumber) }
            if let debit = payment.directDebit {
                add(labels.directDebitMandate, debit.mandateReference)
                add(labels.creditorIdentifier, debit.creditorIdentifier)
                add("IBAN", debit.debitedAccountIdentifier.map(NumberFormatting.iban))
            }
            add(labels.remittance, payment.remittanceInformation)
        }
        guard !facts.isEmpty else { return }
        let labelWidth = (facts.map { canvas.width($0.0, .regular, 8.5) }.max() ?? 0) + 14
        let valueWidth = Self.contentWidth - labelWidth
        var wrapped: [(String, [String])] = []
        for (label, value) in facts {
            let style: FontStyle = label == "IBAN" || label == "BIC" ? .bold : .regular
            wrapped.append((label, canvas.wrap(value, width: valueWidth, style: style, size: 8.5, maxLines: 6)))
        }
        let height = 22 + wrapped.reduce(0) { $0 + Double($1.1.count) * 12 }
        ensureSpace(min(height, 120))
        drawHeading(labels.payment)
        for (label, lines) in wrapped {
            let style: FontStyle = label == "IBAN" || label == "BIC" ? .bold : .regular
            for (index, line) in lines.enumerated() {
                ensureSpace(12)
                if index == 0 { canvas.text(label, x: Self.left, y: y + 9, size: 8.5, color: .muted) }
                canvas.text(line, x: Self.left + labelWidth, y: y + 9, style: style, size: 8.5)
                y += 12
            }
        }
        y += 12
    }

    /// Late-payment penalties (PMD), the €40 recovery indemnity (PMT) and the early-payment discount (AAB):
    /// the invoice's own notes when it has them, else the standard wording.
    mutating func drawLegalMentions() {
        func note(_ code: String) -> String? {
            let texts = invoice.notes.filter { $0.subjectCode == code }.map(\.text).filter { !$0.isEmpty }
            return texts.isEmpty ? nil : texts.joined(separator: " ")
        }
        let paragraphs = [
            note("PMD") ?? labels.latePaymentDefault,
            note("PMT") ?? labels.recoveryIndemnityDefault,
            note("AAB") ?? labels.earlyPaymentDefault,
        ]
        drawParagraphs(title: labels.legalMentions, paragraphs)
    }

    /// Every other note, except the BAR routing note which is meant for platforms.
    mutating func drawNotes() {
        let skipped: Set<String> = ["PMD", "PMT", "AAB", "BAR"]
        let texts = invoice.notes.filter { !skipped.contains($0.subjectCode ?? "") }.map(\.text).filter { !$0.isEmpty }
        guard !texts.isEmpty else { return }
        drawParagraphs(title: labels.notes, texts)
    }

    mutating func drawParagraphs(title: String, _ paragraphs: [String]) {
        var lines: [[String]] = []
        for paragraph in paragraphs {
            lines.append(canvas.wrap(paragraph, width: Self.contentWidth, style: .regular, size: 7.5, maxLines: 40))
        }
        let firstHeight = 22 + Double(lines.first?.count ?? 0) * 9.5
        ensureSpace(firstHeight)
        drawHeading(title)
        for paragraph in lines {
            for line in paragraph {
                ensureSpace(9.5)
                canvas.text(line, x: Self.left, y: y + 7.5, size: 7.5, color: .muted)
                y += 9.5
            }
            y += 3
        }
        y += 10
    }

    /// The seller's identity and "Page i/n" at the foot of every page.
    mutating func drawFooters() {
        let count = canvas.pages.count
        let seller = invoice.seller
        var parts = [seller.name]
        if let legal = seller.additionalLegalInformation, !legal.isEmpty { parts.append(legal) }
        if let registration = seller.legalRegistrationIdentifier, !registration.value.isEmpty {
            parts.append(registrationText(registration))
        }
        if let vat = seller.vatIdentifier, !vat.isEmpty { parts.append("\(labels.vatNumber) \(vat)") }
        let identity = parts.joined(separator: "  ·  ")
        let footerY = LayoutCanvas.pageHeight - 40
        for index in 0..<count {
            let pageText = "\(labels.page) \(index + 1)/\(count)"
            canvas.drawOnPage(index) { canvas in
                canvas.rule(x1: Self.left, x2: Self.right, y: footerY - 10, color: .rule, lineWidth: 0.5)
                let width = Self.contentWidth - canvas.width(pageText, .bold, 7.5) - 20
                let lines = canvas.wrap(identity, width: width, style: .regular, size: 7, maxLines: 2)
                for (offset, line) in lines.enumerated() {
                    canvas.text(line, x: Self.left, y: footerY + Double(offset) * 9, size: 7, color: .muted)
                }
                canvas.text(pageText, x: Self.right, y: footerY, style: .bold, size: 7.5, color: .muted, align: .right)
            }
        }
    }
}

/// Names of the common UNTDID 4461 payment means.
enum PaymentMeansNames {
    static func name(_ code: String, _ language: InvoiceLanguage) -> String? {
        let names: (String, String)? = switch code {
        case "10": ("Espèces", "Cash")
        case "20": ("Chèque", "Cheque")
        case "30": ("Virement", "Credit transfer")
        case "31": ("Virement", "Debit transfer")
        case "42": ("Virement sur compte bancaire", "Payment to bank account")
        case "48", "54", "55": ("Carte bancaire", "Bank card")
        case "49": ("Prélèvement", "Direct debit")
        case "57": ("Ordre permanent", "Standing agreement")
        case "58": ("Virement SEPA", "SEPA credit transfer")
        case "59": ("Prélèvement SEPA", "SEPA direct debit")
        case "97": ("Compensation", "Clearing between partners")
        default: nil
        }
        guard let names else { return code.isEmpty ? nil : code }
        return language == .french ? names.0 : names.1
    }
}
