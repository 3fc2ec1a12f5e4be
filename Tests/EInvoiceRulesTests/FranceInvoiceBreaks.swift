import EInvoice

/// One minimal break of the valid French invoice per rule the model can carry (named with the CII rule ids).
enum FranceInvoiceBreaks {
    static let long36 = "FA-2025-0001-ABCDEFGHIJKLMNOPQRSTUVW"

    // swiftlint:disable:next cyclomatic_complexity function_body_length
    static func broken(for id: String) -> Invoice? {
        var invoice = FranceInvoiceFixture.invoice
        let amount = FranceInvoiceFixture.amount
        let date = FranceInvoiceFixture.date
        func removeNote(_ code: String) { invoice.notes.removeAll { $0.subjectCode == code } }
        switch id {
        case "BR-FR-01_BT-1": invoice.number = long36
        case "BR-FR-02_BT-1": invoice.number = "FA 2025 0001"
        case "BR-FR-01_BT-25": invoice.precedingInvoices[0].number = long36
        case "BR-FR-02_BT-25": invoice.precedingInvoices[0].number = "FA#2024"
        case "BR-FR-03_BT-2": invoice.issueDate = date(1999, 12, 31)
        case "BR-FR-03_BT-7": invoice.taxPointDate = date(2100, 1, 1)
        case "BR-FR-03_BT-9": invoice.dueDate = date(2100, 1, 1)
        case "BR-FR-03_BT-26": invoice.precedingInvoices[0].issueDate = date(1999, 12, 15)
        case "BR-FR-03_BT-72": invoice.delivery?.actualDeliveryDate = date(1999, 1, 10)
        case "BR-FR-03_BT-73": invoice.invoicingPeriod?.startDate = date(1999, 1, 1)
        case "BR-FR-03_BT-74": invoice.invoicingPeriod?.endDate = date(2100, 1, 31)
        case "BR-FR-03_EXT-FR-FE-134": invoice.lines[0].period?.startDate = date(1999, 1, 1)
        case "BR-FR-03_EXT-FR-FE-135": invoice.lines[0].period?.endDate = date(2100, 1, 31)
        case "BR-FR-04_BT-3": invoice.typeCode = "326"
        case "BR-FR-05_BT-22_PMT", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_AAB": removeNote(String(id.suffix(3)))
        case "BR-FR-06_BT-21_PMT", "BR-FR-06_BT-21_PMD", "BR-FR-06_BT-21_AAB":
            invoice.notes.append(InvoiceNote(text: "Mention en double", subjectCode: String(id.suffix(3))))
        case "BR-FR-06_BT-21_TXD":
            invoice.notes += [
                InvoiceNote(text: "Mention", subjectCode: "TXD"), InvoiceNote(text: "Autre", subjectCode: "TXD"),
            ]
        case "BR-FR-20_BT-21": invoice.notes[0].text = "B2G"
        case "BR-FR-31_BT-21": invoice.notes.append(InvoiceNote(text: "B2C", subjectCode: "BAR"))
        case "BR-FR-CO-14_BT-29-1": invoice.seller.identifiers.append(Identifier("123456782", schemeID: "0231"))
        case "BR-FR-08_BT-23": invoice.processControl.businessProcessType = "B3"
        case "BR-FR-CO-07_BT-9": invoice.dueDate = date(2025, 1, 10)
        case "BR-FR-CO-08_BT-23":
            invoice.processControl.businessProcessType = "B4"
            invoice.typeCode = "386"
        case "BR-FR-CO-09_BT-23-1":
            invoice.processControl.businessProcessType = "B2"
            invoice.totals.amountDue = amount("0.00")
        case "BR-FR-CO-09_BT-23-2":
            invoice.processControl.businessProcessType = "B2"
            invoice.totals.paidAmount = amount("162.00")
        case "BR-FR-CO-09_BT-23-3":
            invoice.processControl.businessProcessType = "B2"
            invoice.totals.paidAmount = amount("162.00")
            invoice.totals.amountDue = amount("0.00")
            invoice.dueDate = nil
        case "BR-FR-CO-03_BT-3":
            invoice.typeCode = "262"
            invoice.contractReference = nil
        case "BR-FR-CO-04_BT-4":
            invoice.typeCode = "384"
            invoice.precedingInvoices.append(PrecedingInvoiceReference(number: "FA-2024-0098"))
        case "BR-FR-CO-05_BT-3":
            invoice.typeCode = "381"
            invoice.precedingInvoices[0].issueDate = nil
        case "BR-FR-CO-12_BT-5": invoice.currencyCode = "USD"
        case "BR-FR-CO-15_BT-29-1":
            invoice.seller.identifiers.append(Identifier("123456782", schemeID: "0231"))
            invoice.notes.append(InvoiceNote(text: "MEMBRE_ASSUJETTI_UNIQUE", subjectCode: "TXD"))
        case "BR-FR-MV-13_BT-3":
            invoice.processControl.businessProcessType = "B8"
            invoice.typeCode = "389"
        case "BR-FR-BD-13_BT-3": invoice.processControl.businessProcessType = "B9"
        default:
            return FranceInvoicePartyBreaks.broken(for: id, invoice)
                ?? FranceInvoiceAmountBreaks.broken(for: id, invoice)
        }
        return invoice
    }

    /// Every rule id the model can break, i.e. every id `broken(for:)` knows.
    static let ids: [String] =
        [
            "BR-FR-01_BT-1", "BR-FR-02_BT-1", "BR-FR-01_BT-25", "BR-FR-02_BT-25", "BR-FR-03_BT-2", "BR-FR-03_BT-7",
            "BR-FR-03_BT-9", "BR-FR-03_BT-26", "BR-FR-03_BT-72", "BR-FR-03_BT-73", "BR-FR-03_BT-74",
            "BR-FR-03_EXT-FR-FE-134",
            "BR-FR-03_EXT-FR-FE-135", "BR-FR-04_BT-3", "BR-FR-05_BT-22_PMT", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_AAB",
            "BR-FR-06_BT-21_PMT", "BR-FR-06_BT-21_PMD", "BR-FR-06_BT-21_AAB", "BR-FR-06_BT-21_TXD", "BR-FR-20_BT-21",
            "BR-FR-31_BT-21", "BR-FR-CO-14_BT-29-1", "BR-FR-08_BT-23", "BR-FR-CO-07_BT-9", "BR-FR-CO-08_BT-23",
            "BR-FR-CO-09_BT-23-1", "BR-FR-CO-09_BT-23-2", "BR-FR-CO-09_BT-23-3", "BR-FR-CO-03_BT-3", "BR-FR-CO-04_BT-4",
            "BR-FR-CO-05_BT-3", "BR-FR-CO-12_BT-5", "BR-FR-CO-15_BT-29-1", "BR-FR-MV-13_BT-3", "BR-FR-BD-13_BT-3",
        ] + FranceInvoicePartyBreaks.ids + FranceInvoiceAmountBreaks.ids
}
