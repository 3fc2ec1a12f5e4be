/// When a rule applies. Every condition set must hold (AND); within a list any value may match (OR). A value ending
/// in `*` matches by prefix. An empty condition matches every invoice.
public struct RoutingCondition: Hashable, Sendable {
    /// Customer codes (BT-46), e.g. `C001` or `PILOT-*`.
    public var customers: [String]
    /// SIREN prefixes of the buyer (also matched against the SIRET's first 9 digits).
    public var sirenPrefixes: [String]
    /// SIRET prefixes of the buyer.
    public var siretPrefixes: [String]
    /// Inclusive SIRET ranges (B2G: the establishments of a public body).
    public var siretRanges: [SIRETRange]
    /// ISO 3166-1 alpha-2 codes of the buyer's country (BT-55).
    public var countries: [String]
    /// The buyer is (true) or is not (false) a public body.
    public var publicSector: Bool?
    /// The ERP's batch ids.
    public var batches: [String]
    /// A roll-out share in basis points (1,000 = 10 %): the invoices whose ``RoutingFacts/rolloutBucket`` is below.
    public var percentBasisPoints: Int?

    public init(customers: [String] = [], sirenPrefixes: [String] = [], siretPrefixes: [String] = [],
                siretRanges: [SIRETRange] = [], countries: [String] = [], publicSector: Bool? = nil,
                batches: [String] = [], percentBasisPoints: Int? = nil) {
        self.customers = customers
        self.sirenPrefixes = sirenPrefixes
        self.siretPrefixes = siretPrefixes
        self.siretRanges = siretRanges
        self.countries = countries.map { $0.uppercased() }
        self.publicSector = publicSector
        self.batches = batches
        self.percentBasisPoints = percentBasisPoints
    }

    public func matches(_ facts: RoutingFacts) -> Bool {
        guard Self.any(customers, matches: facts.customerCode) else { return false }
        if !sirenPrefixes.isEmpty {
            guard let siren = facts.buyerSIREN, sirenPrefixes.contains(where: { siren.hasPrefix($0) }) else {
                return false
            }
        }
        if !siretPrefixes.isEmpty {
            guard let siret = facts.buyerSIRET, siretPrefixes.contains(where: { siret.hasPrefix($0) }) else {
                return false
            }
        }
        if !siretRanges.isEmpty {
            guard let siret = facts.buyerSIRET, siretRanges.contains(where: { $0.contains(siret) }) else {
                return false
            }
        }
        if !countries.isEmpty {
            guard let country = facts.buyerCountry, countries.contains(country) else { return false }
        }
        if let publicSector, publicSector != facts.publicSector { return false }
        guard Self.any(batches, matches: facts.batchID) else { return false }
        if let percentBasisPoints, facts.rolloutBucket >= percentBasisPoints { return false }
        return true
    }

    /// True when `patterns` is empty, or one of them matches `value` (exactly, or by prefix when it ends in `*`).
    static func any(_ patterns: [String], matches value: String?) -> Bool {
        guard !patterns.isEmpty else { return true }
        guard let value else { return false }
        return patterns.contains { pattern in
            pattern.hasSuffix("*") ? value.hasPrefix(pattern.dropLast()) : value == pattern
        }
    }
}

/// An inclusive range of 14-digit SIRETs, compared as numbers.
public struct SIRETRange: Hashable, Sendable {
    public var lower: UInt64
    public var upper: UInt64

    public init(lower: UInt64, upper: UInt64) {
        self.lower = lower
        self.upper = upper
    }

    /// `11000000000000-11999999999999`; nil when either end is not 14 digits or the range is reversed.
    public init?(parsing text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        guard parts.count == 2, let lower = Self.number(parts[0]), let upper = Self.number(parts[1]), lower <= upper
        else { return nil }
        self.init(lower: lower, upper: upper)
    }

    public func contains(_ siret: String) -> Bool {
        guard let value = Self.number(siret) else { return false }
        return (lower...upper).contains(value)
    }

    static func number(_ text: String) -> UInt64? {
        guard RoutingFacts.isDigits(text, count: 14) else { return nil }
        return UInt64(text)
    }
}
