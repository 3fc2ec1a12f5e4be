import Crypto
import Foundation

/// The signature of the AFNOR Flow Service webhooks (`POST /v1/webhooks` description): a SHA-256 fingerprint of
/// `payload + "@" + epochSeconds`, HMAC-SHA-256'd with the webhook's signing key, base64-encoded, sent in
/// `Afnor-Signature` with the epoch in `Afnor-Signature-Timestamp`. The key is the raw bytes whose base64 is the
/// `signingKey` returned at creation.
public enum WebhookSigning {
    public static let signatureHeader = "Afnor-Signature"
    public static let timestampHeader = "Afnor-Signature-Timestamp"

    public static func signature(payload: [UInt8], epochSeconds: Int64, key: [UInt8]) -> String {
        var message = payload
        message.append(contentsOf: Array("@\(epochSeconds)".utf8))
        let fingerprint = SHA256.hash(data: message)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(fingerprint), using: SymmetricKey(data: key))
        return Data(mac).base64EncodedString()
    }
}
