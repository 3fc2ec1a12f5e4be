import Gateway

/// Turns a bearer token — an API key secret or an access token from `POST /oauth/token` — into a ``Principal``.
struct Authenticator: Sendable {
    /// Why a token was refused; `rawValue` is the metrics label and the audit outcome.
    enum Failure: String, Error, Sendable {
        case unknownKey = "unknown_key"
        case revokedKey = "revoked_key"
        case invalidToken = "invalid_token"
        case expiredToken = "expired_token"
    }

    /// A refusal, with the tenant and key when they are known (for the audit log).
    struct Refusal: Error, Sendable {
        var failure: Failure
        var tenant: TenantID?
        var keyID: String?
    }

    let cache: CredentialCache
    let tokens: AccessTokens

    func authenticate(bearer token: String) async throws -> Principal {
        if AccessTokens.looksLikeJWT(token) {
            return try await principal(accessToken: token)
        }
        return try await principal(apiKeySecret: token)
    }

    private func principal(apiKeySecret secret: String) async throws -> Principal {
        guard let record = try await cache.key(secretSHA256: APIKeys.lookupHash(of: secret)) else {
            throw Refusal(failure: .unknownKey)
        }
        guard !record.isRevoked else {
            throw Refusal(failure: .revokedKey, tenant: record.tenant, keyID: record.id)
        }
        return Principal(tenant: record.tenant, actor: record.id, scopes: record.scopes,
                         rateLimitPerSecond: record.rateLimitPerSecond)
    }

    private func principal(accessToken token: String) async throws -> Principal {
        let claims: AccessTokenClaims
        do {
            claims = try await tokens.verify(token)
        } catch .expired(let tenant, let subject) {
            throw Refusal(failure: .expiredToken, tenant: tenant, keyID: subject)
        } catch {
            throw Refusal(failure: .invalidToken)
        }
        let tenant = TenantID(claims.tenant)
        // The key the token was issued to must still exist and be valid: revoking a key ends its tokens too.
        guard let record = try await cache.key(id: claims.subject.value, tenant: tenant) else {
            throw Refusal(failure: .invalidToken, tenant: tenant, keyID: claims.subject.value)
        }
        guard !record.isRevoked else {
            throw Refusal(failure: .revokedKey, tenant: tenant, keyID: record.id)
        }
        // Never more than the key holds now (its scopes may have been narrowed since).
        let granted = Set(claims.scopes.compactMap(Scope.init(rawValue:)))
        let scopes = granted.filter { scope in record.scopes.contains(scope) || record.scopes.contains(.admin) }
        return Principal(tenant: tenant, actor: record.id, scopes: scopes,
                         rateLimitPerSecond: record.rateLimitPerSecond)
    }
}
