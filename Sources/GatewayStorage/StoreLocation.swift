import Foundation

/// Where the gateway's database is, parsed from the `database` setting.
///
/// - `sqlite:PATH`, `sqlite://PATH` or a plain path: an SQLite file (relative paths are resolved against the current
///   folder; the folder is created when missing).
/// - `postgres://user:password@host:port/database` or `postgresql://…`, with an optional `?sslmode=disable|prefer|
///   require` (default `prefer`).
public enum StoreLocation: Sendable, Equatable {
    case sqlite(path: String)
    case postgres(PostgresLocation)

    /// The embedded default.
    public static let defaultURL = "sqlite:./passerelle-data/passerelle.db"

    public init(url: String) throws(StoreLocationError) {
        let text = url.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty else { throw StoreLocationError("the database URL is empty; use for example \(Self.defaultURL)") }
        let lowercased = text.lowercased()
        if lowercased.hasPrefix("postgres://") || lowercased.hasPrefix("postgresql://") {
            self = .postgres(try PostgresLocation(url: text))
        } else if lowercased.hasPrefix("sqlite:") {
            var path = String(text.dropFirst("sqlite:".count))
            if path.hasPrefix("//") { path.removeFirst(2) }
            self = .sqlite(path: try Self.absolutePath(path))
        } else if let colon = text.firstIndex(of: ":"), text[text.startIndex..<colon].allSatisfy(\.isLetter),
            text[colon...].hasPrefix("://")
        {
            let scheme = String(text[text.startIndex..<colon])
            throw StoreLocationError("unsupported database scheme \"\(scheme)\": use sqlite:PATH or postgres://…")
        } else {
            self = .sqlite(path: try Self.absolutePath(text))
        }
    }

    /// For logs: never the password.
    public var displayName: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let location): location.displayName
        }
    }

    static func absolutePath(_ path: String) throws(StoreLocationError) -> String {
        guard !path.isEmpty else { throw StoreLocationError("the SQLite URL names no file: use sqlite:PATH") }
        let url = path.hasPrefix("/")
            ? URL(fileURLWithPath: path)
            : URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent(path)
        return url.standardizedFileURL.path
    }
}

/// The parts of a PostgreSQL URL.
public struct PostgresLocation: Sendable, Equatable {
    public enum TLSMode: String, Sendable, Equatable {
        case disable
        case prefer
        case require
    }

    public var host: String
    public var port: Int
    public var username: String
    public var password: String?
    public var database: String
    public var tls: TLSMode

    init(url: String) throws(StoreLocationError) {
        guard let components = URLComponents(string: url) else {
            throw StoreLocationError("the PostgreSQL URL is not a valid URL; expected postgres://user:password@host:port/database")
        }
        guard let host = components.host, !host.isEmpty else {
            throw StoreLocationError("the PostgreSQL URL names no host; expected postgres://user:password@host:port/database")
        }
        guard let user = components.user, !user.isEmpty else {
            throw StoreLocationError("the PostgreSQL URL names no user; expected postgres://user:password@host:port/database")
        }
        let database = String(components.path.drop { $0 == "/" })
        guard !database.isEmpty, !database.contains("/") else {
            throw StoreLocationError("the PostgreSQL URL names no database; expected postgres://user:password@host:port/database")
        }
        var tls = TLSMode.prefer
        for item in components.queryItems ?? [] {
            switch item.name {
            case "sslmode":
                switch item.value ?? "" {
                case "disable": tls = .disable
                case "allow", "prefer": tls = .prefer
                case "require", "verify-ca", "verify-full": tls = .require
                default: throw StoreLocationError("sslmode \"\(item.value ?? "")\" is not one of disable, prefer, require")
                }
            default:
                throw StoreLocationError("the PostgreSQL URL parameter \"\(item.name)\" is not supported (only sslmode)")
            }
        }
        if let port = components.port, !(1...65_535).contains(port) {
            throw StoreLocationError("the PostgreSQL port \(port) is out of range")
        }
        self.host = host
        self.port = components.port ?? 5432
        self.username = components.percentEncodedUser.flatMap { $0.removingPercentEncoding } ?? user
        self.password = components.percentEncodedPassword.flatMap { $0.removingPercentEncoding }
        self.database = database.removingPercentEncoding ?? database
        self.tls = tls
    }

    public var displayName: String { "postgresql://\(username)@\(host):\(port)/\(database)" }
}

/// A database URL that cannot be used; the message says what to write instead.
public struct StoreLocationError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { message }
}
