import Foundation

/// One setting of `passerelle serve`: its key in the YAML file, its environment variable, and how its value is read.
/// ``all`` is the single list the file reader, the environment reader and the documentation use.
public struct ConfigurationSetting: Sendable {
    /// Dotted path in the YAML file, e.g. `server.port`.
    public let key: String
    public let summary: String
    /// The default, as documented.
    public let defaultValue: String
    let apply: @Sendable (inout ServerConfiguration, String) throws(InvalidValue) -> Void

    /// `PASSERELLE_` and the key in capitals, dots as underscores: `PASSERELLE_SERVER_PORT`.
    public var environmentVariable: String {
        "PASSERELLE_" + key.uppercased().replacingOccurrences(of: ".", with: "_")
    }

    init(_ key: String, _ summary: String, default defaultValue: String,
         apply: @escaping @Sendable (inout ServerConfiguration, String) throws(InvalidValue) -> Void) {
        self.key = key
        self.summary = summary
        self.defaultValue = defaultValue
        self.apply = apply
    }

    public static func named(_ key: String) -> ConfigurationSetting? {
        all.first { $0.key == key }
    }

    public static let all: [ConfigurationSetting] = [
        .init("server.host", "Address to listen on (0.0.0.0 for every interface)", default: "127.0.0.1") { config, text throws(InvalidValue) in
            config.server.host = try ConfigurationValues.text(text, what: "an address such as 127.0.0.1")
        },
        .init("server.port", "TCP port (0 = any free port)", default: "8080") { config, text throws(InvalidValue) in
            config.server.port = try ConfigurationValues.port(text)
        },
        .init("server.tls.certificate", "PEM certificate chain; HTTPS when set with server.tls.private_key", default: "(none: HTTP)") { config, text throws(InvalidValue) in
            config.server.certificateFile = try ConfigurationValues.text(text, what: "a PEM file path")
        },
        .init("server.tls.private_key", "PEM private key of the certificate", default: "(none)") { config, text throws(InvalidValue) in
            config.server.privateKeyFile = try ConfigurationValues.text(text, what: "a PEM file path")
        },
        .init("server.openapi_file", "OpenAPI document served at /openapi.json", default: "openapi/passerelle-v1.json, looked up from the working directory and the binary") { config, text throws(InvalidValue) in
            config.server.openAPIFile = try ConfigurationValues.text(text, what: "a file path")
        },
        .init("data_dir", "Folder for the SQLite database and the generated JWT signing key (created)", default: "./passerelle-data") { config, text throws(InvalidValue) in
            config.dataDirectory = try ConfigurationValues.text(text, what: "a folder path")
        },
        .init("database.url", "SQLite file (path or sqlite:PATH) or postgres://user:password@host:port/database", default: "sqlite:<data_dir>/passerelle.db") { config, text throws(InvalidValue) in
            config.database = try ConfigurationValues.database(text)
        },
        .init("database.max_connections", "PostgreSQL: most connections this process opens", default: "20") { config, text throws(InvalidValue) in
            config.databaseMaxConnections = try ConfigurationValues.integer(text, in: 1...1_000, what: "a number of connections")
        },
        .init("database.schema", "PostgreSQL: schema holding the tables (lets installations share a database)", default: "public") { config, text throws(InvalidValue) in
            config.databaseSchema = try ConfigurationValues.text(text, what: "a schema name")
        },
        .init("workers.count", "Pipeline workers in this process (0 = HTTP only)", default: "2") { config, text throws(InvalidValue) in
            config.workers.count = try ConfigurationValues.integer(text, in: 0...64, what: "a number of workers")
        },
        .init("workers.batch_size", "Jobs a worker claims at once", default: "16") { config, text throws(InvalidValue) in
            config.workers.batchSize = try ConfigurationValues.integer(text, in: 1...1_000, what: "a batch size")
        },
        .init("workers.lease", "How long a claimed job stays with its worker before another may take it", default: "60s") { config, text throws(InvalidValue) in
            config.workers.lease = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
        .init("workers.idle_delay", "Pause when no job is due", default: "200ms") { config, text throws(InvalidValue) in
            config.workers.idleDelay = try ConfigurationValues.duration(text, minimum: .milliseconds(1))
        },
        .init("workers.retry_base", "Delay before the first retry of a failed step (doubles each time, with jitter)", default: "1s") { config, text throws(InvalidValue) in
            config.workers.retryBase = try ConfigurationValues.duration(text, minimum: .milliseconds(1))
        },
        .init("workers.retry_max", "Longest delay between two retries", default: "5m") { config, text throws(InvalidValue) in
            config.workers.retryMaximum = try ConfigurationValues.duration(text, minimum: .milliseconds(1))
        },
        .init("auth.jwt_signing_key", "HS256 key of OAuth2 access tokens, at least 32 bytes; required to be the same on every node", default: "generated into <data_dir>/jwt-signing-key") { config, text throws(InvalidValue) in
            config.auth.jwtSigningKey = try ConfigurationValues.signingKey(text)
        },
        .init("auth.token_lifetime", "Lifetime of OAuth2 access tokens", default: "15m") { config, text throws(InvalidValue) in
            config.auth.tokenLifetime = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
        .init("auth.key_cache", "How long an API key lookup is reused (a revoked key is refused at most this long after)", default: "5s") { config, text throws(InvalidValue) in
            config.auth.keyCacheLifetime = try ConfigurationValues.duration(text)
        },
        .init("limits.body", "Largest request body, except invoice uploads and batches", default: "1MB") { config, text throws(InvalidValue) in
            config.limits.bodyBytes = try ConfigurationValues.byteSize(text)
        },
        .init("limits.invoice_body", "Largest body of POST /v1/invoices", default: "20MB") { config, text throws(InvalidValue) in
            config.limits.invoiceBodyBytes = try ConfigurationValues.byteSize(text)
        },
        .init("limits.batch_body", "Largest body of POST /v1/batches", default: "64MB") { config, text throws(InvalidValue) in
            config.limits.batchBodyBytes = try ConfigurationValues.byteSize(text)
        },
        .init("limits.rate_per_second", "Requests per second per API key (0 = unlimited); a key's own limit wins", default: "1000") { config, text throws(InvalidValue) in
            config.limits.ratePerSecond = try ConfigurationValues.integer(text, in: 0...1_000_000, what: "a rate")
        },
        .init("limits.rate_burst", "Requests a key may send at once before the rate applies", default: "twice the rate") { config, text throws(InvalidValue) in
            config.limits.rateBurst = try ConfigurationValues.integer(text, in: 1...10_000_000, what: "a burst size")
        },
        .init("webhooks.timeout", "Longest time for one webhook delivery", default: "10s") { config, text throws(InvalidValue) in
            config.webhooks.timeout = try ConfigurationValues.duration(text, minimum: .milliseconds(10))
        },
        .init("webhooks.connect_timeout", "Longest time to connect to a webhook receiver", default: "5s") { config, text throws(InvalidValue) in
            config.webhooks.connectTimeout = try ConfigurationValues.duration(text, minimum: .milliseconds(10))
        },
        .init("archive.dir", "Legal archive root, shared by the nodes (each writes <dir>/nodes/<node>/)", default: "<data_dir>/archive") { config, text throws(InvalidValue) in
            config.archive.directory = try ConfigurationValues.text(text, what: "a folder path")
        },
        .init("archive.node", "This process's journal in the archive (1-64 of A-Z a-z 0-9 . _ -)", default: "kept in <data_dir>/archive-node, made on first start") { config, text throws(InvalidValue) in
            config.archive.node = try ConfigurationValues.nodeName(text)
        },
        .init("archive.signing_key_file", "Ed25519 key that signs seals (PEM PKCS#8 or base64 seed); created when missing", default: "<data_dir>/archive-signing-key.pem") { config, text throws(InvalidValue) in
            config.archive.signingKeyFile = try ConfigurationValues.text(text, what: "a file path")
        },
        .init("archive.seal_interval", "How often each node seals its journal (and at a graceful shutdown)", default: "5m") { config, text throws(InvalidValue) in
            config.archive.sealInterval = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
        .init("archive.retention_years", "Retention of archived documents, in years", default: "10") { config, text throws(InvalidValue) in
            config.archive.retentionYears = try ConfigurationValues.integer(text, in: 1...100, what: "a number of years")
        },
        .init("archive.retention_by_kind", "Retention per document kind: KIND=YEARS,KIND=YEARS (e.g. receipt=6)", default: "(none: retention_years for every kind)") { config, text throws(InvalidValue) in
            config.archive.retentionByKind = try ConfigurationValues.retentionByKind(text)
        },
        .init("log.level", "trace, debug, info, notice, warning, error or critical", default: "info") { config, text throws(InvalidValue) in
            config.logLevel = try ConfigurationValues.logLevel(text)
        },
        .init("channels.file", "YAML file of the ERP file channels: pick-up folders (local or SFTP) and result files (docs/erp-files.md)", default: "(none)") { config, text throws(InvalidValue) in
            config.channelsFile = try ConfigurationValues.text(text, what: "a file path")
        },
        .init("directory.url", "AFNOR Directory Service root (…/directory-service); the buyer is looked up before sending (docs/directory.md)", default: "(none: no lookup)") { config, text throws(InvalidValue) in
            config.directory.url = try ConfigurationValues.text(text, what: "an http(s) URL")
        },
        .init("directory.token_url", "OAuth2 token endpoint of the Directory Service (client credentials)", default: "(none)") { config, text throws(InvalidValue) in
            config.directory.tokenURL = try ConfigurationValues.text(text, what: "an http(s) URL")
        },
        .init("directory.client_id", "OAuth2 client id for the Directory Service", default: "(none)") { config, text throws(InvalidValue) in
            config.directory.clientID = try ConfigurationValues.text(text, what: "a client id")
        },
        .init("directory.client_secret", "OAuth2 client secret for the Directory Service (better in the environment)", default: "(none)") { config, text throws(InvalidValue) in
            config.directory.clientSecret = try ConfigurationValues.text(text, what: "a client secret")
        },
        .init("directory.found_ttl", "How long a found directory line is reused (shared by the nodes)", default: "24h") { config, text throws(InvalidValue) in
            config.directory.foundLifetime = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
        .init("directory.not_found_ttl", "How long \"not in the directory\" is reused", default: "1h") { config, text throws(InvalidValue) in
            config.directory.notFoundLifetime = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
    ] + platformSettings + platformInboundSettings
}
