import Channels
import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// `passerelle acceptance --sandbox URL`: the invoices routed to a platform are sent to a PA sandbox through the
/// AFNOR Flow client (``FlowDispatcher``), then the platform's verdict on each is awaited — its acknowledgement and
/// the first lifecycle status (CDAR) of the invoice.
struct AcceptanceSandbox: Sendable {
    /// The sandbox root: `URL/flow-service` and `URL/auth-service/token` are its Flow Service and token endpoint.
    var url: String
    var client: FlowClient
    /// How long to wait for each invoice's verdict.
    var timeout: Duration
    /// Move the sandbox clock with `POST /sandbox/advance` while waiting (sandbox-only admin route).
    var advance: Bool
    /// For the admin route's bearer token (the sandbox's own clients).
    var clientID: String
    var clientSecret: String

    init(url: String, clientID: String, clientSecret: String, timeout: Duration, advance: Bool) throws {
        self.clientID = clientID
        self.clientSecret = clientSecret
        var root = url
        while root.hasSuffix("/") { root.removeLast() }
        self.url = root
        self.client = try FlowClient(configuration: FlowClientConfiguration(
            flowURL: root + "/flow-service", tokenURL: root + "/auth-service/token", clientID: clientID,
            clientSecret: clientSecret))
        self.timeout = timeout
        self.advance = advance
    }

    /// Every platform target of the routing (Chorus Pro included) goes to the sandbox; `legacy` stays home.
    func ports(_ targets: Set<String>) -> [String: any DispatchPort] {
        var ports: [String: any DispatchPort] = [:]
        for target in targets where target != RoutingTarget.legacy {
            ports[target] = FlowDispatcher(name: target, client: client, breaker: CircuitBreaker(
                service: target, settings: .init(failureThreshold: 1_000, cooldown: .seconds(1))))
        }
        return ports
    }

    /// The platform's verdict on the invoice sent under `trackingId`; nil when no flow has it and `wait` is false
    /// (nothing was sent).
    func verdict(trackingId: String, wait: Bool) async -> AcceptanceReport.PlatformVerdict? {
        let deadline = ContinuousClock.now.advanced(by: timeout)
        var statuses: [String: CDARMessage] = [:]
        var last = AcceptanceReport.PlatformVerdict(verdict: .noVerdict, flowId: nil)
        while true {
            if advance { await advanceClock(seconds: 10) }
            do {
                let flows = try await client.searchAll(where: FlowSearchFilters(trackingId: trackingId)).collect()
                let invoiceFlow = flows.filter { $0.flowType != .customerInvoiceLC && $0.flowDirection == .outgoing }
                    .max { $0.submittedAt < $1.submittedAt }
                guard let invoiceFlow else {
                    if !wait { return nil }
                    last.detail = "no flow with tracking id \(trackingId) on the platform yet"
                    if ContinuousClock.now >= deadline { return last }
                    try? await Task.sleep(for: .milliseconds(500))
                    continue
                }
                last.flowId = invoiceFlow.flowId
                last.acknowledgement = invoiceFlow.acknowledgement.status.rawValue
                if let already = invoiceFlow.acknowledgement.detail(FlowReasonCode.alreadyExistingFlow) {
                    // A file sent by an earlier run: its verdict belongs to that flow and that run's tracking id.
                    last.detail = "the platform already had this very file (AlreadyExistingFlow: "
                        + "\(already.reasonMessage)); use a fresh sandbox to judge it again"
                    return last
                }
                if invoiceFlow.acknowledgement.status == .error {
                    last.verdict = .acknowledgementError
                    last.reasons = (invoiceFlow.acknowledgement.details ?? []).map {
                        .init(code: $0.reasonCode, text: $0.reasonMessage)
                    }
                    return last
                }
                let lifecycle = flows.filter { $0.flowType == .customerInvoiceLC }.sorted { $0.submittedAt < $1.submittedAt }
                for flow in lifecycle where statuses[flow.flowId] == nil {
                    let original = try await client.flow(id: flow.flowId, docType: .original)
                    statuses[flow.flowId] = try CDARReader().read(original.bytes)
                }
                let messages = lifecycle.compactMap { statuses[$0.flowId] }
                if let rejection = messages.first(where: { $0.status == .rejected }) {
                    last.verdict = .rejected
                    last.set(rejection)
                    return last
                }
                if let first = messages.first {
                    last.verdict = .accepted
                    last.set(first)
                    return last
                }
                last.detail = "acknowledgement \(invoiceFlow.acknowledgement.status.rawValue), no lifecycle status yet"
            } catch {
                last.detail = "the platform could not be asked: \(error)"
            }
            if ContinuousClock.now >= deadline { return last }
            try? await Task.sleep(for: .milliseconds(500))
        }
    }

