import EInvoice
import EInvoiceRules

/// What happens to each invoice submitted to the sandbox (loaded from the scenario YAML file, see
/// `examples/sandbox/scenario.yaml` and docs/sandbox.md).
public struct Scenario: Sendable {
    /// How long (sandbox seconds) a flow stays `Pending` before its acknowledgement (Ok or Error).
    public var acknowledgementDelay: Double = 0
    /// The rules invoices are checked with on receipt.
    public var ruleSet: RuleSet = .en16931
    /// The platforms' statuses (200 Déposée → 203 Mise à disposition), the same for every accepted invoice.
    public var transmission: [ScenarioStep] = Scenario.standardTransmission
    /// Scripted or random sequences for the buyers they match, first match wins.
    public var buyers: [BuyerScript] = []
    /// The buyers' statuses for invoices no script matches (or scripts that say `random`); nil: none.
    public var random: RandomPaths?

    public init() {}

    public static let standardTransmission: [ScenarioStep] = [
        ScenarioStep(status: .submitted, after: 1), ScenarioStep(status: .issuedByPlatform, after: 2),
        ScenarioStep(status: .receivedByPlatform, after: 5), ScenarioStep(status: .madeAvailable, after: 5),
    ]
}

/// One status of a sequence, `after` sandbox seconds after the previous one.
public struct ScenarioStep: Sendable, Hashable {
    public var status: LifecycleStatus
    public var after: Double
    /// MDT-113, for 206, 207, 208 and 210 (a default is used when none is given).
    public var reason: StatusReason?
    /// For 211 and 212: how much is paid or cashed in this step.
    public var payment: PaymentShare?

    public init(status: LifecycleStatus, after: Double, reason: StatusReason? = nil, payment: PaymentShare? = nil) {
        self.status = status
        self.after = after
        self.reason = reason
        self.payment = payment
    }
}

/// The amount of one payment step: a share of the amount due (BT-115) or an exact amount.
public enum PaymentShare: Sendable, Hashable {
    case percent(ExactDecimal)
    case amount(ExactDecimal)

    /// The amount for an invoice whose amount due is `due`, rounded to 2 decimals.
    func amount(of due: ExactDecimal) -> ExactDecimal {
        switch self {
        case let .amount(value): value
        case let .percent(share):
            ((due * share).divided(by: .hundred, fractionDigits: 2) ?? due).rounded(to: 2)
        }
    }
}

/// A buyer the scenario scripts, matched on the invoice (BT-47 SIREN, BT-49 address, BT-10) or the directory.
public struct BuyerScript: Sendable {
    public var match: BuyerMatch
    /// The scripted sequence; nil with `random` means the random paths.
    public var steps: [ScenarioStep]?

    public init(match: BuyerMatch, steps: [ScenarioStep]?) {
        self.match = match
        self.steps = steps
    }
}

/// Who a script is for: every given field must match.
public struct BuyerMatch: Sendable, Hashable {
    public var siren: String?
    public var routingCode: String?
    public var addressingIdentifier: String?

    public init(siren: String? = nil, routingCode: String? = nil, addressingIdentifier: String? = nil) {
        self.siren = siren
        self.routingCode = routingCode
        self.addressingIdentifier = addressingIdentifier
    }
}

/// Weighted buyer paths drawn with the run's seed, each step after a delay drawn between `minDelay` and `maxDelay`
/// (sandbox seconds) unless the step gives its own.
public struct RandomPaths: Sendable {
    public struct Path: Sendable {
        public var weight: Int
        public var steps: [ScenarioStep]
        public var hasOwnDelays: Bool

        public init(weight: Int, steps: [ScenarioStep], hasOwnDelays: Bool = false) {
            self.weight = weight
            self.steps = steps
            self.hasOwnDelays = hasOwnDelays
        }
    }

    public var minDelay: Double
    public var maxDelay: Double
    public var paths: [Path]

    public init(minDelay: Double, maxDelay: Double, paths: [Path]) {
        self.minDelay = minDelay
        self.maxDelay = maxDelay
        self.paths = paths
    }
}
