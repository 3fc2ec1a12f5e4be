import EInvoice
import EInvoiceRules
import Foundation

/// Reads a scenario YAML file (docs/sandbox.md has the format; examples/sandbox/scenario.yaml an example).
public enum ScenarioFile {
    static let topKeys: Set<String> = ["rules", "acknowledgementDelay", "transmission", "buyers", "random"]

    public static func load(path: String) throws(ConfigurationFileError) -> Scenario {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationFileError(file: path, line: 0, column: 0, message: "cannot be read")
        }
        return try parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func parse(_ text: String, file: String = "scenario") throws(ConfigurationFileError) -> Scenario {
        var scenario = Scenario()
        guard let root = try YAMLValue.parse(text, file: file) else { return scenario }
        try root.requireKeys(in: topKeys)
        if let rules = root["rules"] {
            guard let set = RuleSet(rawValue: try rules.string()) else { throw rules.fail("en16931 or fr") }
            scenario.ruleSet = set
        }
        if let delay = root["acknowledgementDelay"] { scenario.acknowledgementDelay = try delay.duration() }
        if let transmission = root["transmission"] {
            scenario.transmission = try transmission.sequence().map { item throws(ConfigurationFileError) in
                let step = try self.step(item)
                guard ["200", "201", "202", "203"].contains(step.status.code) else {
                    throw item.fail("the transmission phase has the statuses 200 to 203")
                }
                return step
            }
        }
        if let buyers = root["buyers"] {
            scenario.buyers = try buyers.sequence().map { item throws(ConfigurationFileError) in try buyer(item) }
        }
        if let random = root["random"] { scenario.random = try paths(random) }
        if scenario.buyers.contains(where: { $0.steps == nil }), scenario.random == nil {
            throw ConfigurationFileError(file: file, line: 0, column: 0,
                                         message: "a buyer says random: true but there is no random section")
        }
        return scenario
    }

    private static func buyer(_ value: YAMLValue) throws(ConfigurationFileError) -> BuyerScript {
        try value.requireKeys(in: ["match", "steps", "random"])
        guard let matchValue = value["match"] else { throw value.fail("match is required (siren, routingCode, …)") }
        try matchValue.requireKeys(in: ["siren", "routingCode", "addressingIdentifier"])
        let match = BuyerMatch(siren: matchValue["siren"]?.text, routingCode: matchValue["routingCode"]?.text,
                               addressingIdentifier: matchValue["addressingIdentifier"]?.text)
        guard match.siren != nil || match.routingCode != nil || match.addressingIdentifier != nil else {
            throw matchValue.fail("give siren, routingCode or addressingIdentifier")
        }
        if let random = value["random"], try random.boolean() { return BuyerScript(match: match, steps: nil) }
        guard let steps = value["steps"] else { throw value.fail("give steps, or random: true") }
        return BuyerScript(match: match, steps: try buyerSteps(steps))
    }

    private static func buyerSteps(_ value: YAMLValue) throws(ConfigurationFileError) -> [ScenarioStep] {
        try value.sequence().map { item throws(ConfigurationFileError) in
            let step = try self.step(item)
            guard let code = Int(step.status.code), (204...212).contains(code) || code == 220 else {
                throw item.fail("a buyer's statuses are 204 to 212 (or 220)")
            }
            return step
        }
    }

    private static func paths(_ value: YAMLValue) throws(ConfigurationFileError) -> RandomPaths {
        try value.requireKeys(in: ["delay", "paths"])
        var minDelay = 60.0
        var maxDelay = 3600.0
        if let delay = value["delay"] {
            try delay.requireKeys(in: ["min", "max"])
            if let low = delay["min"] { minDelay = try low.duration() }
            if let high = delay["max"] { maxDelay = try high.duration() }
        }
        guard let list = value["paths"] else { throw value.fail("paths is required") }
        let paths = try list.sequence().map { item throws(ConfigurationFileError) -> RandomPaths.Path in
            try item.requireKeys(in: ["weight", "steps"])
            let weight = try item["weight"]?.integer() ?? 1
            guard weight >= 0 else { throw item.fail("weight: 0 or more") }
            guard let steps = item["steps"] else { throw item.fail("steps is required") }
            let ownDelays = try steps.sequence().contains { $0.node.mapping != nil && $0["after"] != nil }
            return RandomPaths.Path(weight: weight, steps: try buyerSteps(steps), hasOwnDelays: ownDelays)
        }
        return RandomPaths(minDelay: minDelay, maxDelay: maxDelay, paths: paths)
    }

    /// A step: `{status, after, reason, text, paid}` or the short text `CODE`, `CODE:REASON`, `CODE:50%`,
    /// `CODE:480.00`.
    static func step(_ value: YAMLValue) throws(ConfigurationFileError) -> ScenarioStep {
        if value.node.mapping == nil {
            let text = try value.string()
            let parts = text.split(separator: ":", maxSplits: 1).map { String($0).trimmingCharactersInSpace }
            var step = ScenarioStep(status: try status(parts[0], value), after: 0)
            if parts.count == 2 { try apply(detail: parts[1], to: &step, value) }
            return step
        }
        try value.requireKeys(in: ["status", "after", "reason", "text", "paid"])
        guard let statusValue = value["status"] else { throw value.fail("status is required") }
        var step = ScenarioStep(status: try status(try statusValue.string(), statusValue),
                                after: try value["after"]?.duration() ?? 0)
        if let reason = value["reason"] {
            step.reason = StatusReason(code: try reason.string(), text: value["text"]?.text ?? "")
        } else if let text = value["text"] {
            step.reason = StatusReason(code: "", text: try text.string())
        }
        if let paid = value["paid"] { try apply(detail: try paid.string(), to: &step, paid) }
        return step
    }

    private static func status(_ code: String, _ value: YAMLValue) throws(ConfigurationFileError) -> LifecycleStatus {
        let status = LifecycleStatus(code: code)
        guard status.isKnown else { throw value.fail("'\(code)' is not a lifecycle status (200 to 228)") }
        return status
    }

    private static func apply(detail: String, to step: inout ScenarioStep,
                              _ value: YAMLValue) throws(ConfigurationFileError) {
        if step.status == .paymentSent || step.status == .paymentReceived {
            let isPercent = detail.hasSuffix("%")
            let number = isPercent ? String(detail.dropLast()) : detail
            guard let amount = try? ExactDecimal(parsing: number), amount > .zero else {
                throw value.fail("'\(detail)' is not a payment (e.g. 100%, 40%, 480.00)")
            }
            step.payment = isPercent ? .percent(amount) : .amount(amount)
        } else {
            step.reason = StatusReason(code: detail)
        }
    }
}
