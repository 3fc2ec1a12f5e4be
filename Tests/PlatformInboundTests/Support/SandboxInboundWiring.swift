import AsyncHTTPClient
import Foundation
import Gateway
import GatewayStorage
import NIOCore
import NIOHTTP1
import Server
import ServiceLifecycle

/// The sandbox's Flow Service as a ``PlatformInboundPort``, over plain HTTP with the test's token: what
/// `FlowLifecycleSource` does over `FlowClient` (flow-client's branch), kept here so that the inbound side is
/// tested end to end before that client is merged.
struct SandboxFlowPort: PlatformInboundPort {
    let name: String
    let sandbox: PlatformSandbox

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func lifecycleMessage(flowID: String) async throws -> [UInt8] {
        var request = HTTPClientRequest(url: sandbox.flowURL + "/v1/flows/\(flowID)?docType=Original")
        request.headers.add(name: "Authorization", value: "Bearer \(sandbox.token)")
        let response = try await sandbox.client.execute(request, timeout: .seconds(2))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard response.status.code == 200 else { throw Failure(description: "GET flow \(flowID): \(response.status.code)") }
        return Array(buffer: body)
    }

    func lifecycleFlows(updatedAfter: Date?, cursor: String?) async throws -> LifecycleFlowPage {
        var filters: [String: Any] = ["flowDirection": ["In"], "flowType": ["CustomerInvoiceLC"]]
        if let updatedAfter {
            filters["updatedAfter"] = updatedAfter.formatted(Date.ISO8601FormatStyle(includingFractionalSeconds: true))
        }
        var json: [String: Any] = ["where": filters, "limit": 100]
        if let cursor { json["cursor"] = cursor }
        var request = HTTPClientRequest(url: sandbox.flowURL + "/v1/flows/search")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(sandbox.token)")
        request.headers.add(name: "Content-Type", value: "application/json")
        request.body = .bytes(ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: json))))
        let response = try await sandbox.client.execute(request, timeout: .seconds(2))
        let body = try await response.body.collect(upTo: 16 << 20)
        guard response.status.code == 200,
            let page = try JSONSerialization.jsonObject(with: Data(Array(buffer: body))) as? [String: Any]
        else { throw Failure(description: "search: \(response.status.code)") }
        let flows = (page["results"] as? [[String: Any]] ?? []).compactMap { flow -> AnnouncedFlow? in
            guard let id = flow["flowId"] as? String else { return nil }
            let updated = (flow["updatedAt"] as? String).flatMap { try? Date($0, strategy: .iso8601) }
                ?? (flow["updatedAt"] as? String).flatMap {
                    try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse($0)
                }
            return AnnouncedFlow(flowID: id, trackingID: flow["trackingId"] as? String, updatedAt: updated)
        }
        return LifecycleFlowPage(flows: flows, nextCursor: page["nextCursor"] as? String)
    }
}

/// The gateway wired to a sandbox for the inbound side: the port, the webhook endpoint (its key installed once
/// the webhook is registered on the sandbox) and, when asked, the polling fallback. Invoices are held by the
/// gateway and handed to the sandbox by ``submit(_:id:)`` as the dispatcher would (same trackingId).
struct SandboxInboundWiring: Sendable {
    static let name = "sandbox"
    let sandbox: PlatformSandbox
    let keys = PlatformSigningKeys()

    var port: SandboxFlowPort { SandboxFlowPort(name: Self.name, sandbox: sandbox) }

    func wiring(webhooks: Bool, polling: Bool, interval: Duration = .milliseconds(200)) -> InboundGateway.Wiring {
        var wiring = InboundGateway.Wiring()
        let port = self.port
        wiring.platforms = [port]
        if webhooks {
            wiring.endpoints = [PlatformWebhookEndpoint(name: Self.name, tenant: InboundGateway.tenant, keys: keys)]
        }
        if polling {
            wiring.services = { components, sqlStore in
                [PlatformPollingService(
                    poller: PlatformStatusPoller(
                        platform: port, tenant: InboundGateway.tenant,
                        inbox: PlatformStatusInbox(store: components.store, clock: components.clock),
                        cursors: sqlStore),
                    interval: interval, readiness: components.readiness, logger: components.logger)]
            }
        }
        return wiring
    }

