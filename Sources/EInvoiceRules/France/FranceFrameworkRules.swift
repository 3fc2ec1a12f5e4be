import EInvoice

/// BR-FR-08, BR-FR-CO-07, BR-FR-CO-08 and BR-FR-CO-09: the billing framework (BT-23) and what it implies for
/// due dates and already-paid invoices.
enum FranceFrameworkRules {
    /// The values these rules read, as the source writes them.
    struct Facts {
        var frameworks: [String] = []
        var typeCodes: [String] = []
        var issueDates: [String] = []
        var dueDates: [String] = []
        var prepaid: String?
        var grandTotal: String?
        var amountDue: String?
        var frameworkPlace = FrenchPlace.document
        /// UBL compares due dates with "any earlier than the issue date"; CII with "every one not earlier".
        var ubl = false
        /// CII checks BT-23 only when the document context exists.
        var hasContext = true

        func isFramework(in codes: Set<String>) -> Bool { frameworks.contains(where: codes.contains) }
        func isType(in codes: Set<String>) -> Bool { typeCodes.contains(where: codes.contains) }
    }

    static func check(_ source: FrenchSource, _ context: inout RuleContext) {
        switch source {
        case .cii(let tree): tree.root.map { evaluate(cii(tree, $0), &context) }
        case .ubl(let tree): tree.root.map { evaluate(ubl(tree, $0), &context) }
        case .model(let invoice): evaluate(model(invoice), &context)
        case .unknown: break
        }
    }

    static func cii(_ tree: FrenchTree, _ root: Int) -> Facts {
        var facts = Facts()
        let contexts = tree.children(root, "rsm:ExchangedDocumentContext")
        facts.hasContext = !contexts.isEmpty
        facts.frameworkPlace = contexts.first.map(FrenchPlace.element) ?? .document
        facts.frameworks = tree.select(
            root, "rsm:ExchangedDocumentContext/ram:BusinessProcessSpecifiedDocumentContextParameter/ram:ID"
        )
        .map(tree.text)
        facts.typeCodes = tree.select(root, "rsm:ExchangedDocument/ram:TypeCode").map(tree.text)
        facts.issueDates = tree.select(root, "rsm:ExchangedDocument/ram:IssueDateTime/udt:DateTimeString").map(
            tree.text)
        let settlement = "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeSettlement"
        facts.dueDates = tree.select(
            root, settlement + "/ram:SpecifiedTradePaymentTerms/ram:DueDateDateTime/udt:DateTimeString"
        )
        .map(tree.text)
        let totals = settlement + "/ram:SpecifiedTradeSettlementHeaderMonetarySummation"
        facts.prepaid = tree.select(root, totals + "/ram:TotalPrepaidAmount").first.map(tree.text)
        facts.grandTotal = tree.select(root, totals + "/ram:GrandTotalAmount").first.map(tree.text)
        facts.amountDue = tree.select(root, totals + "/ram:DuePayableAmount").first.map(tree.text)
        return facts
    }

    static func ubl(_ tree: FrenchTree, _ root: Int) -> Facts {
        var facts = Facts()
        facts.ubl = true
        facts.frameworkPlace = .element(root)
        facts.frameworks = tree.children(root, "cbc:ProfileID").map(tree.text)
        facts.typeCodes = (tree.children(root, "cbc:InvoiceTypeCode") + tree.children(root, "cbc:CreditNoteTypeCode"))
            .map(tree.text)
        facts.issueDates = tree.children(root, "cbc:IssueDate").map(tree.text)
        facts.dueDates = (tree.children(root, "cbc:DueDate") + tree.select(root, "cac:PaymentMeans/cbc:PaymentDueDate"))
            .sorted().map(tree.text)
        facts.prepaid = tree.select(root, "cac:LegalMonetaryTotal/cbc:PrepaidAmount").first.map(tree.text)
        facts.grandTotal = tree.select(root, "cac:LegalMonetaryTotal/cbc:TaxInclusiveAmount").first.map(tree.text)
        facts.amountDue = tree.select(root, "cac:LegalMonetaryTotal/cbc:PayableAmount").first.map(tree.text)
        return facts
    }

    static func model(_ invoice: Invoice) -> Facts {
        var facts = Facts()
        facts.frameworkPlace = .term("BT-23")
        facts.frameworks = invoice.processControl.businessProcessType.map { [$0] } ?? []
        facts.typeCodes = invoice.typeCode.isEmpty ? [] : [invoice.typeCode]
        facts.issueDates = invoice.issueDate.map { [$0.compactText] } ?? []
        facts.dueDates = invoice.dueDate.map { [$0.compactText] } ?? []
        facts.prepaid = invoice.totals.paidAmount?.description
        facts.grandTotal = invoice.totals.taxInclusiveAmount?.description
        facts.amountDue = invoice.totals.amountDue?.description
        return facts
    }

    /// XPath `xs:decimal(value)`, canonical: nil for a missing or non-numeric value.
    private static func decimal(_ text: String?) -> String? {
        text.flatMap(FrenchNumbers.canonical)
    }

