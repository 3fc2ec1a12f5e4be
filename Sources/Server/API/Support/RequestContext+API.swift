import Foundation
import Gateway
import Hummingbird

extension PasserelleRequestContext {
    /// The caller, holding at least one of `scopes` (for routes that several kinds of clients read).
    func requireAny(_ scopes: [Scope]) throws -> Principal {
        guard let identity, let first = scopes.first else { return try require(scopes.first ?? .admin) }
        guard scopes.contains(where: identity.allows) else {
            _ = try require(first)
            throw ProblemError(.forbidden, title: "Missing scope")
        }
        return identity
    }

    /// The id of this request, as the logs name it.
    var requestID: String { APIErrorMapping.requestID(self) }

    /// A path parameter, percent-decoded.
    func pathParameter(_ name: String) throws -> String {
        guard let raw = parameters.get(name) else {
            throw ProblemError(.badRequest, title: "Missing path parameter", detail: "The path needs a \(name).")
        }
        guard let decoded = raw.removingPercentEncoding, !decoded.isEmpty else {
            throw ProblemError(.badRequest, title: "Invalid path parameter",
                               detail: "The \(name) in the path is not valid percent-encoded UTF-8.")
        }
        return decoded
    }
}
