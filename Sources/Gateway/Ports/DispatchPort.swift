import Foundation

/// What the dispatch step hands to a platform.
public struct DispatchRequest: Sendable {
    public var tenant: TenantID
    public var invoice: InvoiceRecord
    /// The document to send (the customer's preferred format).
    public var document: StoredDocument
    /// The same on every retry of the same step: the platform (or our adapter) deduplicates by it, together with
    /// the document's SHA-256, so that a retried dispatch never sends twice.
    public var submissionKey: String

    public init(tenant: TenantID, invoice: InvoiceRecord, document: StoredDocument, submissionKey: String) {
        self.tenant = tenant
        self.invoice = invoice
        self.document = document
        self.submissionKey = submissionKey
    }
}

/// What became of a dispatch.
public enum DispatchOutcome: Sendable, Equatable {
    /// Kept locally; nothing was sent.
    case held(reason: String)
    /// The platform accepted it under this id. `receipt`: the platform's answer, byte for byte (for the AFNOR Flow
    /// Service the `FullFlowInfo` JSON), kept as the invoice's `platform-receipt` document and archived.
    case submitted(platformID: String, receipt: [UInt8]? = nil)
}

/// The platform side: an accredited platform through the AFNOR Flow API, Chorus Pro, the sandbox — or hold.
/// Implementations must be idempotent on ``DispatchRequest/submissionKey``.
public protocol DispatchPort: Sendable {
    var name: String { get }
    func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome
}

/// The default until a platform is configured: keep every invoice here, in state `held`.
public struct HoldDispatcher: DispatchPort {
    public init() {}
    public var name: String { "hold" }
    public func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        .held(reason: "no platform is configured: the invoice is kept in Passerelle")
    }
}
