import Crypto
import Foundation

/// AWS credentials: from the environment (`AWS_ACCESS_KEY_ID`, `AWS_SECRET_ACCESS_KEY`, optional
/// `AWS_SESSION_TOKEN`) or given directly.
public struct S3Credentials: Sendable, Hashable {
    public var accessKeyID: String
    public var secretAccessKey: String
    public var sessionToken: String?

    public init(accessKeyID: String, secretAccessKey: String, sessionToken: String? = nil) {
        self.accessKeyID = accessKeyID
        self.secretAccessKey = secretAccessKey
        self.sessionToken = sessionToken
    }

    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) throws
        -> S3Credentials {
        guard let key = environment["AWS_ACCESS_KEY_ID"], !key.isEmpty,
            let secret = environment["AWS_SECRET_ACCESS_KEY"], !secret.isEmpty
        else { throw ArchiveError.s3("set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY to reach S3") }
        let token = environment["AWS_SESSION_TOKEN"].flatMap { $0.isEmpty ? nil : $0 }
        return S3Credentials(accessKeyID: key, secretAccessKey: secret, sessionToken: token)
    }
}

/// AWS Signature Version 4 for S3 (the `Authorization` header form), as published in the S3 API reference
/// ("Authenticating Requests: Using the Authorization Header"):
/// canonical request → string to sign → HMAC-SHA256 chain over date, region, service and `aws4_request`.
struct S3Signer: Sendable {
    let credentials: S3Credentials
    let region: String
    let service = "s3"

    /// Adds `x-amz-date`, `x-amz-content-sha256`, the session token if any, and `Authorization` to `headers`.
    /// - Parameters:
    ///   - path: the URI-encoded absolute path (`/bucket/key`), as sent.
    ///   - query: the query parameters, not yet encoded.
    ///   - headers: lower-case names; must include `host`.
    func sign(method: String, path: String, query: [(String, String)], headers: inout [String: String],
              payloadSHA256: String, date: Date) {
        let stamp = Self.timestamp(date)
        let day = String(stamp.prefix(8))
        headers["x-amz-date"] = stamp
        headers["x-amz-content-sha256"] = payloadSHA256
        if let token = credentials.sessionToken { headers["x-amz-security-token"] = token }
        let names = headers.keys.map { $0.lowercased() }.sorted()
        let canonicalHeaders = names.map { name in
            "\(name):\(headers[name]?.trimmingCharacters(in: .whitespaces) ?? "")\n"
        }.joined()
        let signedHeaders = names.joined(separator: ";")
        let canonical = [
            method, path, Self.canonicalQuery(query), canonicalHeaders, signedHeaders, payloadSHA256,
        ].joined(separator: "\n")
        let scope = "\(day)/\(region)/\(service)/aws4_request"
        let toSign = ["AWS4-HMAC-SHA256", stamp, scope, Digest.sha256(Data(canonical.utf8))].joined(separator: "\n")
        var key = SymmetricKey(data: Data("AWS4\(credentials.secretAccessKey)".utf8))
        for part in [day, region, service, "aws4_request"] {
            key = SymmetricKey(data: Data(HMAC<SHA256>.authenticationCode(for: Data(part.utf8), using: key)))
        }
        let signature = Hex.string(Array(HMAC<SHA256>.authenticationCode(for: Data(toSign.utf8), using: key)))
        headers["authorization"] = "AWS4-HMAC-SHA256 Credential=\(credentials.accessKeyID)/\(scope), "
            + "SignedHeaders=\(signedHeaders), Signature=\(signature)"
    }

    static func canonicalQuery(_ query: [(String, String)]) -> String {
        let encoded: [(name: String, value: String)] = query.map { (encode($0.0), encode($0.1)) }
        let sorted = encoded.sorted { left, right in
            left.name == right.name ? left.value < right.value : left.name < right.name
        }
        return sorted.map { $0.name + "=" + $0.value }.joined(separator: "&")
    }

    /// RFC 3986 percent-encoding of everything but the unreserved characters (and `/` when `keepSlash`).
    static func encode(_ text: String, keepSlash: Bool = false) -> String {
        var out = ""
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"),
                UInt8(ascii: "~"):
                out.append(Character(UnicodeScalar(byte)))
            case UInt8(ascii: "/") where keepSlash:
                out.append("/")
            default:
                out += String(format: "%%%02X", byte)
            }
        }
        return out
    }

    static func timestamp(_ date: Date) -> String {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return String(format: "%04d%02d%02dT%02d%02d%02dZ", parts.year ?? 0, parts.month ?? 0, parts.day ?? 0,
                      parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0)
    }
}
