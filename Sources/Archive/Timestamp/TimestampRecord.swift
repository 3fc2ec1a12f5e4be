import Foundation

/// One line of `timestamps.jsonl`, next to `seals.jsonl`: a seal's RFC 3161 token.
/// `{"seal":3,"sealHash":"<64 hex>","tsa":"<url>","nonce":"<hex>","token":"<base64 DER TimeStampToken>"}`
///
/// The line needs no hash of its own: the token is signed by the TSA over the seal's hash, so any change to
/// the token, or to the seal, is found by `verify`.
public struct TimestampRecord: Sendable, Hashable {
    public var sealNumber: Int
    public var sealHash: String
    public var authorityURL: String
    public var nonceHex: String
    public var token: [UInt8]

    var line: [UInt8] {
        var object = CanonicalJSON()
        object.add("seal", sealNumber)
        object.add("sealHash", sealHash)
        object.add("tsa", authorityURL)
        object.add("nonce", nonceHex)
        object.add("token", Data(token).base64EncodedString())
        return object.closed
    }

    private struct Fields: Decodable {
        let seal: Int
        let sealHash: String
        let tsa: String
        let nonce: String
        let token: String
    }

    static func parse(_ bytes: [UInt8], decoder: JSONDecoder) throws -> TimestampRecord {
        let fields = try decoder.decode(Fields.self, from: Data(bytes))
        guard let token = Data(base64Encoded: fields.token) else { throw TimestampProblem("token is not base64") }
        return TimestampRecord(sealNumber: fields.seal, sealHash: fields.sealHash, authorityURL: fields.tsa,
                               nonceHex: fields.nonce, token: Array(token))
    }
}

/// The checks of one token against the seal it stamps; the first one that fails, as verify reports it.
enum TimestampCheck {
    struct Finding: Error {
        var field: String
        var expected: String
        var found: String
        var explanation: String
    }

    static func check(_ record: TimestampRecord, seal: Seal, trust: TimestampTrust?, tolerance: TimeInterval) -> Finding? {
        if record.sealHash != seal.hash {
            return Finding(field: "sealHash", expected: seal.hash, found: record.sealHash,
                           explanation: "the token was recorded for another seal")
        }
        let token: TimestampToken
        do {
            token = try TimestampToken(derEncoded: record.token)
        } catch {
            return Finding(field: "timestamp", expected: "a DER RFC 3161 TimeStampToken", found: "\(error)",
                           explanation: "the stored token cannot be read (altered or cut)")
        }
        let info = token.info
        if info.hashAlgorithm != TimestampOID.sha256 {
            return Finding(field: "timestamp.hashAlgorithm", expected: "SHA-256 (\(TimestampOID.sha256))",
                           found: "\(info.hashAlgorithm)", explanation: "the token does not stamp a SHA-256")
        }
        if Hex.string(info.hashedMessage) != seal.hash {
            return Finding(field: "timestamp.messageImprint", expected: seal.hash, found: Hex.string(info.hashedMessage),
                           explanation: "the token stamps another hash than this seal's")
        }
        if info.nonceHex != record.nonceHex {
            return Finding(field: "timestamp.nonce", expected: record.nonceHex, found: info.nonceHex ?? "none",
                           explanation: "the token does not answer the request that was sent")
        }
        let earliest = seal.time.addingTimeInterval(-tolerance)
        if info.genTime < earliest {
            return Finding(field: "timestamp.genTime", expected: "at or after \(earliest.ISO8601Format())",
                           found: info.genTime.ISO8601Format(),
                           explanation: "the token claims a time before the seal existed (beyond the tolerance)")
        }
        do {
            try TimestampTokenVerifier.verifySignature(token, trust: trust)
        } catch {
            return Finding(field: "timestamp.signature", expected: "a valid CMS signature of the configured TSA",
                           found: "\(error)", explanation: "the token was altered or signed by another TSA")
        }
        return nil
    }
}