    /// Registers `gatewayURL`'s webhook on the sandbox (`In` / `CustomerInvoiceLC`); returns its id and key.
    func register(gatewayURL: String) async throws -> (id: String, key: [UInt8]) {
        let (status, object) = try await sandbox.call(.POST, "/flow-service/v1/webhooks", json: [
            "callbackUrl": gatewayURL + PlatformWebhookEndpoint.path(platform: Self.name),
            "flowTypes": ["CustomerInvoiceLC"], "flowDirection": "In",
        ])
        guard status == 201, let answer = object as? [String: Any], let id = answer["webhookId"] as? String,
            let encoded = answer["signingKey"] as? String, let key = Data(base64Encoded: encoded)
        else { throw InboundTestFailure("POST /v1/webhooks answered \(status)") }
        return (id, Array(key))
    }

    /// Hands the gateway's rendered CII of invoice `id` to the sandbox with trackingId `invoice:<id>`.
    func submit(_ gateway: InboundGateway, id: InvoiceID) async throws {
        let document = try await gateway.store.read { transaction in
            try await transaction.document(invoice: id, kind: .cii, tenant: InboundGateway.tenant)
        }
        guard let document else { throw InboundTestFailure("invoice \(id) has no CII") }
        let boundary = "inbound-\(UUID().uuidString)"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"flowInfo\"\r\n".utf8)
        body += Array("Content-Type: application/json\r\n\r\n".utf8)
        body += Array(try JSONSerialization.data(withJSONObject: [
            "trackingId": "invoice:\(id.rawValue)", "name": "\(id.rawValue).xml", "flowSyntax": "CII",
        ]))
        body += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"i.xml\"\r\n".utf8)
        body += Array("Content-Type: application/xml\r\n\r\n".utf8)
        body += document.bytes
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        var request = HTTPClientRequest(url: sandbox.flowURL + "/v1/flows")
        request.method = .POST
        request.headers.add(name: "Authorization", value: "Bearer \(sandbox.token)")
        request.headers.add(name: "Content-Type", value: "multipart/form-data; boundary=\(boundary)")
        request.body = .bytes(ByteBuffer(bytes: body))
        let response = try await sandbox.client.execute(request, timeout: .seconds(30))
        _ = try await response.body.collect(upTo: 1 << 20)
        guard response.status.code == 202 else { throw InboundTestFailure("POST /v1/flows: \(response.status.code)") }
    }

    /// ERP posts → the gateway checks and holds → handed to the sandbox.
    func send(_ gateway: InboundGateway, _ cii: [UInt8]) async throws -> InvoiceID {
        let id = try await InboundChecks.post(gateway, cii)
        try await eventually("invoice \(id) to be held, ready to send") {
            try await InboundChecks.state(gateway, id) == .held
        }
        try await submit(gateway, id: id)
        return id
    }

    /// Runs `body` with a sandbox, a gateway wired to it, and an ERP receiver subscribed to every event.
    static func run<Value: Sendable>(
        webhooks: Bool, polling: Bool, workers: Int = 2,
        _ body: @Sendable (PlatformSandbox, InboundGateway, ERPReceiver, SandboxInboundWiring) async throws -> Value
    ) async throws -> Value {
        try await PlatformSandbox.with(try PlatformSandbox.configuration(scenario: InboundInvoices.scenario)) {
            sandbox in
            let platform = SandboxInboundWiring(sandbox: sandbox)
            return try await InboundGateway.with(
                workers: workers, wiring: { _ in platform.wiring(webhooks: webhooks, polling: polling) }
            ) { gateway in
                try await gateway.withoutCatalogue()
                if webhooks { platform.keys.install(try await platform.register(gatewayURL: gateway.url).key) }
                let erp = ERPReceiver()
                return try await erp.serve { erpURL in
                    try await gateway.subscribe(url: erpURL)
                    return try await body(sandbox, gateway, erp, platform)
                }
            }
        }
    }
}
