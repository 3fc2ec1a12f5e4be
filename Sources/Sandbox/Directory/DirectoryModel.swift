/// The AFNOR Directory Service 1.3.0 resources, with the spec's field names (they are also the directory file's).

/// `addressRead`.
public struct DirectoryAddress: Codable, Sendable, Hashable {
    public var addressLine1: String?
    public var addressLine2: String?
    public var addressLine3: String?
    public var postalCode: String?
    public var countrySubdivision: String?
    public var locality: String?
    public var countryCode: String?
    public var countryName: String?

    var lines: String { [addressLine1, addressLine2, addressLine3].compactMap { $0 }.joined(separator: " ") }
}

/// `sirenInstructions` / `siretInstructions`.
public struct DirectoryInstructions: Codable, Sendable, Hashable {
    public var isSalesProspectingForbidden: Bool?
}

/// `legalUnitPayloadHistory`: a company, by SIREN.
public struct LegalUnit: Codable, Sendable, Hashable {
    public var siren: String
    public var businessName: String?
    /// `Public` or `PrivateVatRegistered`.
    public var entityType: String?
    /// `A` active, `C` closed.
    public var administrativeStatus: String?
    public var instructions: DirectoryInstructions?
}

/// `facilityPayloadHistoryUleB2gAdditionalData`.
public struct B2GAdditionalData: Codable, Sendable, Hashable {
    public var pm: Bool?
    public var pmOnly: Bool?
    public var managesPaymentStatus: Bool?
    public var managesLegalCommitmentCode: Bool?
    public var managesLegalCommitmentOrServiceCode: Bool?
    public var serviceCodeStatus: Bool?
}

/// `facilityPayloadHistory`: a facility, by SIRET.
public struct Facility: Codable, Sendable, Hashable {
    public var siret: String
    public var siren: String?
    public var name: String?
    /// `P` main, `S` secondary.
    public var facilityType: String?
    public var administrativeStatus: String?
    public var siretInstructions: DirectoryInstructions?
    public var address: DirectoryAddress?
    public var b2gAdditionalData: B2GAdditionalData?
    public var legalUnit: LegalUnit?

    var resolvedSIREN: String { siren ?? String(siret.prefix(9)) }
}

/// `routingCodePayloadHistoryLegalUnitFacility`: a routing code of a facility.
public struct RoutingCode: Codable, Sendable, Hashable {
    public var routingIdentifier: String
    public var siret: String
    public var routingIdentifierType: String?
    public var routingCodeName: String?
    public var managesLegalCommitmentCode: Bool?
    public var administrativeStatus: String?
    public var address: DirectoryAddress?
    public var legalUnit: LegalUnit?
    public var facility: Facility?
}

/// `directoryLinePayloadHistoryLegalUnitFacilityRoutingCodeRoutingCode`.
public struct DirectoryLineRoutingCode: Codable, Sendable, Hashable {
    public var routingIdentifier: String?
    public var routingIdentifierType: String?
    public var routingCodeName: String?
    public var managesLegalCommitment: Bool?
    public var administrativeStatus: String?
    public var address: DirectoryAddress?
}

/// `directoryLinePayload…`: where a recipient receives its invoices (SIREN, SIREN/SIRET or SIREN/SIRET/routing
/// code), the addressing identifier to put in BT-49 and the type of platform (`WK` a PA, `DFH` the PPF).
public struct DirectoryLine: Codable, Sendable, Hashable {
    public var addressingIdentifier: String
    public var platformType: String?
    /// `Enabled`, `Disabled` or `Upcoming`.
    public var directoryLineStatus: String?
    public var siren: String
    public var siret: String?
    public var routingIdentifier: String?
    public var addressingSuffix: String?
    public var routingCode: DirectoryLineRoutingCode?
    public var legalUnit: LegalUnit?
    public var facility: Facility?
}

/// The directory the sandbox serves, loaded from a YAML file (`legalUnits`, `facilities`, `routingCodes`,
/// `directoryLines`, each item with the spec's field names).
public struct Directory: Codable, Sendable {
    public var legalUnits: [LegalUnit]
    public var facilities: [Facility]
    public var routingCodes: [RoutingCode]
    public var directoryLines: [DirectoryLine]

    public init(legalUnits: [LegalUnit] = [], facilities: [Facility] = [], routingCodes: [RoutingCode] = [],
                directoryLines: [DirectoryLine] = []) {
        self.legalUnits = legalUnits
        self.facilities = facilities
        self.routingCodes = routingCodes
        self.directoryLines = directoryLines
    }

    enum CodingKeys: String, CodingKey { case legalUnits, facilities, routingCodes, directoryLines }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        legalUnits = try container.decodeIfPresent([LegalUnit].self, forKey: .legalUnits) ?? []
        facilities = try container.decodeIfPresent([Facility].self, forKey: .facilities) ?? []
        routingCodes = try container.decodeIfPresent([RoutingCode].self, forKey: .routingCodes) ?? []
        directoryLines = try container.decodeIfPresent([DirectoryLine].self, forKey: .directoryLines) ?? []
    }

    /// The routing code of the directory line with this addressing identifier.
    func routingCodes(forAddress address: String?) -> [String] {
        guard let address else { return [] }
        return directoryLines.filter { $0.addressingIdentifier == address }.compactMap(\.routingIdentifier)
    }

    func legalUnit(siren: String) -> LegalUnit? { legalUnits.first { $0.siren == siren } }
    func facility(siret: String) -> Facility? { facilities.first { $0.siret == siret } }
}
