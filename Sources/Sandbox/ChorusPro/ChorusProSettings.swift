import Foundation

/// A Chorus Pro technical account ("compte technique"): what a caller puts, base64-encoded as `login:password`, in
/// the `cpro-account` header of every call.
public struct ChorusProTechnicalAccount: Sendable, Hashable {
    public var login: String
    public var password: String

    public init(login: String, password: String) {
        self.login = login
        self.password = password
    }
}

/// What happens to an invoice once Chorus Pro has integrated it: the statuses the stand-in shows in the invoice's
/// history (`factures/v1/consulter/historique`), each a given number of sandbox seconds after integration.
public enum ChorusProPath: String, Sendable, CaseIterable {
    /// Made available, service certified, mandated, accounted, paid.
    case paid
    /// Suspended by the buyer, completed by the supplier, then paid.
    case suspended
    /// Refused by the public buyer (`REJETEE`).
    case refused
    /// Sent back to the supplier to be addressed to another service (`A_RECYCLER`).
    case recycled

    /// The statuses of the path with their delay after integration, in seconds.
    var steps: [(status: String, after: Double)] {
        let hour = 3600.0
        let day = 24 * hour
        switch self {
        case .paid:
            return [("DEPOSEE", 0), ("MISE_A_DISPOSITION", hour), ("SERVICE_FAIT", day), ("MANDATEE", 2 * day),
                    ("MISE_A_DISPOSITION_COMPTABLE", 3 * day), ("COMPTABILISEE", 4 * day),
                    ("MISE_EN_PAIEMENT", 5 * day)]
        case .suspended:
            return [("DEPOSEE", 0), ("MISE_A_DISPOSITION", hour), ("SUSPENDUE", day), ("COMPLETEE", 2 * day),
                    ("SERVICE_FAIT", 3 * day), ("MANDATEE", 4 * day), ("MISE_EN_PAIEMENT", 6 * day)]
        case .refused:
            return [("DEPOSEE", 0), ("MISE_A_DISPOSITION", hour), ("REJETEE", day)]
        case .recycled:
            return [("DEPOSEE", 0), ("MISE_A_DISPOSITION", hour), ("A_RECYCLER", day)]
        }
    }
}

/// The Chorus Pro stand-in's settings (`passerelle sandbox --chorus-pro`).
public struct ChorusProSettings: Sendable {
    /// The technical accounts the `cpro-account` header may name.
    public var accounts: [ChorusProTechnicalAccount] = []
    /// The largest decoded `fichierFlux` accepted.
    public var maximumFileBytes = 10 * 1024 * 1024
    /// Sandbox seconds between a deposit and its integration (or rejection) in `consulterCRDetaille`.
    public var processingSeconds: Double = 120
    /// What becomes of every integrated invoice.
    public var path: ChorusProPath = .paid

    public init() {}
}
