import Foundation
import Gateway

/// The dispatch port of an accredited platform reached through its AFNOR Flow Service: sends the invoice's document
/// as a flow whose `trackingId` is the request's submission key, behind the platform's circuit breaker.
///
/// Never sends twice:
/// - before sending, it searches the platform for a flow with that `trackingId` (the process may have died after
///   the POST and before the pipeline's commit) and takes it when there is one;
/// - when the platform acknowledges the flow with `AlreadyExistingFlow` (it already has this very file), it finds
///   the flow that has it and answers with that one.
///
/// Transient failures (5xx, 429, timeouts, connection errors, the breaker open) throw a transient ``StepFailure``:
/// the pipeline retries with backoff. Refusals (4xx, an `Error` acknowledgement) throw a permanent one carrying
/// the platform's message.
public struct FlowDispatcher: DispatchPort {
    public let name: String
    public let client: FlowClient
    public let breaker: CircuitBreaker
    /// At most this many pages of 100 flows are read to find the flow holding a file already received.
    public var resolutionPageLimit = 50

    public init(name: String, client: FlowClient, breaker: CircuitBreaker) {
        self.name = name
        self.client = client
        self.breaker = breaker
    }

    public func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        do {
            return try await breaker.run({ try await send(request) }, isTransient: Self.countsAgainstPlatform)
        } catch let error as CircuitBreaker.OpenError {
            throw StepFailure(permanent: false, "platform \(name): \(error.description)")
        } catch let error as FlowClientError {
            throw StepFailure(permanent: !error.isTransient, "platform \(name): \(error.description)")
        }
    }

    /// Only the client's transient errors say the platform is unwell.
    static func countsAgainstPlatform(_ error: any Error) -> Bool {
        (error as? FlowClientError)?.isTransient ?? false
    }

    func send(_ request: DispatchRequest) async throws -> DispatchOutcome {
        let trackingId = Self.trackingId(request.submissionKey)
        let sha256 = FlowClient.sha256Hex(request.document.bytes)
        let earlier = try await client.searchAll(where: FlowSearchFilters(flowDirection: [.outgoing],
                                                                          trackingId: trackingId)).collect()
        if let outcome = try await outcome(ofEarlier: earlier, sha256: sha256) { return outcome }

        let submitted = try await client.submit(
            file: request.document.bytes, name: Self.fileName(request), syntax: try Self.syntax(request.document),
            trackingId: trackingId, sha256: sha256)
        let flow: Flow
        do {
            flow = try await client.flow(id: submitted.flowId)
        } catch {
            // Received (202) is what counts; the acknowledgement comes back later through the inbound side.
            return .submitted(platformID: submitted.flowId, receipt: submitted.receipt)
        }
        if let outcome = try await outcome(ofAcknowledged: flow, sha256: sha256) { return outcome }
        return .submitted(platformID: submitted.flowId, receipt: submitted.receipt)
    }

    /// What the flows already sent under this tracking id say: nil when there is none worth keeping (none, or only
    /// flows refused as damaged on the way), so that the file is sent.
    func outcome(ofEarlier flows: [Flow], sha256: String) async throws -> DispatchOutcome? {
        if let kept = flows.first(where: { $0.acknowledgement.status != .error }) {
            return .submitted(platformID: kept.flowId, receipt: try await metadataReceipt(kept.flowId))
        }
        for flow in flows {
            if let outcome = try await outcome(ofAcknowledged: flow, sha256: sha256) { return outcome }
        }
        return nil
    }

    /// The outcome an `Error` acknowledgement imposes; nil for `Ok`/`Pending`, and for a damaged transfer when
    /// it is an earlier flow (sent again).
    func outcome(ofAcknowledged flow: Flow, sha256: String) async throws -> DispatchOutcome? {
        guard flow.acknowledgement.status == .error else { return nil }
        if let detail = flow.acknowledgement.detail(FlowReasonCode.alreadyExistingFlow) {
            guard let existing = try await flowHolding(sha256: sha256, hint: detail.reasonMessage, besides: flow) else {
                throw StepFailure(permanent: true, "platform \(name): flow \(flow.flowId) refused as "
                    + "AlreadyExistingFlow (\(detail.reasonMessage)) but no flow of ours holds this file")
            }
            return .submitted(platformID: existing.flowId, receipt: existing.receipt)
        }
        if flow.acknowledgement.detail(FlowReasonCode.checksumMismatch) != nil {
            throw StepFailure(permanent: false, "platform \(name): flow \(flow.flowId) arrived damaged "
                + "(ChecksumMismatch); it will be sent again")
        }
        let reasons = (flow.acknowledgement.details ?? []).map { "\($0.reasonCode): \($0.reasonMessage)" }
        throw StepFailure(permanent: true, "platform \(name) refused flow \(flow.flowId): "
            + (reasons.isEmpty ? "acknowledgement Error without details" : reasons.joined(separator: "; ")))
    }

    /// The flow's metadata JSON as the platform gives it: the receipt of a flow found rather than sent now.
    func metadataReceipt(_ flowId: String) async throws -> [UInt8]? {
        try? await client.flow(id: flowId, docType: .metadata).bytes
    }

    /// `trackingId` takes at most 64 characters (`NotOnlyUuid`): a longer key is replaced by its SHA-256.
    static func trackingId(_ submissionKey: String) -> String {
        submissionKey.count <= 64 ? submissionKey : FlowClient.sha256Hex(Array(submissionKey.utf8))
    }

    static func syntax(_ document: StoredDocument) throws -> FlowSyntax {
        switch document.kind {
        case .cii: return .cii
        case .ubl: return .ubl
        case .facturX: return .facturX
        default:
            throw StepFailure(permanent: true, "a \(document.kind.rawValue) document cannot be sent as an invoice flow")
        }
    }

    /// `F2026-042.xml`: the invoice number with only safe characters.
    static func fileName(_ request: DispatchRequest) -> String {
        let safe = String(request.invoice.documentKey.number.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }.prefix(200))
        let base = safe.isEmpty ? "invoice" : safe
        return base + (request.document.kind == .facturX ? ".pdf" : ".xml")
    }
}
