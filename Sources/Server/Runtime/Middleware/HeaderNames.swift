import Hummingbird
import HTTPTypes

extension HTTPField.Name {
    /// `X-Request-Id`: taken from the request when it is sane, else generated; echoed on every response.
    public static let requestID = literal("X-Request-Id")

    /// `Pragma: no-cache` on token responses (RFC 6749 §5.1).
    static let pragma = literal("Pragma")

    /// Names written in this file are constants known to be valid, so the check below never fails on any input.
    private static func literal(_ name: String) -> HTTPField.Name {
        guard let field = HTTPField.Name(name) else { preconditionFailure("\(name) is not a valid HTTP field name") }
        return field
    }
}

extension Request {
    /// The request id set by ``RequestIDMiddleware`` (also in `context.id` and the logger's metadata).
    public var requestID: String? { headers[.requestID] }
}
