import EInvoice

/// The first page's head: the seller (with the logo), the document title with its number and dates,
/// the buyer block and the references.
extension InvoiceLayout {
    static let logoBox = (width: 170.0, height: 60.0)

    mutating func drawHeader() {
        var leftY = Self.top
        if let logoSize, logoSize.width > 0, logoSize.height > 0 {
            let scale = min(Self.logoBox.width / Double(logoSize.width), Self.logoBox.height / Double(logoSize.height))
            let width = Double(logoSize.width) * scale
            let height = Double(logoSize.height) * scale
            canvas.image(x: Self.left, y: leftY, width: width, height: height)
            leftY += height + 12
        }
        let seller = invoice.seller
        let sellerWidth = 250.0
        for line in canvas.wrap(seller.name, width: sellerWidth, style: .bold, size: 13, maxLines: 2) {
            canvas.text(line, x: Self.left, y: leftY + 12, style: .bold, size: 13, color: .accent)
            leftY += 16
        }
        if let trading = seller.tradingName, !trading.isEmpty, trading != seller.name {
            canvas.text(trading, x: Self.left, y: leftY + 9, size: 9, color: .muted)
            leftY += 12
        }
        leftY += 2
        for line in addressLines(seller.postalAddress) + sellerIdentityLines() {
            for wrapped in canvas.wrap(line, width: sellerWidth, style: .regular, size: 8.5, maxLines: 2) {
                canvas.text(wrapped, x: Self.left, y: leftY + 9, size: 8.5, color: .muted)
                leftY += 11.5
            }
        }

        var rightY = Self.top
        canvas.text(documentTitle, x: Self.right, y: rightY + 20, style: .bold, size: 22, color: .accent, align: .right)
        rightY += 34
        var facts: [(String, String)] = [(labels.number, invoice.number), (labels.issueDate, format.date(invoice.issueDate))]
        if let due = invoice.dueDate { facts.append((labels.dueDate, format.date(due))) }
        if let taxPoint = invoice.taxPointDate { facts.append((labels.taxPointDate, format.date(taxPoint))) }
        for (label, value) in facts {
            canvas.text(value, x: Self.right, y: rightY + 10, style: .bold, size: 10, align: .right)
            let valueWidth = canvas.width(value, .bold, 10)
            canvas.text(label, x: Self.right - valueWidth - 10, y: rightY + 10, size: 9, color: .muted, align: .right)
            rightY += 15
        }
        y = max(leftY, rightY) + 14
    }

    /// Buyer block on the right (where a window envelope shows it), references on the left.
    mutating func drawPartiesAndReferences() {
        let boxX = 320.0
        let boxWidth = Self.right - boxX
        let inner = boxWidth - 24
        let buyer = invoice.buyer
        var lines: [(String, FontStyle, Double, RGBColor)] = []
        for line in canvas.wrap(buyer.name, width: inner, style: .bold, size: 10.5, maxLines: 3) {
            lines.append((line, .bold, 10.5, .text))
        }
        for line in addressLines(buyer.postalAddress) {
            for wrapped in canvas.wrap(line, width: inner, style: .regular, size: 9, maxLines: 2) {
                lines.append((wrapped, .regular, 9, .text))
            }
        }
        if let registration = buyer.legalRegistrationIdentifier, !registration.value.isEmpty {
            lines.append((registrationText(registration), .regular, 8.5, .muted))
        }
        if let vat = buyer.vatIdentifier, !vat.isEmpty {
            lines.append(("\(labels.vatNumber) \(vat)", .regular, 8.5, .muted))
        }
        let boxHeight = 26 + lines.reduce(0) { $0 + $1.2 + 3 } + 6
        canvas.fill(x: boxX, y: y, width: boxWidth, height: boxHeight, color: .panel)
        canvas.fill(x: boxX, y: y, width: 3, height: boxHeight, color: .accent)
        canvas.text(labels.billTo, x: boxX + 12, y: y + 15, style: .bold, size: 7.5, color: .accent)
        var boxY = y + 22
        for (text, style, size, color) in lines {
            canvas.text(text, x: boxX + 12, y: boxY + size, style: style, size: size, color: color)
            boxY += size + 3
        }

        var leftY = y + 4
        let references = referenceFacts()
        let labelWidth = references.map { canvas.width($0.0, .regular, 8.5) }.max() ?? 0
        for (label, value) in references {
            canvas.text(label, x: Self.left, y: leftY + 9, size: 8.5, color: .muted)
            let valueX = Self.left + labelWidth + 10
            for wrapped in canvas.wrap(value, width: boxX - 16 - valueX, style: .bold, size: 8.5, maxLines: 3) {
                canvas.text(wrapped, x: valueX, y: leftY + 9, style: .bold, size: 8.5)
                leftY += 12
            }
        }
        y = max(y + boxHeight, leftY) + 18
    }

