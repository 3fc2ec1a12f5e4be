import EInvoice
import Foundation

/// The Chorus Pro stand-in's state: the flows deposited by each technical account and the invoices integrated from
/// them. Statuses are not stored but read off the sandbox clock: a flow is processed `processingSeconds` after its
/// deposit, and an integrated invoice walks the configured ``ChorusProPath`` from then on — so
/// `POST /sandbox/advance` (or a time scale) moves them like the Flow side's lifecycle.
actor ChorusProPlatform {
    struct Deposit: Sendable {
        var number: String
        var account: String
        var fileName: String
        var syntax: ChorusProSyntax
        var depositedAt: Date
        var outcome: ChorusProFlowOutcome
        /// Set when the flow leads to an invoice.
        var invoiceID: Int?
    }

    struct Integrated: Sendable {
        var id: Int
        var facts: ChorusProInvoiceFacts
        var flow: String
        var account: String
        var integratedAt: Date
    }

    private let clock: SandboxClock
    private let settings: ChorusProSettings
    private let inspector = ChorusProInspector()
    private var deposits: [String: Deposit] = [:]
    private var invoices: [Int: Integrated] = [:]
    private var sequence = 0

    init(clock: SandboxClock, settings: ChorusProSettings) {
        self.clock = clock
        self.settings = settings
    }

    /// Takes a decoded file in; answers the flow number. The checks that make a flow `IN_REJETE` run now; the
    /// report shows their result once the flow is processed.
    func deposit(_ bytes: [UInt8], fileName: String, syntax: ChorusProSyntax, account: String) -> Deposit {
        sequence += 1
        let number = "CPP" + String(repeating: "0", count: max(0, 22 - String(sequence).count)) + String(sequence)
        let now = clock.now()
        var outcome = inspector.inspect(bytes, syntax: syntax, fileName: fileName)
        if case .integrated(let facts) = outcome, let previous = duplicate(of: facts, account: account) {
            outcome = .rejected([ChorusProInspector.error(
                "facture en doublon : la facture \(facts.number) du fournisseur \(facts.supplier) a déjà été déposée (flux \(previous))",
                facts: facts)])
        }
        var deposit = Deposit(number: number, account: account, fileName: fileName, syntax: syntax,
                              depositedAt: now, outcome: outcome)
        if case .integrated(let facts) = outcome {
            let id = 1000 + sequence
            deposit.invoiceID = id
            invoices[id] = Integrated(id: id, facts: facts, flow: number, account: account,
                                      integratedAt: now.addingTimeInterval(settings.processingSeconds))
        }
        deposits[number] = deposit
        return deposit
    }

    /// Chorus Pro refuses a second invoice with the same number from the same supplier in the same year.
    private func duplicate(of facts: ChorusProInvoiceFacts, account: String) -> String? {
        invoices.values.first { invoice in
            invoice.account == account && invoice.facts.number == facts.number
                && invoice.facts.supplier == facts.supplier && invoice.facts.issueDate?.year == facts.issueDate?.year
        }?.flow
    }

    /// The report of a flow of this account; nil when the account has no such flow.
    func report(_ number: String, account: String) -> CproReportAnswer? {
        guard let deposit = deposits[number], deposit.account == account else { return nil }
        let now = clock.now()
        let processedAt = deposit.depositedAt.addingTimeInterval(settings.processingSeconds)
        let state: String
        let stateTime: Date
        var errors: [CproInvoiceError] = []
        if now < processedAt {
            let halfway = deposit.depositedAt.addingTimeInterval(settings.processingSeconds / 2)
            state = now < halfway ? "IN_EN_ATTENTE_TRAITEMENT_CPP" : "IN_EN_COURS_TRAITEMENT_CPP"
            stateTime = now < halfway ? deposit.depositedAt : halfway
        } else {
            stateTime = processedAt
            switch deposit.outcome {
            case .integrated: state = "IN_INTEGRE"
            case .rejected(let found):
                state = "IN_REJETE"
                errors = found
            }
        }
        return CproReportAnswer(
            codeRetour: CproCode.done, libelle: "TRA_MSG_00.000", numeroFluxDepot: number,
            codeInterfaceDepotFlux: deposit.syntax.rawValue, dateDepotFlux: SandboxJSON.timestamp(deposit.depositedAt),
            dateHeureEtatCourantFlux: SandboxJSON.timestamp(stateTime), etatCourantDepotFlux: state,
            listeErreurDP: errors, nomFichier: deposit.fileName)
    }

    /// The account's integrated invoices (by number when given), as a supplier's search shows them.
    func search(number: String?, account: String) -> [CproFoundInvoice] {
        let now = clock.now()
        return invoices.values
            .filter { $0.account == account && $0.integratedAt <= now && (number == nil || $0.facts.number == number) }
            .sorted { $0.id < $1.id }
            .map { invoice in
                CproFoundInvoice(
                    identifiantFactureCPP: invoice.id, numeroFacture: invoice.facts.number,
                    dateFacture: invoice.facts.issueDate?.isoText ?? "", identifiantFournisseur: invoice.facts.supplier,
                    identifiantDestinataire: invoice.facts.buyer,
                    statut: history(of: invoice, now: now).last?.histoStatutCode ?? "DEPOSEE",
                    numeroFluxDepot: invoice.flow)
            }
    }

    /// The invoice's status history so far; nil when the account has no such (integrated) invoice.
    func history(invoice id: Int, account: String) -> CproHistoryAnswer? {
        let now = clock.now()
        guard let invoice = invoices[id], invoice.account == account, invoice.integratedAt <= now else { return nil }
        let entries = history(of: invoice, now: now)
        return CproHistoryAnswer(
            codeRetour: CproCode.done, libelle: "TRA_MSG_00.000", idFacture: id,
            statutCourantCode: entries.last?.histoStatutCode ?? "DEPOSEE",
            historiquesDesStatuts: CproHistoryList(histoStatut: entries))
    }

    private func history(of invoice: Integrated, now: Date) -> [CproHistoryEntry] {
        settings.path.steps.enumerated().compactMap { index, step in
            let at = invoice.integratedAt.addingTimeInterval(step.after)
            guard at <= now else { return nil }
            return CproHistoryEntry(
                histoStatutId: invoice.id * 100 + index, histoStatutCode: step.status,
                histoStatutDatePassage: SandboxJSON.timestamp(at), histoStatutCommentaire: Self.comment(step.status))
        }
    }

    static func comment(_ status: String) -> String? {
        switch status {
        case "REJETEE": "Facture rejetée par la structure publique : engagement juridique inconnu"
        case "SUSPENDUE": "Pièce justificative manquante"
        case "A_RECYCLER": "Service destinataire erroné"
        default: nil
        }
    }
}
