import EInvoice
import EInvoiceSyntax

/// BR-FR-CO-03, BR-FR-CO-04, BR-FR-CO-05, BR-FR-CO-12 and BR-FR-CO-15: what some document types must cite, the
/// VAT total in euros, and the tax representative of a member of a single taxable person.
enum FranceReferenceRules {
    static func check(_ source: FrenchSource, _ context: inout RuleContext) {
        switch source {
        case .cii(let tree): tree.root.map { checkCII(tree, $0, &context) }
        case .ubl(let tree): tree.root.map { checkUBL(tree, $0, &context) }
        case .model(let invoice): checkModel(invoice, &context)
        case .unknown: break
        }
    }

    private static func checkCII(_ tree: FrenchTree, _ root: Int, _ context: inout RuleContext) {
        let types = Set(tree.select(root, "rsm:ExchangedDocument/ram:TypeCode").map(tree.text))
        let agreement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
        let settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
        if types.contains("262") {
            let contract = tree.text(
                tree.select(root, agreement + "/ram:ContractReferencedDocument/ram:IssuerAssignedID"))
            let start = tree.text(
                tree.select(root, settlement + "/ram:BillingSpecifiedPeriod/ram:StartDateTime/udt:DateTimeString"))
            let end = tree.text(
                tree.select(root, settlement + "/ram:BillingSpecifiedPeriod/ram:EndDateTime/udt:DateTimeString"))
            if contract.isEmpty || start.isEmpty || end.isEmpty {
                context.report(
                    "BR-FR-CO-03_BT-3", terms: ["BT-3", "BT-12", "BT-73", "BT-74"], .document, volumeDiscount)
            }
        }
        let references = tree.select(root, settlement + "/ram:InvoiceReferencedDocument")
        if !types.isDisjoint(with: FrenchCodes.correctiveTypes), references.count != 1 {
            context.report("BR-FR-CO-04_BT-4", terms: ["BT-3", "BT-25"], .document, correctiveReference)
        }
        if !types.isDisjoint(with: FrenchCodes.creditNoteTypes) {
            func complete(_ reference: Int) -> Bool {
                !tree.children(reference, "ram:IssuerAssignedID").isEmpty
                    && !tree.select(reference, "ram:FormattedIssueDateTime/qdt:DateTimeString").isEmpty
            }
            let lines = tree.select(root, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem").filter
            {
                let status = tree.select($0, "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode")
                return status.isEmpty || status.contains { tree.text($0) == "DETAIL" }
            }
            let linesCite = lines.allSatisfy { line in
                tree.select(line, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument").contains(
                    where: complete)
            }
            if !references.contains(where: complete), !linesCite {
                context.report("BR-FR-CO-05_BT-3", terms: ["BT-3", "BT-25", "BT-26"], .document, creditNoteReference)
            }
        }
        let currencies = tree.select(root, settlement + "/ram:InvoiceCurrencyCode").map(tree.text)
        if currencies.contains(where: { $0 != "EUR" }) {
            let accounting = tree.any(root, settlement + "/ram:TaxCurrencyCode", equals: "EUR")
            let vatInEuros = tree.select(
                root, settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation/ram:TaxTotalAmount",
                attribute: "currencyID", equals: "EUR")
            if !accounting || tree.text(vatInEuros).isEmpty {
                context.report("BR-FR-CO-12_BT-5", terms: ["BT-5", "BT-6", "BT-111"], .document, euroVAT)
            }
        }
        let member = tree.select(root, agreement + "/ram:SellerTradeParty/ram:GlobalID").contains {
            tree.attribute($0, "schemeID") == FrenchCodes.singleTaxableMemberScheme
        }
        if member {
            let representatives = tree.select(root, agreement + "/ram:SellerTaxRepresentativeTradeParty")
            let vat = representatives.flatMap {
                tree.select($0, "ram:SpecifiedTaxRegistration/ram:ID", attribute: "schemeID", equals: "VA")
            }
            if representatives.isEmpty || tree.text(vat).isEmpty {
                context.report("BR-FR-CO-15_BT-29-1", terms: ["BT-29-1", "BT-63"], .document, representative)
            }
        }
    }

    private static func checkUBL(_ tree: FrenchTree, _ root: Int, _ context: inout RuleContext) {
        let isCreditNote = tree.tree[root].namespace == Namespaces.ublCreditNote
        let creditTypes = Set(tree.children(root, "cbc:CreditNoteTypeCode").map(tree.text))
        if isCreditNote, creditTypes.contains("262") {
            let contract = tree.text(tree.select(root, "cac:ContractDocumentReference/cbc:ID"))
            let start = tree.text(tree.select(root, "cac:InvoicePeriod/cbc:StartDate"))
            let end = tree.text(tree.select(root, "cac:InvoicePeriod/cbc:EndDate"))
            if contract.isEmpty || start.isEmpty || end.isEmpty {
                context.report(
                    "BR-FR-CO-03_BT-3", terms: ["BT-3", "BT-12", "BT-73", "BT-74"], .element(root), volumeDiscount)
            }
        }
        let invoiceTypes = Set(tree.children(root, "cbc:InvoiceTypeCode").map(tree.text))
        if !invoiceTypes.isDisjoint(with: FrenchCodes.correctiveTypes),
            tree.children(root, "cac:BillingReference").count != 1
        {
            context.report("BR-FR-CO-04_BT-3", terms: ["BT-3", "BT-25"], .element(root), correctiveReference)
        }
        if isCreditNote, !creditTypes.isDisjoint(with: FrenchCodes.creditNoteTypes) {
            let invoiceIDs = tree.children(root, "cbc:ID").map(tree.text)
            func complete(_ reference: Int) -> Bool {
                !tree.children(reference, "cbc:ID").isEmpty && !tree.children(reference, "cbc:IssueDate").isEmpty
            }
            func cites(_ reference: Int, ownInvoice: Bool) -> Bool {
                let ids = tree.select(reference, "cac:InvoiceDocumentReference/cbc:ID").map(tree.text)
                return ids.contains { id in invoiceIDs.contains { ownInvoice ? $0 == id : $0 != id } }
            }
            let headerCites = tree.select(root, "cac:BillingReference/cac:InvoiceDocumentReference").contains(
                where: complete)
            let lines = tree.children(root, "cac:CreditNoteLine").filter { line in
                let references = tree.children(line, "cac:BillingReference")
                return !references.contains { cites($0, ownInvoice: true) }
                    || references.filter { cites($0, ownInvoice: true) }.contains {
                        tree.any($0, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode", equals: "DETAIL")
                    }
            }
            let citing = lines.filter { line in
                tree.children(line, "cac:BillingReference").filter { cites($0, ownInvoice: false) }
                    .flatMap { tree.children($0, "cac:InvoiceDocumentReference") }.contains(where: complete)
            }
            if !headerCites, citing.count != lines.count {
                context.report(
                    "BR-FR-CO-05_BT-3", terms: ["BT-3", "BT-25", "BT-26"], .element(root), creditNoteReference)
            }
        }
        if tree.children(root, "cbc:DocumentCurrencyCode").contains(where: { tree.text($0) != "EUR" }) {
            let accounting = tree.any(root, "cbc:TaxCurrencyCode", equals: "EUR")
            let vatInEuros = tree.select(root, "cac:TaxTotal/cbc:TaxAmount", attribute: "currencyID", equals: "EUR")
            if !accounting || tree.text(vatInEuros).isEmpty {
                context.report("BR-FR-CO-12_BT-5", terms: ["BT-5", "BT-6", "BT-111"], .element(root), euroVAT)
            }
        }
        let member = !tree.select(
            root, "cac:AccountingSupplierParty/cac:Party/cac:PartyIdentification/cbc:ID",
            attribute: "schemeID", equals: FrenchCodes.singleTaxableMemberScheme
        ).isEmpty
        if member {
            let schemes = tree.select(root, "cac:TaxRepresentativeParty/cac:PartyTaxScheme")
            let vat = schemes.flatMap { tree.children($0, "cbc:CompanyID") }
            if schemes.isEmpty || tree.text(vat).isEmpty {
                context.report("BR-FR-CO-15_BT-29-1", terms: ["BT-29-1", "BT-63"], .element(root), representative)
            }
        }
    }

    private static func checkModel(_ invoice: Invoice, _ context: inout RuleContext) {
        let type = invoice.typeCode
        if type == "262",
            (invoice.contractReference ?? "").isEmpty || invoice.invoicingPeriod?.startDate == nil
                || invoice.invoicingPeriod?.endDate == nil
        {
            context.report(
                "BR-FR-CO-03_BT-3", terms: ["BT-3", "BT-12", "BT-73", "BT-74"], .term("BT-3"), volumeDiscount)
        }
        if FrenchCodes.correctiveTypes.contains(type), invoice.precedingInvoices.count != 1 {
            context.report("BR-FR-CO-04_BT-4", terms: ["BT-3", "BT-25"], .term("BT-3"), correctiveReference)
        }
        if FrenchCodes.creditNoteTypes.contains(type), !invoice.lines.isEmpty,
            !invoice.precedingInvoices.contains(where: { !$0.number.isEmpty && $0.issueDate != nil })
        {
            context.report("BR-FR-CO-05_BT-3", terms: ["BT-3", "BT-25", "BT-26"], .term("BT-3"), creditNoteReference)
        }
        if !invoice.currencyCode.isEmpty, invoice.currencyCode != "EUR",
            invoice.vatAccountingCurrencyCode != "EUR" || invoice.totals.vatTotalInAccountingCurrency == nil
        {
            context.report("BR-FR-CO-12_BT-5", terms: ["BT-5", "BT-6", "BT-111"], .term("BT-5"), euroVAT)
        }
        if invoice.seller.identifiers.contains(where: { $0.schemeID == FrenchCodes.singleTaxableMemberScheme }),
            (invoice.sellerTaxRepresentative?.vatIdentifier ?? "").isEmpty
        {
            context.report("BR-FR-CO-15_BT-29-1", terms: ["BT-29-1", "BT-63"], .term("BG-11"), representative)
        }
    }

    private static let volumeDiscount = FrenchMessage(
        en: "A volume discount credit note (type 262) must give the contract reference (BT-12) and the invoicing "
            + "period start and end dates (BT-73, BT-74). Add them.",
        fr: "Un avoir de remise globale (type 262) doit indiquer la référence du contrat (BT-12) et les dates de "
            + "début et de fin de période de facturation (BT-73, BT-74). Ajoutez-les.")

    private static let correctiveReference = FrenchMessage(
        en: "A corrective invoice (type 384, 471, 472 or 473) must cite exactly one preceding invoice (BT-25). Give "
            + "the number of the invoice it corrects, once.",
        fr: "Une facture rectificative (type 384, 471, 472 ou 473) doit citer exactement une facture antérieure "
            + "(BT-25). Indiquez une fois le numéro de la facture rectifiée.")

    private static let creditNoteReference = FrenchMessage(
        en: "A credit note (type 261, 381, 396, 502 or 503) must cite the invoice it credits: give its number (BT-25) "
            + "and issue date (BT-26), for the whole document or on every line.",
        fr: "Un avoir (type 261, 381, 396, 502 ou 503) doit citer la facture qu'il annule : indiquez son numéro "
            + "(BT-25) et sa date (BT-26), pour tout le document ou sur chaque ligne.")

    private static let euroVAT = FrenchMessage(
        en: "An invoice in a currency other than euro must give EUR as VAT accounting currency (BT-6) and the total "
            + "VAT amount in euros (BT-111). Add them.",
        fr: "Une facture dans une autre devise que l'euro doit indiquer EUR comme devise de comptabilisation de la "
            + "TVA (BT-6) et le montant total de TVA en euros (BT-111). Ajoutez-les.")

    private static let representative = FrenchMessage(
        en: "The seller is a member of a single taxable person (identifier scheme 0231): the single taxable person "
            + "must appear as tax representative (BG-11) with its VAT identifier (BT-63). Add it.",
        fr: "Le vendeur est membre d'un assujetti unique (schéma 0231) : l'assujetti unique doit figurer comme "
            + "représentant fiscal (BG-11) avec son numéro de TVA (BT-63). Ajoutez-le.")
}
