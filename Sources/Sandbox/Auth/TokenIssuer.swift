import Foundation
import JWTKit

/// A client allowed to ask for tokens (OAuth2 client credentials).
public struct ClientCredentials: Codable, Sendable, Hashable {
    public var clientId: String
    public var clientSecret: String

    public init(clientId: String, clientSecret: String) {
        self.clientId = clientId
        self.clientSecret = clientSecret
    }
}

/// The claims of a sandbox access token.
struct SandboxTokenClaims: JWTPayload {
    var sub: SubjectClaim
    var exp: ExpirationClaim
    var iat: IssuedAtClaim
    var iss: IssuerClaim

    static let issuer = "passerelle-sandbox"

    func verify(using algorithm: some JWTAlgorithm) async throws {
        try exp.verifyNotExpired()
    }
}

/// Issues and checks HS256 bearer tokens for the configured clients, with a lifetime in real seconds.
struct TokenIssuer: Sendable {
    enum Failure: Error { case invalid, expired }

    private let keys: JWTKeyCollection
    private let clients: [String: String]
    let lifetimeSeconds: Int

    init(clients: [ClientCredentials], lifetimeSeconds: Int) async {
        var generator = SystemRandomNumberGenerator()
        let secret = (0..<32).map { _ in UInt8.random(in: .min ... .max, using: &generator) }
        let keys = JWTKeyCollection()
        await keys.add(hmac: HMACKey(from: secret), digestAlgorithm: .sha256)
        self.keys = keys
        self.clients = Dictionary(clients.map { ($0.clientId, $0.clientSecret) }, uniquingKeysWith: { first, _ in first })
        self.lifetimeSeconds = lifetimeSeconds
    }

    /// Whether the pair is a configured client (compared in constant time).
    func authenticates(clientId: String, secret: String) -> Bool {
        guard let expected = clients[clientId] else { return false }
        let left = Array(expected.utf8)
        let right = Array(secret.utf8)
        guard left.count == right.count else { return false }
        return zip(left, right).reduce(UInt8(0)) { $0 | ($1.0 ^ $1.1) } == 0
    }

    func issue(clientId: String) async throws -> String {
        let now = Date()
        let claims = SandboxTokenClaims(
            sub: SubjectClaim(value: clientId), exp: ExpirationClaim(value: now.addingTimeInterval(Double(lifetimeSeconds))),
            iat: IssuedAtClaim(value: now), iss: IssuerClaim(value: SandboxTokenClaims.issuer))
        return try await keys.sign(claims)
    }

    /// The client id of a valid, unexpired token.
    func verify(_ token: String) async throws(Failure) -> String {
        let claims: SandboxTokenClaims
        do {
            claims = try await keys.verify(token, as: SandboxTokenClaims.self)
        } catch let error as JWTError where error.errorType == .claimVerificationFailure {
            throw .expired
        } catch {
            throw .invalid
        }
        guard claims.iss.value == SandboxTokenClaims.issuer, clients[claims.sub.value] != nil else { throw .invalid }
        return claims.sub.value
    }
}
