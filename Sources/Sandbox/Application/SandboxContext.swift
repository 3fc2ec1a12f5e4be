import Hummingbird
import NIOCore

/// The request context of the sandbox: the connection (so that a fault can drop it) and, once the bearer token is
/// checked, the client the request is made for.
struct SandboxContext: RequestContext {
    var coreContext: CoreRequestContextStorage
    let channel: any Channel
    /// The OAuth2 client id of the token; nil before authentication.
    var clientID: String?

    init(source: ApplicationRequestContextSource) {
        coreContext = .init(source: source)
        channel = source.channel
        clientID = nil
    }

    /// The authenticated client (the middleware guarantees it on every API route).
    func owner() throws -> String {
        guard let clientID else { throw APIError.unauthorized("MISSING_TOKEN", "a bearer token is required") }
        return clientID
    }
}
