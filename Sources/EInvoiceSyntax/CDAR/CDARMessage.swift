import EInvoice

/// One lifecycle message (the French "CDV", UN/CEFACT CrossDomainAcknowledgementAndResponse D22B): one status of
/// one invoice, sent by a platform, the buyer or the seller.
///
/// The writer (`CDARWriter`) and the reader (`CDARReader`) map it to the XML; docs/lifecycle.md has the table of
/// which element carries which field.
public struct CDARMessage: Sendable, Hashable {
    /// MDT-2, the business process (`REGULATED`, `NON_REGULATED`, `B2C`, `B2BINT`, `OUTOFSCOPE`); nil when absent.
    public var businessProcess: String?
    /// MDT-3, the guideline (`urn.cpro.gouv.fr:1p0:CDV:invoice`).
    public var guideline: String
    /// MDT-4, the message's own identifier: the key that makes receiving a message twice harmless.
    public var messageID: String
    /// MDG-4, when the message was issued.
    public var issueDateTime: LifecycleDateTime
    /// MDG-9, who sends the message (role `WK` for a platform in the transmission phase).
    public var sender: CDARParty
    /// MDG-10, who issued the status; nil when absent.
    public var issuer: CDARParty?
    /// MDG-11, the recipients (at least one).
    public var recipients: [CDARParty]
    /// MDG-33, the invoice the status is about.
    public var invoice: CDARInvoiceReference
    /// MDT-105 (`ram:ProcessConditionCode`). Its phase (MDT-77) and its MDT-88 code follow from the status table.
    public var status: LifecycleStatus
    /// When the status took effect (the acknowledgement's issue date-time).
    public var statusDateTime: LifecycleDateTime
    /// MDT-113 and texts: several reasons are allowed.
    public var reasons: [StatusReason]
    /// MDG-43: for 211 and 212, the amounts paid or cashed (per VAT rate).
    public var amounts: [StatusAmount]

    public static let defaultGuideline = "urn.cpro.gouv.fr:1p0:CDV:invoice"

    public init(
        messageID: String, issueDateTime: LifecycleDateTime, sender: CDARParty, issuer: CDARParty? = nil,
        recipients: [CDARParty], invoice: CDARInvoiceReference, status: LifecycleStatus,
        statusDateTime: LifecycleDateTime, reasons: [StatusReason] = [], amounts: [StatusAmount] = [],
        businessProcess: String? = "REGULATED", guideline: String = CDARMessage.defaultGuideline
    ) {
        self.businessProcess = businessProcess
        self.guideline = guideline
        self.messageID = messageID
        self.issueDateTime = issueDateTime
        self.sender = sender
        self.issuer = issuer
        self.recipients = recipients
        self.invoice = invoice
        self.status = status
        self.statusDateTime = statusDateTime
        self.reasons = reasons
        self.amounts = amounts
    }

    /// MDT-77: the phase of the status, processing (23) when the table gives none.
    public var phase: LifecyclePhase { status.phase ?? .processing }
}

/// A party of the message: a platform, the buyer, the seller, or the tax administration's platform (PPF).
public struct CDARParty: Sendable, Hashable {
    /// The party's identifier (`ram:GlobalID`), e.g. a SIREN; nil when absent.
    public var globalID: String?
    /// Its scheme (`@schemeID`): `0002` for a SIREN, `0238` for a platform's registration number.
    public var globalIDScheme: String?
    public var name: String?
    /// The role (UNCL 3035): `WK` platform, `BY` buyer, `SE` seller, `DFH` the PPF, …
    public var role: String
    /// The electronic address (`ram:URIUniversalCommunication/ram:URIID`, MDT-73); nil when absent.
    public var electronicAddress: String?
    /// Its scheme, `0225` for a French directory address.
    public var electronicAddressScheme: String?

    public init(
        globalID: String? = nil, globalIDScheme: String? = nil, name: String? = nil, role: String,
        electronicAddress: String? = nil, electronicAddressScheme: String? = nil
    ) {
        self.globalID = globalID
        self.globalIDScheme = globalIDScheme
        self.name = name
        self.role = role
        self.electronicAddress = electronicAddress
        self.electronicAddressScheme = electronicAddressScheme
    }

    /// A company known by its SIREN (scheme 0002).
    public static func siren(_ siren: String, role: String, name: String? = nil) -> CDARParty {
        CDARParty(globalID: siren, globalIDScheme: "0002", name: name, role: role)
    }
}

/// The invoice a status is about (MDG-33 `ram:ReferenceReferencedDocument`).
public struct CDARInvoiceReference: Sendable, Hashable {
    /// BT-1 (MDT-87), the invoice number.
    public var number: String
    /// BT-2 (MDG-35), the invoice's issue date.
    public var issueDate: CalendarDate
    /// BT-3 (MDT-91), the invoice type code (380, 381, …); nil when absent.
    public var typeCode: String?
    /// BT-30 (MDT-129), the seller's SIREN (scheme 0002, role SE).
    public var sellerSIREN: String

    public init(number: String, issueDate: CalendarDate, typeCode: String? = "380", sellerSIREN: String) {
        self.number = number
        self.issueDate = issueDate
        self.typeCode = typeCode
        self.sellerSIREN = sellerSIREN
    }
}
