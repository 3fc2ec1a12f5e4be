import Crypto
import Foundation
import Gateway
import Testing

@testable import Server

@Suite("Runtime authentication: API keys, OAuth2 access tokens, scopes, audit")
struct RuntimeAuthTests {
    @Test("the first admin key works; no token, an unknown token and a revoked key are 401", arguments: TestBackend.all)
    func apiKeys(backend: TestBackend) async throws {
        try await RuntimeTestServer.with(backend: backend) { server in
            #expect(server.adminSecret.hasPrefix("psk_"))
            let admin = try await server.get("/test/whoami", bearer: server.adminSecret)
            #expect(admin.status == 200)
            #expect(admin.body.hasPrefix("default key_"))

            let anonymous = try await server.get("/test/whoami")
            #expect(anonymous.status == 401)
            #expect(anonymous.headers.first(name: "Content-Type") == "application/problem+json")

            let unknown = try await server.get("/test/whoami", bearer: "psk_AAAAAAAA_notakey")
            #expect(unknown.status == 401)
            #expect(unknown.body.contains("The API key is not known."))
            #expect(unknown.headers.first(name: "WWW-Authenticate")?.hasPrefix("Bearer") == true)

            let basic = try await server.get("/test/whoami", headers: [("Authorization", "Basic dXNlcjpwYXNz")])
            #expect(basic.status == 401)

            let key = try await server.makeKey(scopes: [.invoicesRead])
            try await server.revoke(key.record)
            let revoked = try await server.get("/test/whoami", bearer: key.secret)
            #expect(revoked.status == 401)
            #expect(revoked.body.contains("revoked"))

            let audit = try await server.audit()
            #expect(audit.contains { $0.action == "auth.refused" && $0.target == key.record.id && $0.outcome == "revoked_key" })
        }
    }

    @Test("a key revoked while cached stops working within auth.key_cache")
    func revocationDelay() async throws {
        try await RuntimeTestServer.with(configure: { $0.auth.keyCacheLifetime = .milliseconds(300) }) { server in
            let key = try await server.makeKey(scopes: [.invoicesRead])
            #expect(try await server.get("/test/whoami", bearer: key.secret).status == 200)
            try await server.revoke(key.record)
            try await Task.sleep(for: .milliseconds(400))
            #expect(try await server.get("/test/whoami", bearer: key.secret).status == 401)
        }
    }

    @Test("a key without the route's scope gets 403")
    func missingScope() async throws {
        try await RuntimeTestServer.with { server in
            let key = try await server.makeKey(scopes: [.masterDataRead])
            let reply = try await server.get("/test/whoami", bearer: key.secret)
            #expect(reply.status == 403)
            #expect(reply.body.contains("invoices:read"))
        }
    }

    @Test("POST /oauth/token issues a JWT that authenticates, narrowed to the scopes asked for", arguments: TestBackend.all)
    func clientCredentials(backend: TestBackend) async throws {
        try await RuntimeTestServer.with(backend: backend, configure: { $0.auth.keyCacheLifetime = .milliseconds(200) }) { server in
            let key = try await server.makeKey(scopes: [.invoicesRead, .invoicesWrite])
            let reply = try await server.token([
                ("grant_type", "client_credentials"), ("client_id", key.record.id), ("client_secret", key.secret),
                ("scope", "invoices:read"),
            ])
            #expect(reply.status == 200)
            #expect(reply.headers.first(name: "Cache-Control") == "no-store")
            let answer = try JSONDecoder().decode(TokenAnswer.self, from: Data(reply.body.utf8))
            #expect(answer.token_type == "Bearer")
            #expect(answer.expires_in == 900)
            #expect(answer.scope == "invoices:read")
            let claims = try Self.claims(of: answer.access_token)
            #expect(claims["sub"] as? String == key.record.id)
            #expect(claims["tenant"] as? String == "default")
            #expect(claims["scopes"] as? [String] == ["invoices:read"])
            #expect(claims["jti"] is String)
            let exp = try #require(claims["exp"] as? Double)
            let iat = try #require(claims["iat"] as? Double)
            #expect(abs(exp - iat - 900) < 1)

            let whoami = try await server.get("/test/whoami", bearer: answer.access_token)
            #expect(whoami.status == 200)
            #expect(whoami.body == "default \(key.record.id) invoices:read")
            // Narrowed: the token cannot write although the key can.
            let write = try await server.request(
                .POST, "/test/echo", headers: [("Authorization", "Bearer \(answer.access_token)")], body: [1])
            #expect(write.status == 403)

            // HTTP Basic client authentication (RFC 6749 §2.3.1).
            let basic = Data("\(key.record.id):\(RuntimeTestServer.formEncode(key.secret))".utf8).base64EncodedString()
            let viaBasic = try await server.token([("grant_type", "client_credentials")],
                                                  headers: [("Authorization", "Basic \(basic)")])
            #expect(viaBasic.status == 200)

            let audit = try await server.audit()
            #expect(audit.filter { $0.action == "oauth.token" && $0.actor == key.record.id }.count == 2)

            // Revoking the key ends its tokens too.
            try await server.revoke(key.record)
            try await Task.sleep(for: .milliseconds(300))
            #expect(try await server.get("/test/whoami", bearer: answer.access_token).status == 401)
        }
    }

