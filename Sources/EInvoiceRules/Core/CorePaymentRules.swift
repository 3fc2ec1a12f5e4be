import EInvoice
import EInvoiceSyntax

/// BR-49, BR-50, BR-51 and BR-61: payment instructions (BG-16).
///
/// The model holds one set of payment instructions; a document with several payment means (several
/// `SpecifiedTradeSettlementPaymentMeans` or `cac:PaymentMeans`) is checked with the first means code,
/// except BR-49, which looks at each payment means element of the source.
enum CorePaymentRules {
    /// Credit transfer (30) and SEPA credit transfer (58), the codes BR-50 and BR-61 apply to.
    static let creditTransferCodes: Set<String> = ["30", "58"]

    static func check(_ context: inout RuleContext) {
        guard let payment = context.invoice.paymentInstructions else { return }
        let artefact = context.coreArtefact
        let code = payment.meansTypeCode.trimmingWhitespace()
        checkMeansCode(payment, &context)
        if creditTransferCodes.contains(code) {
            checkAccounts(payment, code, &context)
        }
        if let card = payment.card {
            let digits = card.primaryAccountNumber.trimmingWhitespace().unicodeScalars.count
            if digits > 10 {
                context.reportCore(
                    "BR-51", artefact == .ubl ? .warning : .fatal, terms: ["BG-18", "BT-87"], at: "BG-18/BT-87",
                    en: "The payment card number (BT-87) has \(digits) characters: never send a full card number; "
                        + "keep at most the first 6 and last 4 digits (e.g. the last 4 only).",
                    fr: "Le numéro de carte de paiement (BT-87) compte \(digits) caractères : n'envoyez jamais le "
                        + "numéro complet ; gardez au plus les 6 premiers et les 4 derniers chiffres (par exemple "
                        + "les 4 derniers seulement).")
            }
        }
    }

    /// BR-49. The official tests run on each payment means element (`ram:SpecifiedTradeSettlementPaymentMeans`,
    /// `cac:PaymentMeans`) and want its code element, empty or not. The model holds one BT-81 for all of them
    /// (CII repeats the means once per account), so a source that has such elements is checked element by
    /// element. Otherwise (in memory, or a source without any) a blank BT-81 fails where the syntax would
    /// write a payment means element.
    static func checkMeansCode(_ payment: PaymentInstructions, _ context: inout RuleContext) {
        let en = "The payment instructions (BG-16) have no payment means code (BT-81): give the UNTDID 4461 "
            + "code, e.g. 58 for a SEPA credit transfer or 30 for another credit transfer."
        let fr = "Les instructions de paiement (BG-16) n'ont pas de code de moyen de paiement (BT-81) : indiquez "
            + "le code UNTDID 4461, par exemple 58 pour un virement SEPA ou 30 pour un autre virement."
        let terms = ["BG-16", "BT-81"]
        if let means = context.coreSourceElements(
            cii: ["SupplyChainTradeTransaction", "ApplicableHeaderTradeSettlement", "SpecifiedTradeSettlementPaymentMeans"],
            ubl: ["PaymentMeans"]), let tree = context.parsed?.tree, !means.isEmpty
        {
            let codeName = context.coreArtefact == .cii ? "TypeCode" : "PaymentMeansCode"
            for element in means where tree.child(of: element, named: codeName) == nil {
                context.reportCore("BR-49", terms: terms, element: element, orAt: "BG-16/BT-81", en: en, fr: fr)
            }
            return
        }
        let code = payment.meansTypeCode.trimmingWhitespace()
        guard code.isEmpty, hasPaymentMeansElement(payment, context.coreArtefact) else { return }
        context.reportCore("BR-49", terms: terms, at: "BG-16/BT-81", en: en, fr: fr)
    }

    /// Whether the source had a payment means element at all. Some BG-16 terms live outside it (in CII the
    /// remittance information, the mandate and the creditor identifier), and without the element the
    /// official test of BR-49 does not run.
    static func hasPaymentMeansElement(_ payment: PaymentInstructions, _ artefact: CoreArtefact) -> Bool {
        let shared =
            payment.meansText != nil || !payment.creditTransfers.isEmpty || payment.card != nil
            || payment.directDebit?.debitedAccountIdentifier != nil
        switch artefact {
        case .semantic: return true
        case .cii: return shared
        case .ubl: return shared || payment.remittanceInformation != nil || payment.directDebit?.mandateReference != nil
        }
    }

    /// BR-50 and BR-61. CII runs both tests inside each creditor account: BR-50 wants a non-blank
    /// identifier, BR-61 an identifier element, so an empty `<ram:IBANID/>` fails BR-50 only and an absent
    /// account fails neither. UBL runs BR-61 on the payment means: a credit transfer needs some account with
    /// an identifier element. An identifier element counts as written when it is not blank or when the
    /// reader recorded its term path.
    static func checkAccounts(_ payment: PaymentInstructions, _ code: String, _ context: inout RuleContext) {
        let artefact = context.coreArtefact
        var anyWritten = false
        for (index, transfer) in payment.creditTransfers.enumerated() {
            let path = "BG-17[\(index)]/BT-84"
            let blank = CoreText.isBlank(transfer.accountIdentifier)
            let written = !blank || context.coreSourceHas(path, "BG-16/BG-17[\(index)]/BT-84")
            anyWritten = anyWritten || (artefact == .semantic ? !blank : written)
            guard blank else { continue }
            context.reportCore(
                "BR-50", terms: ["BG-17", "BT-84"], at: path,
                en: "Credit transfer account \(index + 1) (BG-17) has no account identifier (BT-84): give the IBAN "
                    + "(or other account number) the buyer must pay to.",
                fr: "Le compte de virement \(index + 1) (BG-17) n'a pas d'identifiant (BT-84) : indiquez l'IBAN (ou "
                    + "un autre numéro de compte) sur lequel l'acheteur doit payer.")
            if artefact == .cii, !written {
                reportMissingAccount(code, at: path, &context)
            }
        }
        if artefact != .cii, !anyWritten {
            reportMissingAccount(code, at: "BG-16/BT-81", &context)
        }
    }

    static func reportMissingAccount(_ code: String, at path: String, _ context: inout RuleContext) {
        context.reportCore(
            "BR-61", terms: ["BT-81", "BT-84"], at: path,
            en: "The payment means is a credit transfer (BT-81 = \(code)) but no account identifier (BT-84) is "
                + "given: add the IBAN (or other account number) to pay to.",
            fr: "Le moyen de paiement est un virement (BT-81 = \(code)) mais aucun identifiant de compte (BT-84) "
                + "n'est indiqué : ajoutez l'IBAN (ou un autre numéro de compte) à créditer.")
    }
}
