import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation

/// The invoices of the end-to-end tests: the EInvoice sample (valid EN 16931 and BR-FR), as CII.
enum InboundInvoices {
    /// BT-47 of the sample's buyer: the scenario pays this buyer's invoices in full.
    static let payingBuyer = "987654324"
    /// A buyer the scenario makes refuse (210).
    static let refusingBuyer = "732829320"

    /// The sandbox's scenario: transmission 200…203, then per buyer; `rules: fr` (the gateway applies EN 16931
    /// only, so an invoice missing a French legal mention passes here and is rejected, 213, by the platform).
    static let scenario = """
        rules: fr
        acknowledgementDelay: 1s
        transmission:
          - {status: 200, after: 1s}
          - {status: 201, after: 1m}
          - {status: 202, after: 1m}
          - {status: 203, after: 1m}
        buyers:
          - match: {siren: "\(payingBuyer)"}
            steps:
              - {status: 204, after: 1h}
              - {status: 205, after: 1d}
              - {status: 211, after: 1d, paid: "40%"}
              - {status: 212, after: 2d, paid: "100%"}
          - match: {siren: "\(refusingBuyer)"}
            steps:
              - {status: 204, after: 1h}
              - {status: 210, after: 1h, reason: MONTANTTOTAL_ERR, text: "montant total faux"}
        """

    /// The codes a paid invoice goes through.
    static let paidPath = ["200", "201", "202", "203", "204", "205", "211", "212"]

    static func invoice(number: String, buyer: String = payingBuyer) -> Invoice {
        var invoice = SampleInvoice.make(lineCount: 2, number: number)
        invoice.buyer.legalRegistrationIdentifier = Identifier(buyer, schemeID: "0002")
        invoice.buyer.electronicAddress = Identifier(buyer, schemeID: "0225")
        return invoice
    }

    static func cii(_ invoice: Invoice) -> [UInt8] {
        CIIWriter().output(invoice, profile: .en16931).bytes
    }

    /// Valid EN 16931, but without the PMD legal mention (BR-FR-05): the gateway sends it, the platform rejects it.
    static func missingLegalMention(number: String) -> Invoice {
        var invoice = invoice(number: number)
        invoice.notes.removeAll { $0.subjectCode == "PMD" }
        return invoice
    }

    /// The fatal rule ids of a rule set (to check that a test invoice is what the test says it is).
    static func fatalRules(_ invoice: Invoice, _ ruleSet: RuleSet) -> [String] {
        Validator(ruleSet: ruleSet).validate(invoice).filter { $0.severity == .fatal }.map(\.ruleID)
    }
}
