import Foundation

/// The platform that receives a buyer's invoices, as the directory line says (customer master data).
public struct ReceivingPlatform: Sendable, Hashable, Codable {
    /// The directory's `platformType` (UNCL 3035): `WK` an accredited platform (PA), `DFH` the public portal (PPF).
    public var type: String
    /// The platform's identifier when the directory gives one (Directory Service 1.3.0 gives none: only the type).
    public var identifier: String?

    public init(type: String, identifier: String? = nil) {
        self.type = type
        self.identifier = identifier
    }

    /// A readable name of the type.
    public var name: String {
        switch type {
        case "WK": "accredited platform (PA)"
        case "DFH": "public invoicing portal (PPF)"
        default: "platform type \(type)"
        }
    }
}

/// Where the directory says a buyer receives its invoices: one directory line.
public struct DirectoryEntry: Sendable, Hashable, Codable {
    /// BT-49 Buyer electronic address: the line's addressing identifier.
    public var addressingIdentifier: String
    /// BT-49-1: `0225` (French addressing identifier).
    public var scheme: String
    /// BT-47 (scheme 0002).
    public var siren: String
    /// Set when the line is at the establishment's level.
    public var siret: String?
    /// Set when the line is at the routing code's level.
    public var routingCode: String?
    public var platform: ReceivingPlatform
    /// `directoryLineStatus`: `Enabled` (only enabled lines are returned as found).
    public var status: String?
    /// BT-44 as the directory knows it (`businessName`), when it said.
    public var businessName: String?
    /// Until when the answer may be reused (set by the cache).
    public var validUntil: Date?

    public init(addressingIdentifier: String, scheme: String = "0225", siren: String, siret: String? = nil,
                routingCode: String? = nil, platform: ReceivingPlatform, status: String? = nil,
                businessName: String? = nil, validUntil: Date? = nil) {
        self.addressingIdentifier = addressingIdentifier
        self.scheme = scheme
        self.siren = siren
        self.siret = siret
        self.routingCode = routingCode
        self.platform = platform
        self.status = status
        self.businessName = businessName
        self.validUntil = validUntil
    }
}

/// The directory's answer about one buyer.
public enum DirectoryAnswer: Sendable, Hashable, Codable {
    case found(DirectoryEntry)
    /// The buyer cannot receive invoices through the directory; `reason` says what the directory has instead.
    case notFound(reason: String)

    public var entry: DirectoryEntry? {
        if case .found(let entry) = self { return entry }
        return nil
    }
}
