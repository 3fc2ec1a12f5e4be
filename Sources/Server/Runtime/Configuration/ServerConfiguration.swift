import Foundation
import Logging

/// Everything `passerelle serve` can be told, with the defaults of a zero-configuration start.
///
/// Filled in this order, each layer overriding the one before: the defaults below, the YAML file (`--config`),
/// the `PASSERELLE_*` environment variables, then the command-line options. ``ConfigurationSetting/all`` lists every
/// setting with its file key and environment variable.
public struct ServerConfiguration: Sendable, Equatable {
    public var server = Server()
    /// Where the SQLite database, the generated JWT signing key and (later) archive blobs live.
    public var dataDirectory = "./passerelle-data"
    /// nil = SQLite at `<dataDirectory>/passerelle.db`.
    public var database: DatabaseLocation?
    /// PostgreSQL: the most connections this process opens.
    public var databaseMaxConnections = 20
    /// PostgreSQL: the schema of the tables; nil = `public`.
    public var databaseSchema: String?
    public var workers = Workers()
    public var auth = Auth()
    public var limits = Limits()
    public var webhooks = Webhooks()
    public var archive = ArchiveSettings()
    public var logLevel: Logger.Level = .info
    /// The file channels' file (ERP pick-up folders, result files); nil = no channels. Read by the executable.
    public var channelsFile: String?
    /// The accredited platform invoices are sent to (AFNOR Flow Service); unset: invoices are held.
    public var platform = PlatformSettings()
    /// The AFNOR Directory Service asked before sending (docs/directory.md); no URL = no lookup.
    public var directory = DirectorySettings()
    /// How the platform's lifecycle statuses come back: webhooks, polling (docs/platform-inbound.md).
    public var platformInbound = PlatformInboundSettings()

    public init() {}

    /// The Directory Service client (docs/directory.md). Read by the executable.
    public struct DirectorySettings: Sendable, Equatable {
        /// The service root, e.g. `https://api.directory.example.com/directory-service`; nil = no lookup.
        public var url: String?
        public var tokenURL: String?
        public var clientID: String?
        public var clientSecret: String?
        /// How long a found directory line is reused.
        public var foundLifetime: Duration = .seconds(24 * 3600)
        /// How long "not in the directory" is reused.
        public var notFoundLifetime: Duration = .seconds(3600)
    }

    public struct Server: Sendable, Equatable {
        public var host = "127.0.0.1"
        /// 0 = any free port (the chosen one is printed).
        public var port = 8080
        /// PEM certificate chain; HTTPS when set together with ``privateKeyFile``.
        public var certificateFile: String?
        public var privateKeyFile: String?
        /// The OpenAPI document served at `/openapi.json`; nil = looked up next to the working directory and the binary.
        public var openAPIFile: String?
    }

    public struct Workers: Sendable, Equatable {
        /// Pipeline workers in this process; 0 = this process only serves HTTP.
        public var count = 2
        /// Jobs a worker claims at once.
        public var batchSize = 16
        /// How long a claimed job stays with its worker; a crashed worker's jobs are taken over after it.
        public var lease: Duration = .seconds(60)
        /// Sleep when no job is due.
        public var idleDelay: Duration = .milliseconds(200)
        /// First retry delay of a failed step (doubled each time, with jitter).
        public var retryBase: Duration = .seconds(1)
        public var retryMaximum: Duration = .seconds(300)
    }

    public struct Auth: Sendable, Equatable {
        /// HS256 key of the OAuth2 access tokens; nil = generated once and kept in the data directory.
        /// Several nodes must share it: set it in the file or in `PASSERELLE_AUTH_JWT_SIGNING_KEY`.
        public var jwtSigningKey: String?
        public var tokenLifetime: Duration = .seconds(15 * 60)
        /// How long an API key lookup is reused; a revoked key is refused at most this long after revocation.
        public var keyCacheLifetime: Duration = .seconds(5)
    }

