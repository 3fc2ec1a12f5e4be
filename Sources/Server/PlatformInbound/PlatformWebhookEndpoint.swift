import Foundation
import Gateway
import Synchronization

/// The signing keys of one platform's webhook: the current one, and the previous one while a rotation settles.
/// Set at start-up, once the webhook is registered (or read back from where it was kept).
public final class PlatformSigningKeys: Sendable {
    private let keys = Mutex<[[UInt8]]>([])

    public init(_ keys: [[UInt8]] = []) {
        self.keys.withLock { $0 = keys }
    }

    public var current: [[UInt8]] { keys.withLock { $0 } }

    /// Makes `key` the current key; the one it replaces stays accepted (in-flight calls signed with it).
    public func install(_ key: [UInt8]) {
        keys.withLock { keys in
            guard keys.first != key else { return }
            keys = [key] + keys.prefix(1)
        }
    }
}

/// Where one platform's webhooks land: `POST /v1/platforms/{name}/webhooks`.
public struct PlatformWebhookEndpoint: Sendable {
    /// The platform's name in the configuration and in the URL.
    public var name: String
    /// The tenant whose invoices the platform account carries.
    public var tenant: TenantID
    public var keys: PlatformSigningKeys
    /// Calls whose `Afnor-Signature-Timestamp` is further than this from our clock are refused (replays).
    public var tolerance: Duration

    public init(name: String, tenant: TenantID, keys: PlatformSigningKeys, tolerance: Duration = .seconds(300)) {
        self.name = name
        self.tenant = tenant
        self.keys = keys
        self.tolerance = tolerance
    }

    /// The path the platform calls.
    public static func path(platform: String) -> String { "/v1/platforms/\(platform)/webhooks" }
}

/// The body of an AFNOR Flow Service webhook: the `Flow` the call is about (only the fields we use).
struct PlatformFlowNotice: Decodable, Sendable {
    var flowId: String
    var trackingId: String?
    var flowType: String?
    var flowDirection: String?

    /// A lifecycle status of an invoice we sent: direction `In`, type `CustomerInvoiceLC` (absent fields accepted).
    var isCustomerLifecycle: Bool {
        (flowType == nil || flowType == "CustomerInvoiceLC") && (flowDirection == nil || flowDirection == "In")
    }
}
