/// The enumerations of the AFNOR XP Z12-013 Flow Service 1.3.0 (`components/schemas`), spelt as the spec spells them.
/// A value outside them in an answer is a breach of the contract: decoding names the field.

/// `ProcessingRule`.
public enum FlowProcessingRule: String, Codable, Sendable, CaseIterable {
    case b2b = "B2B", b2bInt = "B2BInt", b2c = "B2C", b2g = "B2G", b2gInt = "B2GInt", outOfScope = "OutOfScope"
    case b2gOutOfScope = "B2GOutOfScope", archiveOnly = "ArchiveOnly", notApplicable = "NotApplicable"
    case undefined = "Undefined"
}

/// `FlowSyntax`: the syntax of the file sent.
public enum FlowSyntax: String, Codable, Sendable, CaseIterable {
    case cii = "CII", ubl = "UBL", facturX = "Factur-X", cdar = "CDAR", frr = "FRR"
}

/// `FlowProfile`.
public enum FlowProfile: String, Codable, Sendable, CaseIterable {
    case basic = "Basic", cius = "CIUS", extendedCTCFR = "Extended-CTC-FR", undefined = "Undefined"
}

/// `FlowType`.
public enum FlowType: String, Codable, Sendable, CaseIterable {
    case customerInvoice = "CustomerInvoice", supplierInvoice = "SupplierInvoice"
    case customerInvoiceLC = "CustomerInvoiceLC", supplierInvoiceLC = "SupplierInvoiceLC"
    case stateCustomerInvoiceLC = "StateCustomerInvoiceLC", stateSupplierInvoiceLC = "StateSupplierInvoiceLC"
    case aggregatedCustomerTransactionReport = "AggregatedCustomerTransactionReport"
    case unitaryCustomerTransactionReport = "UnitaryCustomerTransactionReport"
    case aggregatedCustomerPaymentReport = "AggregatedCustomerPaymentReport"
    case unitaryCustomerPaymentReport = "UnitaryCustomerPaymentReport"
    case unitarySupplierTransactionReport = "UnitarySupplierTransactionReport"
    case multiFlowReport = "MultiFlowReport", stateCustomerInvoice = "StateCustomerInvoice"
    case stateSupplierInvoice = "StateSupplierInvoice", stateTransactionReport = "StateTransactionReport"
    case stateTransactionReportLC = "StateTransactionReportLC", statePaymentReport = "StatePaymentReport"
    case statePaymentReportLC = "StatePaymentReportLC", undefined = "Undefined"
}

/// `FlowDirection`: `In` from the platform to us, `Out` from us to the platform.
public enum FlowDirection: String, Codable, Sendable, CaseIterable {
    case incoming = "In", outgoing = "Out"
}

/// `FlowAckStatus`: the platform's technical acknowledgement of a flow (not the invoice's lifecycle).
public enum FlowAckStatus: String, Codable, Sendable, CaseIterable {
    case pending = "Pending", ok = "Ok", error = "Error"
}

/// `processingRuleSource`.
public enum FlowProcessingRuleSource: String, Codable, Sendable, CaseIterable {
    case input = "Input", computed = "Computed"
}

/// The `docType` query parameter of `GET /v1/flows/{flowId}`.
public enum FlowDocType: String, Sendable, CaseIterable {
    case metadata = "Metadata", original = "Original", converted = "Converted", readableView = "ReadableView"
}

/// The `ReasonCodeEnum` values of an acknowledgement detail that the client acts upon (the spec lets platforms
/// add others: a detail keeps its code as text).
public enum FlowReasonCode {
    public static let alreadyExistingFlow = "AlreadyExistingFlow"
    public static let checksumMismatch = "ChecksumMismatch"
    public static let emptyFlow = "EmptyFlow"
    public static let invalidSchema = "InvalidSchema"
    public static let flowTypeError = "FlowTypeError"
    public static let fileSizeExceeded = "FileSizeExceeded"
    public static let virusFound = "VirusFound"
    public static let otherTechnicalError = "OtherTechnicalError"
}
