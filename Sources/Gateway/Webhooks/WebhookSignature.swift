import Crypto
import Foundation

/// Signs webhook bodies the way the AFNOR Flow API signs its own (`Afnor-Signature`):
/// `base64(HMAC-SHA256(key, SHA256(body + "@" + epochSeconds)))`, with the epoch in a second header.
public enum WebhookSignature {
    public static let signatureHeader = "Passerelle-Signature"
    public static let timestampHeader = "Passerelle-Signature-Timestamp"
    public static let deliveryHeader = "Passerelle-Delivery-Id"
    public static let eventHeader = "Passerelle-Event"

    public static func sign(body: [UInt8], epochSeconds: Int64, secret: String) -> String {
        var message = body
        message.append(contentsOf: Array("@\(epochSeconds)".utf8))
        let digest = SHA256.hash(data: message)
        let mac = HMAC<SHA256>.authenticationCode(for: Data(digest), using: SymmetricKey(data: Array(secret.utf8)))
        return Data(mac).base64EncodedString()
    }

    /// Whether a signature is right and its timestamp within `tolerance` seconds of `now` (replay protection).
    public static func verify(body: [UInt8], epochSeconds: Int64, signature: String, secret: String,
                              now: Date = Date(), tolerance: Int64 = 300) -> Bool {
        guard abs(Int64(now.timeIntervalSince1970) - epochSeconds) <= tolerance else { return false }
        let expected = Array(sign(body: body, epochSeconds: epochSeconds, secret: secret).utf8)
        let given = Array(signature.utf8)
        guard expected.count == given.count else { return false }
        var difference: UInt8 = 0
        for (left, right) in zip(expected, given) { difference |= left ^ right }
        return difference == 0
    }
}
