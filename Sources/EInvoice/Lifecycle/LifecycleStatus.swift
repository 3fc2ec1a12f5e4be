/// An invoice's lifecycle status as the French e-invoicing reform codes it (XP Z12-012, CDAR "CDV" message,
/// MDT-105), from 200 Déposée to 228 Non affacturée.
///
/// A code outside the table is kept as `.other(code)`, never dropped: the platforms may send codes we do not know
/// yet (the schematron list also has 250, 251, 300, 301, 400, 401, 500, 501 and 601, whose meaning is not public).
public enum LifecycleStatus: Sendable, Hashable, CustomStringConvertible {
    /// 200 Déposée: the issuer's platform accepted the invoice.
    case submitted
    /// 201 Émise par la plateforme.
    case issuedByPlatform
    /// 202 Reçue par la plateforme (the receiver's platform).
    case receivedByPlatform
    /// 203 Mise à disposition: the buyer can see the invoice.
    case madeAvailable
    /// 204 Prise en charge: the buyer is processing it.
    case inHand
    /// 205 Approuvée.
    case approved
    /// 206 Approuvée partiellement.
    case partiallyApproved
    /// 207 En litige.
    case disputed
    /// 208 Suspendue.
    case suspended
    /// 209 Complétée (the seller completed what was missing).
    case completed
    /// 210 Refusée (by the buyer): terminal.
    case refused
    /// 211 Paiement transmis (by the buyer).
    case paymentSent
    /// 212 Encaissée (by the seller): terminal.
    case paymentReceived
    /// 213 Rejetée (by a platform): terminal.
    case rejected
    /// 214 Visée (public sector).
    case stamped
    /// 220 Annulée (after a corrective invoice): terminal.
    case cancelled
    /// 221 Erreur de routage.
    case routingError
    /// 224 Demande de paiement direct.
    case directPaymentRequest
    /// 225 Affacturée.
    case factored
    /// 226 Affacturée confidentiel.
    case factoredConfidential
    /// 227 Changement de compte à payer.
    case paymentAccountChange
    /// 228 Non affacturée.
    case notFactored
    /// A code we do not know, kept as received (trimmed).
    case other(String)

    /// Every status of the table, in code order.
    public static let known: [LifecycleStatus] = [
        .submitted, .issuedByPlatform, .receivedByPlatform, .madeAvailable, .inHand, .approved, .partiallyApproved,
        .disputed, .suspended, .completed, .refused, .paymentSent, .paymentReceived, .rejected, .stamped, .cancelled,
        .routingError, .directPaymentRequest, .factored, .factoredConfidential, .paymentAccountChange, .notFactored,
    ]

    /// The status with this code (MDT-105); an unknown code gives `.other(code)`.
    public init(code: String) {
        let trimmed = code.trimmingWhitespace
        self = Self.byCode[trimmed] ?? .other(trimmed)
    }

    private static let byCode: [String: LifecycleStatus] = Dictionary(
        uniqueKeysWithValues: known.map { ($0.code, $0) })

    /// The code written in MDT-105 (`ram:ProcessConditionCode`), e.g. "205".
    public var code: String {
        if case let .other(code) = self { return code }
        return entry?.code ?? ""
    }

    /// Whether the code is one of the table's.
    public var isKnown: Bool { entry != nil }

    /// The French label of the reform ("Approuvée"); "" for an unknown code.
    public var frenchLabel: String { entry?.french ?? "" }
    /// An English label ("Approved"); "" for an unknown code.
    public var englishLabel: String { entry?.english ?? "" }
    /// The phase the status belongs to (MDT-77); nil when the table does not say.
    public var phase: LifecyclePhase? { entry?.phase }
    /// The UN/CEFACT status code written in MDT-88 (`ram:StatusCode`); nil when the table gives none.
    public var statusCode: String? { entry?.statusCode }
    /// Who sets the status.
    public var setBy: LifecycleActor { entry?.setBy ?? .unknown }
    /// Whether the status must be reported to the tax administration (the PPF).
    public var reporting: LifecycleReporting { entry?.reporting ?? .notRequired }
    /// Whether the invoice's lifecycle ends here: 210 Refusée, 212 Encaissée, 213 Rejetée, 220 Annulée.
    public var isTerminal: Bool { entry?.terminal ?? false }

    public var description: String {
        isKnown ? "\(code) \(frenchLabel)" : "\(code) (unknown status)"
    }
}

/// The two phases of the lifecycle (MDT-77, `ram:TypeCode` of the acknowledgement).
public enum LifecyclePhase: String, Sendable, Hashable, CaseIterable {
    /// 305: the platforms carry the invoice (200–203, 213).
    case transmission = "305"
    /// 23: the buyer and the seller process it (204–212, 220…).
    case processing = "23"
}

/// Who sets a status.
public enum LifecycleActor: String, Sendable, Hashable {
    case issuerPlatform = "PA-E"
    case receiverPlatform = "PA-R"
    /// Either platform (213 Rejetée).
    case platform = "PA"
    case buyer = "Buyer"
    case seller = "Seller"
    case unknown = "?"
}

/// Whether a status must be sent on to the tax administration.
public enum LifecycleReporting: String, Sendable, Hashable {
    case required
    /// 212 Encaissée: only when VAT is due on payment (services without the débits option, down-payments).
    case requiredWhenVATDueOnPayment
    case notRequired
}

extension String {
    var trimmingWhitespace: String {
        let scalars = unicodeScalars
        guard let first = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
            let last = scalars.lastIndex(where: { !$0.properties.isWhitespace })
        else { return "" }
        return String(scalars[first...last])
    }
}
