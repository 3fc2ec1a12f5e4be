import Foundation

/// One line of `keys/public-keys.jsonl`: `{"keyId":"…","publicKey":"<64 hex: raw Ed25519 key>","validFrom":<ms>}`.
/// A key signs seals from `validFrom` until the next key's `validFrom`. Old keys stay, so old seals still verify.
public struct PublicKeyRecord: Sendable, Hashable {
    public var keyID: String
    /// The raw 32-byte Ed25519 public key, lower-case hex.
    public var publicKeyHex: String
    public var validFromMillis: Int64

    var line: [UInt8] {
        var object = CanonicalJSON()
        object.add("keyId", keyID)
        object.add("publicKey", publicKeyHex)
        object.add("validFrom", validFromMillis)
        return object.closed
    }

    private struct Fields: Decodable {
        let keyId: String
        let publicKey: String
        let validFrom: Int64
    }

    static func parse(_ bytes: [UInt8], decoder: JSONDecoder) throws -> PublicKeyRecord {
        let fields = try decoder.decode(Fields.self, from: Data(bytes))
        return PublicKeyRecord(keyID: fields.keyId, publicKeyHex: fields.publicKey, validFromMillis: fields.validFrom)
    }

    /// The PEM (SubjectPublicKeyInfo) that `openssl pkeyutl -verify -pubin` reads; nil when the hex is not 32 bytes.
    public var pem: String? {
        guard let raw = Hex.bytes(publicKeyHex), raw.count == 32 else { return nil }
        return PEM.publicKey(raw: raw)
    }
}