    @Test("token errors follow RFC 6749 §5.2")
    func tokenErrors() async throws {
        try await RuntimeTestServer.with { server in
            let key = try await server.makeKey(scopes: [.invoicesRead])
            let cases: [([(String, String)], Int, String)] = [
                ([("grant_type", "password"), ("client_id", key.record.id), ("client_secret", key.secret)], 400,
                 "unsupported_grant_type"),
                ([("client_id", key.record.id), ("client_secret", key.secret)], 400, "invalid_request"),
                ([("grant_type", "client_credentials"), ("client_id", key.record.id), ("client_secret", "psk_wrong")],
                 401, "invalid_client"),
                ([("grant_type", "client_credentials"), ("client_id", "key_other"), ("client_secret", key.secret)],
                 401, "invalid_client"),
                ([("grant_type", "client_credentials"), ("client_id", key.record.id), ("client_secret", key.secret),
                  ("scope", "admin")], 400, "invalid_scope"),
                ([("grant_type", "client_credentials"), ("client_id", key.record.id), ("client_secret", key.secret),
                  ("scope", "invoices:delete")], 400, "invalid_scope"),
                ([("grant_type", "client_credentials"), ("grant_type", "client_credentials")], 400, "invalid_request"),
            ]
            for (fields, status, error) in cases {
                let reply = try await server.token(fields)
                #expect(reply.status == status, "\(fields) → \(reply.status) \(reply.body)")
                let body = try JSONSerialization.jsonObject(with: Data(reply.body.utf8)) as? [String: String]
                #expect(body?["error"] == error, "\(fields) → \(reply.body)")
                #expect(body?["error_description"]?.isEmpty == false)
            }
            let json = try await server.request(
                .POST, "/oauth/token", headers: [("Content-Type", "application/json")], body: Array("{}".utf8))
            #expect(json.status == 400)
        }
    }

    @Test("an expired token is refused, and so are tampered, unsigned and foreign tokens")
    func badTokens() async throws {
        try await RuntimeTestServer.with(configure: { $0.auth.tokenLifetime = .seconds(1) }) { server in
            let key = try await server.makeKey(scopes: [.invoicesRead])
            let reply = try await server.token([
                ("grant_type", "client_credentials"), ("client_id", key.record.id), ("client_secret", key.secret),
            ])
            let token = try JSONDecoder().decode(TokenAnswer.self, from: Data(reply.body.utf8)).access_token
            #expect(try await server.get("/test/whoami", bearer: token).status == 200)

            let parts = token.split(separator: ".").map(String.init)
            var claims = try Self.claims(of: token)
            claims["scopes"] = ["admin"]
            let forgedPayload = try Self.base64URL(JSONSerialization.data(withJSONObject: claims))
            let tampered = [parts[0], forgedPayload, parts[2]].joined(separator: ".")
            let unsigned = [Self.base64URL(Data(#"{"alg":"none","typ":"JWT"}"#.utf8)), forgedPayload, ""]
                .joined(separator: ".")
            let signingInput = parts[0] + "." + forgedPayload
            let foreignKey = SymmetricKey(data: Array("another-signing-key-of-at-least-32-bytes".utf8))
            let foreignMAC = HMAC<SHA256>.authenticationCode(for: Array(signingInput.utf8), using: foreignKey)
            let foreign = signingInput + "." + Self.base64URL(Data(foreignMAC))
            for bad in [tampered, unsigned, foreign, "a.b.c"] {
                let refused = try await server.get("/test/whoami", bearer: bad)
                #expect(refused.status == 401, "\(bad) was accepted")
                #expect(refused.body.contains("The access token is not valid."))
            }

            try await Task.sleep(for: .milliseconds(2_100))
            let expired = try await server.get("/test/whoami", bearer: token)
            #expect(expired.status == 401)
            #expect(expired.body.contains("expired"))
            let audit = try await server.audit()
            #expect(audit.contains { $0.action == "auth.refused" && $0.outcome == "expired_token" })
            let metrics = try await server.get("/metrics").body
            #expect(RuntimeHTTPTests.value(in: metrics, #"passerelle_auth_failures_total{reason="invalid_token"}"#) == 4)
        }
    }

    @Test("refusals are audited at most 10 a minute per tenant")
    func auditThrottle() async throws {
        try await RuntimeTestServer.with { server in
            let key = try await server.makeKey(scopes: [.invoicesRead])
            try await server.revoke(key.record)
            for _ in 0..<15 {
                #expect(try await server.get("/test/whoami", bearer: key.secret).status == 401)
            }
            let refusals = try await server.audit().filter { $0.action == "auth.refused" }
            #expect(refusals.count == 10)
        }
    }

    struct TokenAnswer: Decodable {
        var access_token: String
        var token_type: String
        var expires_in: Int
        var scope: String
    }

    static func claims(of token: String) throws -> [String: Any] {
        let parts = token.split(separator: ".")
        guard parts.count == 3 else { throw RuntimeTestFailure("not a JWT") }
        var base64 = parts[1].replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        while base64.count % 4 != 0 { base64 += "=" }
        guard let data = Data(base64Encoded: base64),
            let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        else { throw RuntimeTestFailure("unreadable claims") }
        return object
    }

    static func base64URL(_ data: Data) -> String {
        data.base64EncodedString().replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }
}
