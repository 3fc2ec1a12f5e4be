import Crypto
import Foundation
import Gateway
import JWTKit

/// Issues and verifies the HS256 access tokens of the OAuth2 client-credentials grant.
struct AccessTokens: Sendable {
    enum Failure: Error, Equatable {
        /// Malformed, wrongly signed or not ours.
        case invalid
        case expired(tenant: TenantID, subject: String)
    }

    struct Issued: Sendable {
        var token: String
        var claims: AccessTokenClaims
        var expiresInSeconds: Int
    }

    private let keys: JWTKeyCollection
    let lifetime: Duration
    let clock: any GatewayClock

    /// `signingKey`: at least 32 bytes (its UTF-8 bytes are the HMAC key).
    init(signingKey: String, lifetime: Duration, clock: any GatewayClock) async {
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: signingKey), digestAlgorithm: .sha256)
        self.keys = keys
        self.lifetime = lifetime
        self.clock = clock
    }

    func issue(keyID: String, tenant: TenantID, scopes: Set<Scope>) async throws -> Issued {
        let now = clock.now()
        let seconds = Int(lifetime.components.seconds)
        let claims = AccessTokenClaims(
            subject: SubjectClaim(value: keyID), tenant: tenant.rawValue, scopes: scopes.map(\.rawValue).sorted(),
            expiration: ExpirationClaim(value: now.addingTimeInterval(TimeInterval(seconds))),
            issuedAt: IssuedAtClaim(value: now), id: IDClaim(value: UUID().uuidString.lowercased()),
            issuer: IssuerClaim(value: AccessTokenClaims.issuerName))
        let token = try await keys.sign(claims)
        return Issued(token: token, claims: claims, expiresInSeconds: seconds)
    }

    /// The token's claims when it is ours, well formed and not expired.
    func verify(_ token: String) async throws(Failure) -> AccessTokenClaims {
        let claims: AccessTokenClaims
        do {
            claims = try await keys.verify(token, as: AccessTokenClaims.self)
        } catch {
            throw .invalid
        }
        guard claims.issuer.value == AccessTokenClaims.issuerName, !claims.tenant.isEmpty,
            !claims.subject.value.isEmpty
        else { throw .invalid }
        // Tokens are short-lived: a token issued "in the future" beyond a small clock skew is not ours.
        let now = clock.now()
        guard claims.issuedAt.value.timeIntervalSince(now) < 60 else { throw .invalid }
        guard claims.expiration.value > now else {
            throw .expired(tenant: TenantID(claims.tenant), subject: claims.subject.value)
        }
        return claims
    }

    /// Whether a bearer token looks like a JWT (three base64url parts) rather than an API key.
    static func looksLikeJWT(_ token: String) -> Bool {
        token.split(separator: ".", omittingEmptySubsequences: false).count == 3
    }
}
