import Foundation

/// What routing decided for one invoice, and why (the rule that matched). Recorded as the `invoice.routed` event's
/// detail and handed to the platform port with the ``DispatchRequest``.
public struct RouteDecision: Hashable, Sendable, Codable {
    public var target: String
    public var format: DeliveryFormat
    public var profile: DeliveryProfile
    public var processing: ProcessingRule
    /// 1-based position of the rule that matched in its table; nil when no rule matched and the default applied.
    public var ruleNumber: Int?
    /// The rule's `id` in the routing file, when it has one.
    public var ruleID: String?

    public init(target: String, format: DeliveryFormat, profile: DeliveryProfile, processing: ProcessingRule,
                ruleNumber: Int?, ruleID: String?) {
        self.target = target
        self.format = format
        self.profile = profile
        self.processing = processing
        self.ruleNumber = ruleNumber
        self.ruleID = ruleID
    }

    /// Not sent electronically.
    public var isLegacy: Bool { target == RoutingTarget.legacy }

    /// `rule 2 (pilot-customers)` or `the default rule`.
    public var ruleLabel: String {
        guard let ruleNumber else { return "the default rule" }
        return "rule \(ruleNumber)" + (ruleID.map { " (\($0))" } ?? "")
    }

    /// `UBL EN16931` or `Factur-X BASIC`.
    public var formatLabel: String { "\(format.rawValue) \(profile.rawValue)" }

    /// The `invoice.routed` event's message.
    public var summary: String {
        if isLegacy { return "Routed to the legacy channel by \(ruleLabel) (processing \(processing.rawValue))" }
        return "Routed to \(target) as \(formatLabel), processing \(processing.rawValue), by \(ruleLabel)"
    }

    /// The reason an invoice stays `held` in a dry run: what would have happened.
    public var dryRunReason: String {
        if isLegacy { return "dry run: would leave it to the legacy channel (\(ruleLabel))" }
        return "dry run: would send to \(target) as \(formatLabel), processing \(processing.rawValue) (\(ruleLabel))"
    }

    /// The reason a legacy invoice stays `held`.
    public var legacyReason: String { "routed to the legacy channel by \(ruleLabel)" }

    /// The event's detail: this decision as a JSON object.
    public var detailJSON: String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        guard let data = try? encoder.encode(self) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    /// The decision recorded in an `invoice.routed` event's detail; nil when it is not one.
    public init?(detailJSON: String?) {
        guard let detailJSON, let decoded = try? JSONDecoder().decode(Self.self, from: Data(detailJSON.utf8)) else {
            return nil
        }
        self = decoded
    }
}
