import Foundation
import JWTKit

/// The claims of an OAuth2 access token issued by `POST /oauth/token`.
struct AccessTokenClaims: JWTPayload, Equatable {
    static let issuerName = "passerelle"

    /// `sub`: the API key id the token was issued to.
    var subject: SubjectClaim
    /// The key's tenant.
    var tenant: String
    /// The granted scopes (the key's, or the narrower set asked for).
    var scopes: [String]
    var expiration: ExpirationClaim
    var issuedAt: IssuedAtClaim
    /// `jti`: unique per token, recorded in the audit log.
    var id: IDClaim
    var issuer: IssuerClaim

    enum CodingKeys: String, CodingKey {
        case subject = "sub"
        case tenant
        case scopes
        case expiration = "exp"
        case issuedAt = "iat"
        case id = "jti"
        case issuer = "iss"
    }

    /// Signature checks happen in jwt-kit; time and issuer are checked by ``AccessTokens`` against its clock.
    func verify(using algorithm: some JWTAlgorithm) async throws {}
}
