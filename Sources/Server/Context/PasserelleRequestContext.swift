import Gateway
import Hummingbird
import HummingbirdAuth

/// The request context of every route: Hummingbird's core storage plus the authenticated caller and a request id.
public struct PasserelleRequestContext: AuthRequestContext, RequestContext {
    public var coreContext: CoreRequestContextStorage
    /// Set by the authentication middleware; nil on public routes.
    public var identity: Principal?

    public init(source: Source) {
        self.coreContext = .init(source: source)
        self.identity = nil
    }

    /// The request body limit; the runtime's middleware enforces the configured size before routes read bodies.
    public var maxUploadSize: Int { 64 * 1024 * 1024 }

    /// The caller, required to hold `scope`; throws 401 when unauthenticated and 403 when the scope is missing.
    public func require(_ scope: Scope) throws -> Principal {
        guard let identity else {
            throw ProblemError(.unauthorized, title: "Authentication required",
                               detail: "Send an API key as `Authorization: Bearer <key>` or an OAuth2 access token.")
        }
        guard identity.allows(scope) else {
            throw ProblemError(.forbidden, title: "Missing scope",
                               detail: "This call needs the scope \(scope.rawValue); the key has \(identity.scopes.map(\.rawValue).sorted().joined(separator: ", ")).")
        }
        return identity
    }
}
