import Crypto
import Foundation
import Gateway
import Sandbox
import Server
import Testing

/// `POST /v1/platforms/{platform}/webhooks` over real HTTP, without workers: what is accepted, queued and refused.
@Suite("PlatformInbound webhook route")
struct PlatformInboundWebhookRouteTests {
    static let key = Array(SHA256.hash(data: Array("route test key".utf8)))
    static let path = PlatformWebhookEndpoint.path(platform: "pa")

    static func wiring() -> InboundGateway.Wiring {
        var wiring = InboundGateway.Wiring()
        wiring.endpoints = [PlatformWebhookEndpoint(name: "pa", tenant: InboundGateway.tenant,
                                                    keys: PlatformSigningKeys([key]))]
        return wiring
    }

    static func flowJSON(_ flowID: String, type: String = "CustomerInvoiceLC", direction: String = "In") -> [UInt8] {
        Array(#"{"flowId":"\#(flowID)","trackingId":"invoice:x","flowType":"\#(type)","flowDirection":"\#(direction)","name":"s.xml"}"#.utf8)
    }

    static func signed(_ body: [UInt8], epoch: Int64 = Int64(Date().timeIntervalSince1970), key: [UInt8] = key)
        -> [(String, String)] {
        [("Content-Type", "application/json"),
         ("Afnor-Signature", WebhookSigning.signature(payload: body, epochSeconds: epoch, key: key)),
         ("Afnor-Signature-Timestamp", String(epoch))]
    }

    @Test("a signed lifecycle flow is queued once (202 queued, then duplicate); an acknowledgement is ignored")
    func queuedOnce() async throws {
        try await InboundGateway.with(workers: 0, wiring: { _ in Self.wiring() }) { gateway in
            let body = Self.flowJSON("LC-1")
            let first = try await gateway.request(.POST, Self.path, headers: Self.signed(body), body: body,
                                                  authorized: false)
            #expect(first.status == 202)
            #expect(try first.json()["outcome"] as? String == "queued")
            let again = try await gateway.request(.POST, Self.path, headers: Self.signed(body), body: body,
                                                  authorized: false)
            #expect(again.status == 202)
            #expect(try again.json()["outcome"] as? String == "duplicate")
            let ack = Self.flowJSON("OUT-1", type: "CustomerInvoice", direction: "Out")
            let ignored = try await gateway.request(.POST, Self.path, headers: Self.signed(ack), body: ack,
                                                    authorized: false)
            #expect(ignored.status == 202)
            #expect(try ignored.json()["outcome"] as? String == "ignored")

            let jobs = try await gateway.jobs(.platformStatus)
            #expect(jobs.count == 1)
            let payload = try JSONDecoder().decode(PlatformStatusInbox.Payload.self,
                                                   from: Data((jobs.first?.payloadJSON ?? "").utf8))
            #expect(payload == PlatformStatusInbox.Payload(platform: "pa", flowID: "LC-1", trackingID: "invoice:x"))
        }
    }

    @Test("a bad or missing signature and a stale timestamp get 401 problems that say why; nothing is queued")
    func refusals() async throws {
        try await InboundGateway.with(workers: 0, wiring: { _ in Self.wiring() }) { gateway in
            let body = Self.flowJSON("LC-2")
            let otherKey = Array(SHA256.hash(data: Array("intruder".utf8)))
            let forged = try await gateway.request(.POST, Self.path, headers: Self.signed(body, key: otherKey),
                                                   body: body, authorized: false)
            #expect(forged.status == 401)
            #expect(try forged.json()["detail"] as? String
                    == PlatformWebhookSignature.Refusal.badSignature.description)
            #expect(try forged.json()["title"] as? String == "Webhook signature refused")

            let stale = Int64(Date().timeIntervalSince1970) - 600
            let old = try await gateway.request(.POST, Self.path, headers: Self.signed(body, epoch: stale),
                                                body: body, authorized: false)
            #expect(old.status == 401)
            #expect((try old.json()["detail"] as? String)?.contains("Afnor-Signature-Timestamp \(stale)") == true)

            let unsigned = try await gateway.request(.POST, Self.path, headers: [("Content-Type", "application/json")],
                                                     body: body, authorized: false)
            #expect(unsigned.status == 401)
            #expect(try unsigned.json()["detail"] as? String
                    == PlatformWebhookSignature.Refusal.missingSignature.description)

            let unknown = try await gateway.request(.POST, PlatformWebhookEndpoint.path(platform: "nope"),
                                                    headers: Self.signed(body), body: body, authorized: false)
            #expect(unknown.status == 404)
            #expect(try await gateway.jobs(.platformStatus).isEmpty)
        }
    }

    @Test("a signed body that is not a Flow is a 400, not a 500")
    func unreadableBody() async throws {
        try await InboundGateway.with(workers: 0, wiring: { _ in Self.wiring() }) { gateway in
            let body = Array(#"{"hello":"world"}"#.utf8)
            let reply = try await gateway.request(.POST, Self.path, headers: Self.signed(body), body: body,
                                                  authorized: false)
            #expect(reply.status == 400)
            #expect(try await gateway.jobs(.platformStatus).isEmpty)
        }
    }
}
