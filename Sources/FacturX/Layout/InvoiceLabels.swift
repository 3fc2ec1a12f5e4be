/// The words printed on the invoice, in French or English.
struct InvoiceLabels: Sendable {
    var invoice: String
    var creditNote: String
    var correctedInvoice: String
    var selfBilledInvoice: String
    var number: String
    var issueDate: String
    var dueDate: String
    var taxPointDate: String
    var billTo: String
    var deliverTo: String
    var siren: String
    var registration: String
    var vatNumber: String
    var contact: String
    var orderReference: String
    var contractReference: String
    var buyerReference: String
    var projectReference: String
    var salesOrderReference: String
    var despatchAdvice: String
    var precedingInvoice: String
    var period: String
    var deliveryDate: String
    var reference: String
    var description: String
    var quantity: String
    var unitPrice: String
    var vat: String
    var amount: String
    var lineAllowance: String
    var lineCharge: String
    var documentAllowancesAndCharges: String
    var allowance: String
    var charge: String
    var vatBreakdown: String
    var vatRate: String
    var taxableAmount: String
    var vatAmount: String
    var lineTotal: String
    var totalAllowances: String
    var totalCharges: String
    var totalWithoutVAT: String
    var totalVAT: String
    var totalWithVAT: String
    var paidAmount: String
    var rounding: String
    var amountDue: String
    var payment: String
    var paymentTerms: String
    var paymentMeans: String
    var accountName: String
    var remittance: String
    var directDebitMandate: String
    var creditorIdentifier: String
    var legalMentions: String
    var notes: String
    var continued: String
    var page: String
    var latePaymentDefault: String
    var recoveryIndemnityDefault: String
    var earlyPaymentDefault: String
    var exemption: String

    static func of(_ language: InvoiceLanguage) -> InvoiceLabels {
        language == .french ? french : english
    }

    static let french = InvoiceLabels(
        invoice: "FACTURE", creditNote: "AVOIR", correctedInvoice: "FACTURE RECTIFICATIVE",
        selfBilledInvoice: "AUTOFACTURE", number: "N°", issueDate: "Date", dueDate: "Échéance",
        taxPointDate: "Date d'exigibilité TVA", billTo: "FACTURÉ À", deliverTo: "Livré à", siren: "SIREN",
        registration: "Immatriculation", vatNumber: "TVA intracom.", contact: "Contact",
        orderReference: "Bon de commande", contractReference: "Contrat", buyerReference: "Référence acheteur",
        projectReference: "Projet", salesOrderReference: "Commande vendeur", despatchAdvice: "Bon de livraison",
        precedingInvoice: "Facture d'origine", period: "Période", deliveryDate: "Date de livraison",
        reference: "Réf.", description: "Désignation", quantity: "Qté", unitPrice: "P.U. HT", vat: "TVA",
        amount: "Montant HT", lineAllowance: "Remise", lineCharge: "Frais",
        documentAllowancesAndCharges: "Remises et frais sur le document", allowance: "Remise", charge: "Frais",
        vatBreakdown: "Détail de la TVA", vatRate: "Taux", taxableAmount: "Base HT", vatAmount: "Montant TVA",
        lineTotal: "Total des lignes HT", totalAllowances: "Remises", totalCharges: "Frais",
        totalWithoutVAT: "Total HT", totalVAT: "Total TVA", totalWithVAT: "Total TTC", paidAmount: "Déjà payé",
        rounding: "Arrondi", amountDue: "Net à payer", payment: "Règlement", paymentTerms: "Conditions",
        paymentMeans: "Moyen de paiement", accountName: "Titulaire", remittance: "Référence à rappeler",
        directDebitMandate: "Mandat de prélèvement", creditorIdentifier: "ICS", legalMentions: "Mentions légales",
        notes: "Notes", continued: "suite", page: "Page",
        latePaymentDefault: "En cas de retard de paiement, des pénalités égales à trois fois le taux d'intérêt légal sont exigibles (article L441-10 du Code de commerce).",
        recoveryIndemnityDefault: "Tout retard de paiement entraîne une indemnité forfaitaire pour frais de recouvrement de 40 € (article D441-5 du Code de commerce).",
        earlyPaymentDefault: "Aucun escompte n'est accordé pour paiement anticipé.",
        exemption: "Exonération")

    static let english = InvoiceLabels(
        invoice: "INVOICE", creditNote: "CREDIT NOTE", correctedInvoice: "CORRECTED INVOICE",
        selfBilledInvoice: "SELF-BILLED INVOICE", number: "No.", issueDate: "Date", dueDate: "Due date",
        taxPointDate: "VAT point date", billTo: "BILL TO", deliverTo: "Deliver to", siren: "SIREN",
        registration: "Registration", vatNumber: "VAT number", contact: "Contact",
        orderReference: "Purchase order", contractReference: "Contract", buyerReference: "Buyer reference",
        projectReference: "Project", salesOrderReference: "Sales order", despatchAdvice: "Despatch advice",
        precedingInvoice: "Preceding invoice", period: "Period", deliveryDate: "Delivery date",
        reference: "Ref.", description: "Description", quantity: "Qty", unitPrice: "Unit price", vat: "VAT",
        amount: "Net amount", lineAllowance: "Allowance", lineCharge: "Charge",
        documentAllowancesAndCharges: "Document allowances and charges", allowance: "Allowance", charge: "Charge",
        vatBreakdown: "VAT breakdown", vatRate: "Rate", taxableAmount: "Taxable amount", vatAmount: "VAT amount",
        lineTotal: "Sum of lines", totalAllowances: "Allowances", totalCharges: "Charges",
        totalWithoutVAT: "Total excl. VAT", totalVAT: "Total VAT", totalWithVAT: "Total incl. VAT",
        paidAmount: "Paid", rounding: "Rounding", amountDue: "Amount due", payment: "Payment",
        paymentTerms: "Terms", paymentMeans: "Payment means", accountName: "Account holder",
        remittance: "Payment reference", directDebitMandate: "Direct debit mandate",
        creditorIdentifier: "Creditor ID", legalMentions: "Legal notices", notes: "Notes",
        continued: "continued", page: "Page",
        latePaymentDefault: "Late payment interest is due at three times the French statutory interest rate (Code de commerce, article L441-10).",
        recoveryIndemnityDefault: "Any late payment incurs a fixed recovery fee of €40 (Code de commerce, article D441-5).",
        earlyPaymentDefault: "No discount is granted for early payment.",
        exemption: "Exemption")

    /// The document title from BT-3.
    func title(typeCode: String, isCreditNote: Bool) -> String {
        if isCreditNote { return creditNote }
        switch typeCode {
        case "384": return correctedInvoice
        case "389": return selfBilledInvoice
        default: return invoice
        }
    }
}