    /// The document references worth printing (order BT-13, contract BT-12, …), in the reader's order of interest.
    func referenceFacts() -> [(String, String)] {
        var facts: [(String, String)] = []
        func add(_ label: String, _ value: String?) {
            if let value, !value.isEmpty { facts.append((label, value)) }
        }
        add(labels.orderReference, invoice.purchaseOrderReference)
        add(labels.contractReference, invoice.contractReference)
        add(labels.buyerReference, invoice.buyerReference)
        add(labels.projectReference, invoice.projectReference)
        add(labels.salesOrderReference, invoice.salesOrderReference)
        add(labels.despatchAdvice, invoice.despatchAdviceReference)
        for preceding in invoice.precedingInvoices {
            let date = preceding.issueDate.map { " (\(format.date($0)))" } ?? ""
            add(labels.precedingInvoice, preceding.number + date)
        }
        if let period = invoice.invoicingPeriod, period.startDate != nil || period.endDate != nil {
            add(labels.period, periodText(period))
        }
        if let delivery = invoice.delivery {
            add(labels.deliveryDate, delivery.actualDeliveryDate.map(format.date))
            let place = [delivery.partyName, delivery.address?.city].compactMap { $0 }.filter { !$0.isEmpty }
            if !place.isEmpty { add(labels.deliverTo, place.joined(separator: ", ")) }
        }
        return facts
    }

    func periodText(_ period: Period) -> String {
        let start = format.date(period.startDate)
        let end = format.date(period.endDate)
        if start.isEmpty { return end }
        if end.isEmpty { return start }
        return start + " – " + end
    }

    func addressLines(_ address: PostalAddress?) -> [String] {
        guard let address else { return [] }
        var lines = [address.line1, address.line2, address.line3].compactMap { $0 }.filter { !$0.isEmpty }
        let city = [address.postCode, address.city].compactMap { $0 }.filter { !$0.isEmpty }.joined(separator: " ")
        var last = city
        if !address.countryCode.isEmpty, address.countryCode != "FR" {
            last += last.isEmpty ? address.countryCode : " (\(address.countryCode))"
        }
        if !last.isEmpty { lines.append(last) }
        return lines
    }

    func registrationText(_ identifier: Identifier) -> String {
        if identifier.schemeID == "0002" { return "\(labels.siren) \(Self.groupedRegistration(identifier.value))" }
        if identifier.schemeID == "0009" { return "SIRET \(Self.groupedRegistration(identifier.value))" }
        return "\(labels.registration) \(identifier.value)"
    }

    func sellerIdentityLines() -> [String] {
        let seller = invoice.seller
        var parts: [String] = []
        if let registration = seller.legalRegistrationIdentifier, !registration.value.isEmpty {
            parts.append(registrationText(registration))
        }
        if let vat = seller.vatIdentifier, !vat.isEmpty { parts.append("\(labels.vatNumber) \(vat)") }
        var lines = parts.isEmpty ? [] : [parts.joined(separator: "  ·  ")]
        if let contact = seller.contact {
            let items = [contact.name, contact.telephone].compactMap { $0 }.filter { !$0.isEmpty }
            if !items.isEmpty { lines.append(items.joined(separator: "  ·  ")) }
            if let email = contact.email, !email.isEmpty { lines.append(email) }
        }
        return lines
    }
}
