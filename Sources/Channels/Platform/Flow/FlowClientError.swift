import Foundation

/// A Flow Service call that failed: which call, the HTTP status and the spec's `Error` body (`errorCode`,
/// `errorMessage`) when the platform answered, and whether trying again later can help.
public struct FlowClientError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        /// The platform answered with this HTTP status (and, usually, the spec's `Error` body).
        case status(Int)
        /// The token endpoint refused us (RFC 6749 §5.2: `invalid_client`, …) or failed.
        case authentication(status: Int)
        /// No answer in time.
        case timeout
        /// Could not connect, or the connection broke.
        case connection
        /// An answer we cannot read (not the spec's JSON).
        case invalidAnswer
        /// A setting is wrong (URL, CA file): nothing was sent.
        case configuration
    }

    public var kind: Kind
    /// `POST /v1/flows`, `POST token`…
    public var operation: String
    /// The spec's `errorCode` (`MISSING_RESOURCE`, `INTERNAL_ERROR`…) or the OAuth2 `error`.
    public var errorCode: String?
    /// The spec's `errorMessage` or the OAuth2 `error_description`, else what went wrong here.
    public var errorMessage: String?

    public init(_ kind: Kind, operation: String, errorCode: String? = nil, errorMessage: String? = nil) {
        self.kind = kind
        self.operation = operation
        self.errorCode = errorCode
        self.errorMessage = errorMessage
    }

    /// The HTTP status, when the platform answered.
    public var httpStatus: Int? {
        switch kind {
        case .status(let status), .authentication(let status): status
        default: nil
        }
    }

    /// Worth trying again later: 5xx, 429 and 408 answers, timeouts and connection failures. 4xx answers, unreadable
    /// answers and bad settings are permanent: the same call fails the same way.
    public var isTransient: Bool {
        switch kind {
        case .status(let status), .authentication(let status):
            status >= 500 || status == 429 || status == 408
        case .timeout, .connection:
            true
        case .invalidAnswer, .configuration:
            false
        }
    }

    public var description: String {
        var text = operation + ": "
        switch kind {
        case .status(let status): text += "HTTP \(status)"
        case .authentication(let status): text += "token refused (HTTP \(status))"
        case .timeout: text += "no answer in time"
        case .connection: text += "connection failed"
        case .invalidAnswer: text += "unreadable answer"
        case .configuration: text += "bad setting"
        }
        if let errorCode { text += " \(errorCode)" }
        if let errorMessage { text += ": \(errorMessage)" }
        return text
    }

    /// The spec's `Error` body, or the OAuth2 one; nil when the body is neither.
    static func body(_ bytes: [UInt8]) -> (code: String?, message: String?)? {
        struct ErrorBody: Decodable {
            var errorCode: String?
            var errorMessage: String?
            var error: String?
            var error_description: String?
        }
        guard let body = try? JSONDecoder().decode(ErrorBody.self, from: Data(bytes)),
              body.errorCode != nil || body.error != nil else { return nil }
        return (body.errorCode ?? body.error, body.errorMessage ?? body.error_description)
    }

    /// An error answer: its status and body (the body's start as the message when it is not the spec's).
    static func answer(status: Int, body: [UInt8], operation: String, authentication: Bool = false) -> FlowClientError {
        let kind: Kind = authentication ? .authentication(status: status) : .status(status)
        if let parsed = Self.body(body) {
            return FlowClientError(kind, operation: operation, errorCode: parsed.code, errorMessage: parsed.message)
        }
        let text = String(decoding: body.prefix(200), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        return FlowClientError(kind, operation: operation, errorMessage: text.isEmpty ? nil : text)
    }
}
