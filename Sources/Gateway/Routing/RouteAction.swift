import EInvoiceSyntax

/// The syntax an invoice is sent in.
public enum DeliveryFormat: String, Sendable, Codable, CaseIterable {
    /// UN/CEFACT CII D16B (the XML of Factur-X).
    case cii = "CII"
    /// UBL 2.1 Invoice or CreditNote.
    case ubl = "UBL"
    /// A PDF/A-3 with the CII embedded.
    case facturX = "Factur-X"

    /// The kind of stored document that carries this format.
    public var documentKind: DocumentKind {
        switch self {
        case .cii: .cii
        case .ubl: .ubl
        case .facturX: .facturX
        }
    }
}

/// The profile of the sent document (BT-24 names it). CII and UBL are sent as EN 16931; Factur-X may use any of its
/// profiles, MINIMUM only outside B2B (XP Z12-012 refuses it for B2B).
public enum DeliveryProfile: String, Sendable, Codable, CaseIterable {
    case en16931 = "EN16931"
    case extended = "EXTENDED"
    case basic = "BASIC"
    case basicWL = "BASIC-WL"
    case minimum = "MINIMUM"

    public var facturXProfile: FacturXProfile {
        switch self {
        case .en16931: .en16931
        case .extended: .extended
        case .basic: .basic
        case .basicWL: .basicWL
        case .minimum: .minimum
        }
    }

    /// The profiles the gateway can produce in `format`.
    public static func allowed(in format: DeliveryFormat) -> [DeliveryProfile] {
        switch format {
        case .cii, .ubl: [.en16931]
        case .facturX: [.en16931, .extended, .basic, .basicWL, .minimum]
        }
    }
}

/// The processing rule declared to the platform (the AFNOR Flow API's `processingRule`, the BAR note of BT-22).
public enum ProcessingRule: String, Sendable, Codable, CaseIterable {
    /// Domestic business to business: e-invoicing.
    case b2b = "B2B"
    /// Business to a buyer abroad: e-reporting of the transaction.
    case b2bInternational = "B2BInt"
    /// Business to the public sector (Chorus Pro).
    case b2g = "B2G"
    /// Business to consumer: e-reporting only.
    case b2c = "B2C"
    /// Outside the scope of French e-invoicing and e-reporting.
    case outOfScope = "OutOfScope"
}

/// Where the ``RoutingTarget/legacy`` invoices go: nowhere electronic, the ERP's old channel sends them.
public enum RoutingTarget {
    /// Not sent electronically: left to the ERP's former channel (paper, e-mail, EDI).
    public static let legacy = "legacy"
    /// The accredited platform's test environment (or Passerelle's own simulator).
    public static let sandbox = "sandbox"
    /// The public sector's platform.
    public static let chorusPro = "chorus-pro"
}

/// What a rule (or the default) says to do; an unset field is inferred from the invoice (see ``RoutingTable``).
public struct RouteAction: Hashable, Sendable {
    /// A named platform port (`production`, `sandbox`, `chorus-pro`…) or ``RoutingTarget/legacy``.
    public var target: String
    public var format: DeliveryFormat?
    public var profile: DeliveryProfile?
    public var processing: ProcessingRule?

    public init(target: String, format: DeliveryFormat? = nil, profile: DeliveryProfile? = nil,
                processing: ProcessingRule? = nil) {
        self.target = target
        self.format = format
        self.profile = profile
        self.processing = processing
    }
}