    /// `POST /sandbox/advance {"seconds": N}` with a bearer token of the same client: runs the statuses due. A
    /// failure is left to the timeout.
    func advanceClock(seconds: Int) async {
        guard let tokenEndpoint = URL(string: url + "/auth-service/token"),
              let endpoint = URL(string: url + "/sandbox/advance") else { return }
        var tokenRequest = URLRequest(url: tokenEndpoint)
        tokenRequest.httpMethod = "POST"
        tokenRequest.setValue("application/x-www-form-urlencoded", forHTTPHeaderField: "Content-Type")
        let credentials = Data("\(clientID):\(clientSecret)".utf8).base64EncodedString()
        tokenRequest.setValue("Basic \(credentials)", forHTTPHeaderField: "Authorization")
        tokenRequest.httpBody = Data("grant_type=client_credentials".utf8)
        tokenRequest.timeoutInterval = 30
        guard let (tokenData, _) = try? await URLSession.shared.data(for: tokenRequest),
              let answer = try? JSONSerialization.jsonObject(with: tokenData) as? [String: Any],
              let token = answer["access_token"] as? String
        else { return }
        var request = URLRequest(url: endpoint)
        request.httpMethod = "POST"
        request.setValue("application/json", forHTTPHeaderField: "Content-Type")
        request.setValue("Bearer \(token)", forHTTPHeaderField: "Authorization")
        request.httpBody = Data(#"{"seconds": \#(seconds)}"#.utf8)
        request.timeoutInterval = 30
        _ = try? await URLSession.shared.data(for: request)
    }
}

extension AcceptanceReport {
    /// What the platform said about an invoice sent to it (`--sandbox`).
    struct PlatformVerdict: Codable, Sendable {
        enum Verdict: String, Codable, Sendable {
            /// A lifecycle status other than 213 (200 Déposée or later).
            case accepted
            /// 213 Rejetée, with its reasons (REJ_SEMAN, REJ_UNI…).
            case rejected
            /// The flow's acknowledgement is `Error` (InvalidSchema, EmptyFlow…).
            case acknowledgementError
            /// Nothing decisive before the timeout.
            case noVerdict
        }

        var verdict: Verdict
        /// The flow the invoice was sent as.
        var flowId: String?
        /// `Ok`, `Pending` or `Error`.
        var acknowledgement: String?
        /// MDT-105, e.g. `200`, `213`.
        var status: String?
        /// The reform's label (`Déposée`, `Rejetée`).
        var statusLabel: String?
        /// MDT-113 codes and texts, or the acknowledgement's reason codes and messages.
        var reasons: [Reason] = []
        /// Why there is no verdict (still pending, platform unreachable).
        var detail: String?

        struct Reason: Codable, Sendable {
            var code: String
            var text: String
        }

        mutating func set(_ message: CDARMessage) {
            status = message.status.code
            statusLabel = message.status.frenchLabel
            reasons = message.reasons.map { Reason(code: $0.code, text: $0.text) }
            detail = nil
        }

        /// One line for people: `flow 1b2c… — rejected, 213 Rejetée: REJ_SEMAN rules broken: BR-FR-12`.
        var summary: String {
            let flow = flowId.map { "flow \($0)" } ?? "no flow"
            let reasonText = reasons.map { [$0.code, $0.text].filter { !$0.isEmpty }.joined(separator: " ") }
                .joined(separator: "; ")
            var text = "\(flow) — \(verdict.rawValue)"
            if let status { text += ", \(status) \(statusLabel ?? "")".trimmingCharacters(in: .whitespaces) }
            if !reasonText.isEmpty { text += ": \(reasonText)" }
            if let detail { text += " (\(detail))" }
            return text
        }
    }
}
