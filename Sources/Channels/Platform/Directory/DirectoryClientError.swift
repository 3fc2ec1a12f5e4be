import Gateway

/// The spec's `Error` body (Directory Service 1.3.0): `errorCode` always, the rest when the service says.
public struct DirectoryErrorBody: Codable, Sendable, Hashable {
    public var errorCode: String
    public var errorMessage: String?
    public var type: String?
    public var details: String?
    public var instance: String?
}

/// Why a Directory Service call failed.
public enum DirectoryClientError: Error, Sendable, Hashable, CustomStringConvertible {
    /// No HTTP answer: connection refused, DNS, TLS, timeout.
    case unreachable(url: String, message: String)
    /// The token endpoint refused the client credentials (or failed).
    case tokenRefused(status: Int, body: String)
    /// The service answered with an error status; `error` is its body when it was the spec's.
    case service(status: Int, path: String, error: DirectoryErrorBody?)
    /// A 2xx answer that is not what the spec describes.
    case malformedAnswer(path: String, message: String)
    /// A value refused before asking (e.g. a SIREN that is not 9 digits).
    case invalidRequest(String)

    /// Whether asking again later may work: no answer, 408, 429 and 5xx (also from the token endpoint).
    public var isTransient: Bool {
        switch self {
        case .unreachable: true
        case .tokenRefused(let status, _), .service(let status, _, _): Self.transientStatuses.contains(status) || status >= 500
        case .malformedAnswer, .invalidRequest: false
        }
    }

    static let transientStatuses: Set<Int> = [408, 425, 429]

    public var description: String {
        switch self {
        case .unreachable(let url, let message): "\(url) did not answer: \(message)"
        case .tokenRefused(let status, let body): "the token endpoint answered \(status): \(body)"
        case .service(let status, let path, let error):
            "\(path) answered \(status)" + (error.map { body in
                " \(body.errorCode)" + (body.errorMessage.map { ": \($0)" } ?? "") + (body.details.map { " (\($0))" } ?? "")
            } ?? "")
        case .malformedAnswer(let path, let message): "\(path) answered something unexpected: \(message)"
        case .invalidRequest(let message): message
        }
    }

    /// The gateway's view: transient failures are ``DirectoryFailure/unavailable(_:)``, the others ``refused``.
    var failure: DirectoryFailure {
        isTransient ? .unavailable(description) : .refused(description)
    }
}
