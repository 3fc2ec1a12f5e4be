import Crypto
import Foundation

/// Checks the signature of an AFNOR Flow Service webhook (XP Z12-013 Flow 1.3.0, `POST /v1/webhooks`):
/// `Afnor-Signature` = base64(HMAC-SHA-256(key, SHA-256(body + "@" + epoch))) over the raw digest bytes, with the
/// epoch seconds in `Afnor-Signature-Timestamp`; the key is the bytes whose base64 is the `signingKey` the platform
/// gave when the webhook was registered.
public enum PlatformWebhookSignature {
    public static let signatureHeader = "Afnor-Signature"
    public static let timestampHeader = "Afnor-Signature-Timestamp"

    /// Why a call was refused; the text goes into the 401 problem (it names no key and no expected value).
    public enum Refusal: Error, Sendable, Equatable, CustomStringConvertible {
        case missingSignature
        case missingTimestamp
        case unreadableTimestamp(String)
        /// The timestamp is further from our clock than the tolerance (a replayed or delayed call).
        case staleTimestamp(epoch: Int64, now: Int64, tolerance: Int64)
        case unreadableSignature
        /// No signing key of the platform produces this signature over this body and timestamp.
        case badSignature
        /// The platform has no signing key yet (its webhook is not registered).
        case noSigningKey(platform: String)

        public var description: String {
            switch self {
            case .missingSignature: "The Afnor-Signature header is missing."
            case .missingTimestamp: "The Afnor-Signature-Timestamp header is missing."
            case .unreadableTimestamp(let text):
                "Afnor-Signature-Timestamp must be epoch seconds; got \(text.prefix(32))."
            case .staleTimestamp(let epoch, let now, let tolerance):
                "Afnor-Signature-Timestamp \(epoch) is \(abs(now - epoch)) s from this server's clock (\(now)); calls older or newer than \(tolerance) s are refused."
            case .unreadableSignature: "Afnor-Signature is not base64."
            case .badSignature:
                "Afnor-Signature does not match the body and timestamp under the webhook's signing key."
            case .noSigningKey(let platform):
                "No signing key is known for platform \(platform): its webhook is not registered by this gateway."
            }
        }
    }

    /// The signature of `body` at `epochSeconds` (what the platform sends).
    public static func sign(body: [UInt8], epochSeconds: Int64, key: [UInt8]) -> String {
        Data(mac(body: body, epochSeconds: epochSeconds, key: key)).base64EncodedString()
    }

    /// Accepts the call when one of `keys` (the current key, and the previous one during a rotation) signed it
    /// within `tolerance` of `now`. The comparison is constant-time (swift-crypto's `isValidAuthenticationCode`).
    public static func verify(body: [UInt8], signature: String?, timestamp: String?, keys: [[UInt8]],
                              platform: String, now: Date, tolerance: Duration) throws(Refusal) {
        guard let signature, !signature.isEmpty else { throw .missingSignature }
        guard let timestamp, !timestamp.isEmpty else { throw .missingTimestamp }
        let trimmed = timestamp.trimmingCharacters(in: .whitespaces)
        guard let epoch = Int64(trimmed) else { throw .unreadableTimestamp(trimmed) }
        let nowSeconds = Int64(now.timeIntervalSince1970.rounded(.down))
        let window = tolerance.components.seconds
        guard abs(nowSeconds - epoch) <= window else {
            throw .staleTimestamp(epoch: epoch, now: nowSeconds, tolerance: window)
        }
        guard let given = Data(base64Encoded: signature.trimmingCharacters(in: .whitespaces)) else {
            throw .unreadableSignature
        }
        guard !keys.isEmpty else { throw .noSigningKey(platform: platform) }
        let fingerprint = Data(digest(body: body, epochSeconds: epoch))
        for key in keys where HMAC<SHA256>.isValidAuthenticationCode(
            given, authenticating: fingerprint, using: SymmetricKey(data: key))
        {
            return
        }
        throw .badSignature
    }

    static func digest(body: [UInt8], epochSeconds: Int64) -> SHA256.Digest {
        var hasher = SHA256()
        hasher.update(data: body)
        hasher.update(data: Array("@\(epochSeconds)".utf8))
        return hasher.finalize()
    }

    static func mac(body: [UInt8], epochSeconds: Int64, key: [UInt8]) -> [UInt8] {
        let code = HMAC<SHA256>.authenticationCode(
            for: Data(digest(body: body, epochSeconds: epochSeconds)), using: SymmetricKey(data: key))
        return Array(code)
    }
}
