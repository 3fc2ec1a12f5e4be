import AsyncHTTPClient
import Foundation
import NIOCore
import Synchronization

/// One webhook call made (or attempted), kept for the admin view and the tests.
public struct WebhookDelivery: Codable, Sendable, Hashable {
    public var webhookId: String
    public var flowId: String
    public var callbackUrl: String
    /// The HTTP status answered; nil when the call failed.
    public var status: Int?
    public var error: String?
    /// Whether this call is an injected duplicate.
    public var duplicate: Bool
    public var epochSeconds: Int64
}

/// Calls the webhooks, signed, one after the other; the fault settings may duplicate a call or reverse a batch.
final class WebhookDispatcher: Sendable {
    private let client: HTTPClient
    private let faults: FaultController
    private let log = Mutex<[WebhookDelivery]>([])
    private let timeout: Duration

    init(client: HTTPClient, faults: FaultController, timeout: Duration = .seconds(10)) {
        self.client = client
        self.faults = faults
        self.timeout = timeout
    }

    var deliveries: [WebhookDelivery] { log.withLock { $0 } }

    func deliver(_ notifications: [WebhookNotification]) async {
        guard !notifications.isEmpty else { return }
        var batch = notifications
        if batch.count > 1, faults.decide(\.webhookReorderRate) { batch.reverse() }
        for notification in batch {
            await call(notification, duplicate: false)
            if faults.decide(\.webhookDuplicateRate) { await call(notification, duplicate: true) }
        }
    }

    private func call(_ notification: WebhookNotification, duplicate: Bool) async {
        let payload = SandboxJSON.encode(notification.flow)
        let epoch = Int64(Date().timeIntervalSince1970)
        var request = HTTPClientRequest(url: notification.webhook.params.callbackUrl)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: WebhookSigning.signatureHeader,
                            value: WebhookSigning.signature(payload: payload, epochSeconds: epoch,
                                                            key: notification.webhook.key))
        request.headers.add(name: WebhookSigning.timestampHeader, value: String(epoch))
        request.body = .bytes(ByteBuffer(bytes: payload))
        var record = WebhookDelivery(webhookId: notification.webhook.id, flowId: notification.flow.flowId,
                                     callbackUrl: notification.webhook.params.callbackUrl, status: nil, error: nil,
                                     duplicate: duplicate, epochSeconds: epoch)
        do {
            let response = try await client.execute(request, timeout: .init(timeout))
            _ = try? await response.body.collect(upTo: 64 * 1024)
            record.status = Int(response.status.code)
        } catch {
            record.error = "\(error)"
        }
        log.withLock { $0.append(record) }
    }
}
