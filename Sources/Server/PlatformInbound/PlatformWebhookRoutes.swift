import Foundation
import Gateway
import Hummingbird

/// `POST /v1/platforms/{platform}/webhooks`: the platform announces a flow. No API key: the call is authenticated by
/// its `Afnor-Signature` (``PlatformWebhookSignature``); a missing or bad signature, or a timestamp outside the
/// tolerance, is answered 401 with a problem that says which.
///
/// A signed lifecycle flow (`In`, `CustomerInvoiceLC`) is queued as a durable `platformStatus` job and answered
/// 202 at once (`{"flowId", "outcome": "queued" | "duplicate"}`); the workers fetch its CDAR message and record the
/// status, retrying while the platform does not answer. Other flows (acknowledgements of what we sent) are answered
/// 202 `ignored`.
public struct PlatformWebhookRoutes: Sendable {
    public var endpoints: [String: PlatformWebhookEndpoint]
    public var inbox: PlatformStatusInbox

    public init(endpoints: [PlatformWebhookEndpoint], inbox: PlatformStatusInbox) {
        self.endpoints = Dictionary(endpoints.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })
        self.inbox = inbox
    }

    struct Answer: Encodable {
        var flowId: String
        var outcome: String
    }

    public func register(on router: Router<PasserelleRequestContext>) {
        router.post("/v1/platforms/:platform/webhooks") { request, context -> Response in
            try await self.receive(request, context: context)
        }
    }

    func receive(_ request: Request, context: PasserelleRequestContext) async throws -> Response {
        let name = context.parameters.get("platform") ?? ""
        guard let endpoint = endpoints[name] else {
            throw ProblemError(.notFound, title: "Unknown platform",
                               detail: "No platform named \(name.prefix(64)) is configured on this gateway.")
        }
        let body = try await APIBody.bytes(request, context: context)
        do {
            try PlatformWebhookSignature.verify(
                body: body, signature: request.headerValue(PlatformWebhookSignature.signatureHeader),
                timestamp: request.headerValue(PlatformWebhookSignature.timestampHeader), keys: endpoint.keys.current,
                platform: endpoint.name, now: inbox.clock.now(), tolerance: endpoint.tolerance)
        } catch {
            context.logger.warning("platform \(endpoint.name) webhook refused: \(error)")
            throw ProblemError(.unauthorized, title: "Webhook signature refused", detail: String(describing: error),
                               type: "https://passerelle.dev/problems/webhook-signature")
        }
        let notice: PlatformFlowNotice
        do {
            notice = try JSONDecoder().decode(PlatformFlowNotice.self, from: Data(body))
        } catch {
            throw ProblemError(.badRequest, title: "Unreadable webhook body",
                               detail: "The body must be the AFNOR `Flow` JSON with at least `flowId`.")
        }
        guard notice.isCustomerLifecycle else {
            return try APIResponse.json(Answer(flowId: notice.flowId, outcome: "ignored"), status: .accepted)
        }
        let queued = try await inbox.announce(
            AnnouncedFlow(flowID: notice.flowId, trackingID: notice.trackingId), platform: endpoint.name,
            tenant: endpoint.tenant)
        context.logger.info("platform \(endpoint.name) announced lifecycle flow \(notice.flowId): \(queued ? "queued" : "already queued")")
        return try APIResponse.json(Answer(flowId: notice.flowId, outcome: queued ? "queued" : "duplicate"),
                                    status: .accepted)
    }
}

extension Request {
    /// The first value of a header, by its name (case-insensitive).
    func headerValue(_ name: String) -> String? {
        let lowered = name.lowercased()
        return headers.first { $0.name.canonicalName == lowered }?.value
    }
}
