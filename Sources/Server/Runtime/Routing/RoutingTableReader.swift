import Foundation
import Gateway

/// Reads one routing table: `default`, `rules` (each `id`, `when`, `target`, `format`, `profile`, `processing`)
/// and `dry_run`.
struct RoutingTableReader {
    static let tableKeys = ["dry_run", "default", "rules"]
    static let actionKeys = ["target", "format", "profile", "processing"]
    static let ruleKeys = ["id", "when"] + actionKeys
    static let conditionKeys = [
        "customer", "siren_prefix", "siret_prefix", "siret_range", "country", "public_sector", "batch", "percent",
    ]

    var knownTargets: Set<String>?

    func table(_ node: RoutingYAMLNode, allowed: [String]) throws(RoutingFileError) -> RoutingTable {
        var fallback: RouteAction?
        var rules: [RoutingRule] = []
        var dryRun: Bool?
        for (key, value) in try node.mapping(allowed: allowed) {
            switch key {
            case "default": fallback = try action(value, allowed: Self.actionKeys)
            case "rules": rules = try self.rules(value)
            case "dry_run": dryRun = try value.bool()
            default: break
            }
        }
        guard let fallback else {
            throw node.error("has no `default:` (where an invoice goes when no rule matches, e.g. `target: legacy`)")
        }
        return RoutingTable(rules: rules, fallback: fallback, dryRun: dryRun)
    }

    func rules(_ node: RoutingYAMLNode) throws(RoutingFileError) -> [RoutingRule] {
        guard case .sequence(let sequence) = node.node else {
            throw node.error("must be a list of rules (`- when: …` then `target: …`)")
        }
        var rules: [RoutingRule] = []
        var ids: Set<String> = []
        for (index, item) in sequence.enumerated() {
            let ruleNode = RoutingYAMLNode(node: item, file: node.file, field: "\(node.field)[\(index + 1)]")
            var id: String?
            var condition = RoutingCondition()
            for (key, value) in try ruleNode.mapping(allowed: Self.ruleKeys) {
                switch key {
                case "id":
                    let name = try value.string()
                    guard ids.insert(name).inserted else { throw value.error("\"\(name)\" names another rule too") }
                    id = name
                case "when": condition = try self.condition(value)
                default: break
                }
            }
            rules.append(RoutingRule(id: id, when: condition, then: try action(ruleNode, allowed: Self.ruleKeys)))
        }
        return rules
    }

    /// `target` (required), `format`, `profile`, `processing`.
    func action(_ node: RoutingYAMLNode, allowed: [String]) throws(RoutingFileError) -> RouteAction {
        var target: String?
        var format: DeliveryFormat?
        var profile: (DeliveryProfile, RoutingYAMLNode)?
        var processing: ProcessingRule?
        for (key, value) in try node.mapping(allowed: allowed) {
            switch key {
            case "target": target = try self.target(value)
            case "format": format = try value.choice(DeliveryFormat.self, extra: ["facturx": .facturX, "pdf": .facturX])
            case "profile": profile = (try value.choice(DeliveryProfile.self), value)
            case "processing": processing = try value.choice(ProcessingRule.self)
            default: break
            }
        }
        guard let target else { throw node.error("has no `target:` (a platform name, or legacy)") }
        if let profile {
            let (chosen, profileNode) = profile
            let effective = format ?? .cii
            let allowedProfiles = DeliveryProfile.allowed(in: effective)
            guard allowedProfiles.contains(chosen) else {
                throw profileNode.error("\(chosen.rawValue) is not a profile of \(effective.rawValue)"
                    + (format == nil ? " (the format this rule may use)" : "") + "; use "
                    + allowedProfiles.map(\.rawValue).joined(separator: ", "))
            }
            if chosen == .minimum, processing != .b2c, processing != .outOfScope {
                throw profileNode.error("MINIMUM is refused for B2B, B2BInt and B2G invoices (XP Z12-012); "
                    + "use BASIC-WL or EN16931, or set processing: B2C or OutOfScope")
            }
        }
        return RouteAction(target: target, format: format, profile: profile?.0, processing: processing)
    }

    func target(_ node: RoutingYAMLNode) throws(RoutingFileError) -> String {
        let name = try node.string()
        guard let knownTargets, name != RoutingTarget.legacy, !knownTargets.contains(name) else { return name }
        let choices = (knownTargets.sorted() + [RoutingTarget.legacy])
        let nearest = choices.map { ($0, EditDistance.between($0, name)) }.min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= 3 {
            throw node.error("\"\(name)\" is not a configured platform; did you mean \(nearest.0)?")
        }
        throw node.error("\"\(name)\" is not a configured platform (configured: \(choices.joined(separator: ", ")))")
    }

    func condition(_ node: RoutingYAMLNode) throws(RoutingFileError) -> RoutingCondition {
        var condition = RoutingCondition()
        for (key, value) in try node.mapping(allowed: Self.conditionKeys) {
            switch key {
            case "customer": condition.customers = try value.strings()
            case "siren_prefix": condition.sirenPrefixes = try digits(value, maximum: 9)
            case "siret_prefix": condition.siretPrefixes = try digits(value, maximum: 14)
            case "siret_range":
                for text in try value.strings() {
                    guard let range = SIRETRange(parsing: text) else {
                        throw value.error("\"\(text)\" is not a SIRET range (two 14-digit SIRETs, low-high)")
                    }
                    condition.siretRanges.append(range)
                }
            case "country":
                let codes = try value.strings().map { $0.uppercased() }
                if let bad = codes.first(where: { $0.count != 2 || !$0.allSatisfy(\.isLetter) }) {
                    throw value.error("\"\(bad)\" is not a country code (ISO 3166-1 alpha-2, e.g. FR)")
                }
                condition.countries = codes
            case "public_sector": condition.publicSector = try value.bool()
            case "batch": condition.batches = try value.strings()
            case "percent": condition.percentBasisPoints = try percent(value)
            default: break
            }
        }
        return condition
    }

    func digits(_ node: RoutingYAMLNode, maximum: Int) throws(RoutingFileError) -> [String] {
        let values = try node.strings()
        let isPrefix = { (value: String) in
            value.count <= maximum && value.allSatisfy { $0.isASCII && $0.isNumber }
        }
        if let bad = values.first(where: { !isPrefix($0) }) {
            throw node.error("\"\(bad)\" is not a prefix of at most \(maximum) digits")
        }
        return values
    }

    /// `10`, `12.5` or `0.25` (with or without `%`): 0 to 100 with at most two decimals, as basis points.
    func percent(_ node: RoutingYAMLNode) throws(RoutingFileError) -> Int {
        var text = try node.string()
        if text.hasSuffix("%") { text = String(text.dropLast()).trimmingCharacters(in: .whitespaces) }
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        let problem = node.error("\"\(text)\" is not a percentage (0 to 100, at most two decimals, e.g. 10 or 12.5)")
        guard (1...2).contains(parts.count), let whole = Int(parts[0]), parts[0].allSatisfy(\.isNumber) else {
            throw problem
        }
        var fraction = 0
        if parts.count == 2 {
            let decimals = parts[1]
            guard (1...2).contains(decimals.count), decimals.allSatisfy(\.isNumber), let value = Int(decimals) else {
                throw problem
            }
            fraction = decimals.count == 1 ? value * 10 : value
        }
        let basisPoints = whole * 100 + fraction
        guard (0...10_000).contains(basisPoints) else { throw problem }
        return basisPoints
    }
}
