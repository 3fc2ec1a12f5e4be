import Foundation

/// Where a Flow Service is and how to call it.
public struct FlowClientConfiguration: Sendable {
    /// The service root, up to the service name: `https://api.flow.example.com/flow-service` (the `/v1/…` paths are
    /// appended).
    public var flowURL: String
    /// The OAuth2 token endpoint (client credentials grant).
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    /// A PEM file of certificate authorities to trust instead of the system's (a test platform's own CA).
    public var caFile: String?
    /// The whole of one call: connect, send, receive.
    public var requestTimeout: Duration
    public var connectTimeout: Duration
    /// A token is fetched again this long before it expires.
    public var tokenRefreshMargin: Duration
    /// The largest answer read (a downloaded document); the spec's file limit is 100 MB.
    public var maximumAnswerBytes: Int

    public init(flowURL: String, tokenURL: String, clientID: String, clientSecret: String, caFile: String? = nil,
                requestTimeout: Duration = .seconds(30), connectTimeout: Duration = .seconds(10),
                tokenRefreshMargin: Duration = .seconds(60), maximumAnswerBytes: Int = 110 << 20) {
        self.flowURL = flowURL
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.caFile = caFile
        self.requestTimeout = requestTimeout
        self.connectTimeout = connectTimeout
        self.tokenRefreshMargin = tokenRefreshMargin
        self.maximumAnswerBytes = maximumAnswerBytes
    }

    /// `flowURL` without a trailing slash.
    var serviceRoot: String {
        var root = flowURL
        while root.hasSuffix("/") { root.removeLast() }
        return root
    }
}