    public struct Limits: Sendable, Equatable {
        /// Request bodies of every route but the two below.
        public var bodyBytes = 1 << 20
        /// `POST /v1/invoices` (a Factur-X PDF can be large).
        public var invoiceBodyBytes = 20 << 20
        /// `POST /v1/batches`.
        public var batchBodyBytes = 64 << 20
        /// Requests per second per API key (token bucket); 0 = unlimited. A key's own limit overrides it.
        public var ratePerSecond = 1_000
        /// Bucket size: how many requests may come at once; nil = twice the rate.
        public var rateBurst: Int?
    }

    public struct Webhooks: Sendable, Equatable {
        /// The whole delivery: connect, send, receive the status.
        public var timeout: Duration = .seconds(10)
        public var connectTimeout: Duration = .seconds(5)
    }

    /// The legal archive (docs/archive.md, "In the pipeline").
    public struct ArchiveSettings: Sendable, Equatable {
        /// The archive root, shared by the nodes of an installation (each writes `<root>/nodes/<node>/`);
        /// nil = `<dataDirectory>/archive`.
        public var directory: String?
        /// This process's journal; nil = the name kept in `<dataDirectory>/archive-node` (made on first start).
        public var node: String?
        /// The Ed25519 key that signs seals; nil = `<dataDirectory>/archive-signing-key.pem` (made on first start).
        public var signingKeyFile: String?
        /// How often this node seals its journal (and once more at a graceful shutdown).
        public var sealInterval: Duration = .seconds(300)
        /// Retention of archived documents, in calendar years (Code de commerce: 10).
        public var retentionYears = 10
        /// Retention per document kind, overriding ``retentionYears`` (e.g. `["receipt": 6]`).
        public var retentionByKind: [String: Int] = [:]
    }

    /// The archive root: configured, or `<data_dir>/archive`.
    public var resolvedArchiveDirectory: String {
        archive.directory ?? (dataDirectory as NSString).appendingPathComponent("archive")
    }

    /// The seal signing key file: configured, or `<data_dir>/archive-signing-key.pem`.
    public var resolvedArchiveSigningKey: String {
        archive.signingKeyFile ?? (dataDirectory as NSString).appendingPathComponent("archive-signing-key.pem")
    }

    /// The database to open: the configured one, or SQLite in the data directory.
    public var resolvedDatabase: DatabaseLocation {
        database ?? .sqlite(path: (dataDirectory as NSString).appendingPathComponent("passerelle.db"))
    }

    /// Whether the server speaks HTTPS.
    public var usesTLS: Bool { server.certificateFile != nil && server.privateKeyFile != nil }
}

/// Which database, and where.
public enum DatabaseLocation: Sendable, Equatable, CustomStringConvertible {
    case sqlite(path: String)
    /// A `postgres://` or `postgresql://` URL, kept as written (it may hold a password: never logged).
    case postgres(url: String)

    /// `sqlite:PATH`, `sqlite://PATH`, `postgres://…`, `postgresql://…`, or a plain file path (SQLite).
    public init?(parsing text: String) {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard !value.isEmpty else { return nil }
        let lower = value.lowercased()
        if lower.hasPrefix("postgres://") || lower.hasPrefix("postgresql://") {
            guard let url = URL(string: value), url.host != nil else { return nil }
            self = .postgres(url: value)
        } else if lower.hasPrefix("sqlite://") {
            let path = String(value.dropFirst("sqlite://".count))
            guard !path.isEmpty else { return nil }
            self = .sqlite(path: path)
        } else if lower.hasPrefix("sqlite:") {
            let path = String(value.dropFirst("sqlite:".count))
            guard !path.isEmpty else { return nil }
            self = .sqlite(path: path)
        } else if value.contains("://") {
            return nil
        } else {
            self = .sqlite(path: value)
        }
    }

    /// The URL the store opens: `sqlite:PATH` or the PostgreSQL URL.
    public var url: String {
        switch self {
        case .sqlite(let path): "sqlite:\(path)"
        case .postgres(let url): url
        }
    }

    /// For logs: the PostgreSQL password is masked.
    public var description: String {
        switch self {
        case .sqlite(let path):
            return "sqlite:\(path)"
        case .postgres(let url):
            guard var components = URLComponents(string: url) else { return "postgres://…" }
            if components.password != nil { components.password = "***" }
            return components.string ?? "postgres://…"
        }
    }
}
