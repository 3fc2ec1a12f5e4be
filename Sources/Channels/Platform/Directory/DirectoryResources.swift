/// The Directory Service 1.3.0 resources as the client reads them, with the spec's field names. Every field is
/// optional: the `fields` parameter may leave any out.
public enum AFNORDirectory {
    /// `addressRead`.
    public struct Address: Codable, Sendable, Hashable {
        public var addressLine1: String?
        public var addressLine2: String?
        public var addressLine3: String?
        public var postalCode: String?
        public var countrySubdivision: String?
        public var locality: String?
        public var countryCode: String?
        public var countryName: String?
    }

    /// `legalUnitPayloadHistory`: a company, by SIREN.
    public struct LegalUnit: Codable, Sendable, Hashable {
        public var siren: String?
        public var businessName: String?
        /// `Public` or `PrivateVatRegistered`.
        public var entityType: String?
        /// `A` active, `C` closed.
        public var administrativeStatus: String?
    }

    /// `facilityPayloadHistory`: an establishment, by SIRET.
    public struct Facility: Codable, Sendable, Hashable {
        public var siret: String?
        public var siren: String?
        public var name: String?
        /// `P` main, `S` secondary.
        public var facilityType: String?
        public var administrativeStatus: String?
        public var address: Address?
        public var legalUnit: LegalUnit?
    }

    /// `routingCodePayloadHistoryLegalUnitFacility`: a routing code of an establishment.
    public struct RoutingCode: Codable, Sendable, Hashable {
        public var routingIdentifier: String?
        public var siret: String?
        public var routingIdentifierType: String?
        public var routingCodeName: String?
        public var administrativeStatus: String?
        public var address: Address?
        public var legalUnit: LegalUnit?
        public var facility: Facility?
    }

    /// The routing code included in a directory line.
    public struct LineRoutingCode: Codable, Sendable, Hashable {
        public var routingIdentifier: String?
        public var routingIdentifierType: String?
        public var routingCodeName: String?
        public var administrativeStatus: String?
    }

    /// `directoryLinePayload…`: where a recipient receives its invoices (SIREN, SIREN/SIRET or SIREN/SIRET/routing
    /// code), the addressing identifier for BT-49 and the type of the receiving platform.
    public struct DirectoryLine: Codable, Sendable, Hashable {
        public var addressingIdentifier: String?
        /// `WK` an accredited platform (PA), `DFH` the public portal (PPF).
        public var platformType: String?
        /// `Enabled`, `Disabled` (no platform linked) or `Upcoming`.
        public var directoryLineStatus: String?
        public var siren: String?
        public var siret: String?
        public var routingIdentifier: String?
        public var addressingSuffix: String?
        public var routingCode: LineRoutingCode?
        public var legalUnit: LegalUnit?
        public var facility: Facility?
    }

    /// The answer of a `POST …/search`: the total (-1 when the service does not count) and one page.
    public struct SearchPage<Resource: Codable & Sendable & Hashable>: Codable, Sendable, Hashable {
        public var totalNumberOfResults: Int?
        public var results: [Resource]
    }

    /// One filter clause: `{op, value}` (`strict`, `contains` or `startWith`, as the spec allows per field).
    public struct Filter: Codable, Sendable, Hashable {
        public var op: String
        public var value: String

        public init(_ op: String = "strict", _ value: String) {
            self.op = op
            self.value = value
        }

        public static func strict(_ value: String) -> Filter { Filter("strict", value) }
        public static func contains(_ value: String) -> Filter { Filter("contains", value) }
        public static func startWith(_ value: String) -> Filter { Filter("startWith", value) }
    }

    /// One sorting criterion.
    public struct Sorting: Codable, Sendable, Hashable {
        public var field: String
        /// `ascending` or `descending`.
        public var order: String

        public init(field: String, order: String = "ascending") {
            self.field = field
            self.order = order
        }
    }

    /// The body of the four searches.
    public struct Search: Codable, Sendable, Hashable {
        public var filters: [String: Filter]
        public var sorting: [Sorting]?
        public var fields: [String]?
        public var include: [String]?
        public var limit: Int?
        public var ignore: Int?

        public init(filters: [String: Filter] = [:], sorting: [Sorting]? = nil, fields: [String]? = nil,
                    include: [String]? = nil, limit: Int? = nil, ignore: Int? = nil) {
            self.filters = filters
            self.sorting = sorting
            self.fields = fields
            self.include = include
            self.limit = limit
            self.ignore = ignore
        }
    }
}
