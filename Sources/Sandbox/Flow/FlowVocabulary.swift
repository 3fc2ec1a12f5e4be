/// The enumerations of the AFNOR Flow Service 1.3.0 (components/schemas), spelt as the spec spells them.

/// `ProcessingRule`.
public enum ProcessingRule: String, Codable, Sendable, CaseIterable {
    case b2b = "B2B", b2bInt = "B2BInt", b2c = "B2C", b2g = "B2G", b2gInt = "B2GInt", outOfScope = "OutOfScope"
    case b2gOutOfScope = "B2GOutOfScope", archiveOnly = "ArchiveOnly", notApplicable = "NotApplicable"
    case undefined = "Undefined"
}

/// `FlowSyntax`: the syntax of the original file.
public enum FlowSyntax: String, Codable, Sendable, CaseIterable {
    case cii = "CII", ubl = "UBL", facturX = "Factur-X", cdar = "CDAR", frr = "FRR"
}

/// `FlowProfile`.
public enum FlowProfile: String, Codable, Sendable, CaseIterable {
    case basic = "Basic", cius = "CIUS", extendedCTCFR = "Extended-CTC-FR", undefined = "Undefined"
}

/// `FlowType` (the values the sandbox produces are `CustomerInvoice`, `CustomerInvoiceLC`, `SupplierInvoiceLC`).
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

/// `FlowDirection`: `In` from the platform to the client, `Out` from the client to the platform.
public enum FlowDirection: String, Codable, Sendable, CaseIterable {
    case incoming = "In", outgoing = "Out"
}

/// `FlowAckStatus`.
public enum FlowAckStatus: String, Codable, Sendable, CaseIterable {
    case pending = "Pending", ok = "Ok", error = "Error"
}

/// `ReasonCodeEnum` of an acknowledgement detail (the spec allows other strings too).
public enum AckReasonCode: String, Codable, Sendable {
    case emptyAttachement = "EmptyAttachement", attachmentTypeError = "AttachmentTypeError", emptyFlow = "EmptyFlow"
    case otherTechnicalError = "OtherTechnicalError", invalidSchema = "InvalidSchema"
    case fileSizeExceeded = "FileSizeExceeded", flowTypeError = "FlowTypeError"
    case alreadyExistingFlow = "AlreadyExistingFlow", virusFound = "VirusFound", checksumMismatch = "ChecksumMismatch"
    case invoiceLCInvalidStatus = "InvoiceLCInvalidStatus", invoiceLCStatusError = "InvoiceLCStatusError"
    case invoiceLCRuleError = "InvoiceLCRuleError", invoiceLCAccessDenied = "InvoiceLCAccessDenied"
    case invoiceLCAmountError = "InvoiceLCAmountError"
}

/// `processingRuleSource`.
public enum ProcessingRuleSource: String, Codable, Sendable {
    case input = "Input", computed = "Computed"
}

/// The `docType` query parameter of `GET /v1/flows/{flowId}`.
public enum FlowDocType: String, Sendable, CaseIterable {
    case metadata = "Metadata", original = "Original", converted = "Converted", readableView = "ReadableView"
}
