import Foundation

/// Where a Directory Service is and how to call it.
public struct DirectoryClientConfiguration: Sendable, Hashable {
    /// The service root, up to the service name: `https://api.directory.example.com/directory-service` (the
    /// `/v1/…` paths are appended).
    public var directoryURL: String
    /// The OAuth2 token endpoint (client credentials grant).
    public var tokenURL: String
    public var clientID: String
    public var clientSecret: String
    /// The whole of one call: connect, send, receive.
    public var requestTimeout: Duration
    /// A token is fetched again this long before it expires.
    public var tokenRefreshMargin: Duration
    /// Directory lines read per search page when looking a buyer up.
    public var pageSize: Int

    public init(directoryURL: String, tokenURL: String, clientID: String, clientSecret: String,
                requestTimeout: Duration = .seconds(30), tokenRefreshMargin: Duration = .seconds(60),
                pageSize: Int = 100) {
        self.directoryURL = directoryURL
        self.tokenURL = tokenURL
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.requestTimeout = requestTimeout
        self.tokenRefreshMargin = tokenRefreshMargin
        self.pageSize = pageSize
    }

    /// `directoryURL` without a trailing slash.
    var serviceRoot: String {
        var root = directoryURL
        while root.hasSuffix("/") { root.removeLast() }
        return root
    }

    var refreshMarginSeconds: TimeInterval {
        let (seconds, attoseconds) = tokenRefreshMargin.components
        return TimeInterval(seconds) + TimeInterval(attoseconds) / 1e18
    }

    var timeoutMilliseconds: Int64 {
        let (seconds, attoseconds) = requestTimeout.components
        return seconds * 1000 + attoseconds / 1_000_000_000_000_000
    }
}