    static func evaluate(_ facts: Facts, _ context: inout RuleContext) {
        if facts.hasContext, !facts.isFramework(in: FrenchCodes.billingFrameworks) {
            context.report("BR-FR-08_BT-23", terms: ["BT-23"], facts.frameworkPlace, invalidFramework)
        }
        let exempt = facts.isType(in: FrenchCodes.downPaymentTypes) || facts.isFramework(in: FrenchCodes.paidFrameworks)
        let dueBeforeIssue: Bool
        if facts.ubl {
            dueBeforeIssue = facts.dueDates.contains { due in facts.issueDates.contains { FrenchText.precedes(due, $0) }
            }
        } else {
            let hasDueDate = facts.dueDates.contains { !FrenchText.normalizeSpace($0).isEmpty }
            let issue = facts.issueDates.first
            dueBeforeIssue =
                hasDueDate
                && !facts.dueDates.allSatisfy { due in
                    issue.map { !FrenchText.precedes(due, $0) } ?? false
                }
        }
        if dueBeforeIssue, !exempt {
            context.report("BR-FR-CO-07_BT-9", terms: ["BT-9", "BT-2"], .document, dueDateBeforeIssue)
        }
        if facts.isFramework(in: FrenchCodes.finalAfterDownPaymentFrameworks),
            facts.isType(in: FrenchCodes.downPaymentTypes)
        {
            context.report(
                "BR-FR-CO-08_BT-23", terms: ["BT-23", "BT-3"], facts.frameworkPlace, downPaymentInFinalFramework)
        }
        guard facts.isFramework(in: FrenchCodes.paidFrameworks) else { return }
        let prepaid = decimal(facts.prepaid)
        if prepaid == nil || prepaid != decimal(facts.grandTotal) {
            context.report("BR-FR-CO-09_BT-23-1", terms: ["BT-23", "BT-113", "BT-112"], .document, paidNotTotal)
        }
        if decimal(facts.amountDue) != "0" {
            context.report("BR-FR-CO-09_BT-23-2", terms: ["BT-23", "BT-115"], .document, paidButDue)
        }
        let hasDueDate =
            facts.ubl
            ? !(facts.dueDates.first ?? "").isEmpty
            : facts.dueDates.contains { !FrenchText.normalizeSpace($0).isEmpty }
        if !hasDueDate {
            context.report("BR-FR-CO-09_BT-23-3", terms: ["BT-23", "BT-9"], .document, paidWithoutDate)
        }
    }

    private static let invalidFramework = FrenchMessage(
        en: "The billing framework (BT-23) is missing or unknown. Give one of B1, S1, M1 (goods, services, mixed), "
            + "B2, S2, M2 (already paid), S3, B4, S4, M4, S5, S6, B7, S7, B8, S8, M8, B9, S9, M9.",
        fr: "Le cadre de facturation (BT-23) est absent ou inconnu. Indiquez B1, S1, M1 (biens, services, mixte), B2, "
            + "S2, M2 (déjà payée), S3, B4, S4, M4, S5, S6, B7, S7, B8, S8, M8, B9, S9 ou M9.")

    private static let dueDateBeforeIssue = FrenchMessage(
        en:
            "The payment due date (BT-9) is earlier than the invoice issue date (BT-2). Give a due date on or after "
            + "the issue date.",
        fr: "La date d'échéance (BT-9) est antérieure à la date d'émission de la facture (BT-2). Indiquez une "
            + "échéance égale ou postérieure à la date d'émission.")

    private static let downPaymentInFinalFramework = FrenchMessage(
        en: "A down-payment invoice or credit note (type 386, 500 or 503) cannot use the framework of a final invoice "
            + "after down payments (B4, S4, M4). Change the framework or the document type.",
        fr: "Une facture ou un avoir d'acompte (type 386, 500 ou 503) ne peut pas utiliser le cadre d'une facture "
            + "définitive après acompte (B4, S4, M4). Changez le cadre ou le type de document.")

    private static let paidNotTotal = FrenchMessage(
        en:
            "With an already-paid framework (B2, S2, M2) the paid amount (BT-113) must equal the total with VAT "
            + "(BT-112). Give the paid amount.",
        fr: "Avec un cadre de facture déjà payée (B2, S2, M2), le montant payé (BT-113) doit être égal au total TTC "
            + "(BT-112). Indiquez le montant payé.")

    private static let paidButDue = FrenchMessage(
        en: "With an already-paid framework (B2, S2, M2) the amount due for payment (BT-115) must be 0. Correct the "
            + "amount due.",
        fr: "Avec un cadre de facture déjà payée (B2, S2, M2), le net à payer (BT-115) doit être 0. Corrigez le net à "
            + "payer.")

    private static let paidWithoutDate = FrenchMessage(
        en: "With an already-paid framework (B2, S2, M2) the payment date must be given as due date (BT-9). Add it.",
        fr: "Avec un cadre de facture déjà payée (B2, S2, M2), la date du paiement doit figurer comme date d'échéance "
            + "(BT-9). Ajoutez-la.")
}
