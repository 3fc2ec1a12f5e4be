import Foundation

/// The `platform:` section of `passerelle serve`: the accredited platform (PA) invoices are sent to through its
/// AFNOR XP Z12-013 Flow Service (docs/platform.md). Unset, invoices are held in Passerelle.
public struct PlatformSettings: Sendable, Equatable {
    /// Names the platform in events and logs (`Submitted to <name> as <flow id>`); default: the flow URL's host.
    public var name: String?
    /// The Flow Service root, up to its service name: `https://api.flow.example.com/flow-service`.
    public var flowURL: String?
    /// The OAuth2 token endpoint (client credentials).
    public var tokenURL: String?
    public var clientID: String?
    /// A file holding the client secret (a trailing line break is ignored): secrets stay out of the config file.
    public var clientSecretFile: String?
    /// PEM certificate authorities to trust instead of the system's (a test platform's own CA).
    public var caFile: String?
    /// One call to the platform, answer included.
    public var timeout: Duration = .seconds(30)
    public var connectTimeout: Duration = .seconds(10)
    /// Consecutive transient failures that open the platform's circuit breaker.
    public var breakerFailures = 5
    /// How long the breaker stays open before a trial call.
    public var breakerCooldown: Duration = .seconds(30)

    public init() {}

    /// Whether a platform is configured at all (any of its identifying settings given).
    public var isConfigured: Bool {
        name != nil || flowURL != nil || tokenURL != nil || clientID != nil || clientSecretFile != nil || caFile != nil
    }

    /// The name to show: configured, or the flow URL's host.
    public var resolvedName: String {
        name ?? flowURL.flatMap { URL(string: $0)?.host } ?? "platform"
    }
}

extension ConfigurationSetting {
    static let platformSettings: [ConfigurationSetting] = [
        .init("platform.name", "Name of the accredited platform in events and logs", default: "the flow URL's host") { config, text throws(InvalidValue) in
            config.platform.name = try ConfigurationValues.text(text, what: "a name")
        },
        .init("platform.flow_url", "AFNOR Flow Service root, up to the service name (https://…/flow-service); set: invoices are sent there", default: "(none: invoices are held)") { config, text throws(InvalidValue) in
            config.platform.flowURL = try ConfigurationValues.httpURL(text)
        },
        .init("platform.token_url", "OAuth2 token endpoint of the platform (client credentials)", default: "(none)") { config, text throws(InvalidValue) in
            config.platform.tokenURL = try ConfigurationValues.httpURL(text)
        },
        .init("platform.client_id", "OAuth2 client id given by the platform", default: "(none)") { config, text throws(InvalidValue) in
            config.platform.clientID = try ConfigurationValues.text(text, what: "a client id")
        },
        .init("platform.client_secret_file", "File holding the OAuth2 client secret", default: "(none)") { config, text throws(InvalidValue) in
            config.platform.clientSecretFile = try ConfigurationValues.text(text, what: "a file path")
        },
        .init("platform.ca_file", "PEM certificate authorities trusted for the platform instead of the system's", default: "(none: the system's)") { config, text throws(InvalidValue) in
            config.platform.caFile = try ConfigurationValues.text(text, what: "a PEM file path")
        },
        .init("platform.timeout", "Longest time for one call to the platform", default: "30s") { config, text throws(InvalidValue) in
            config.platform.timeout = try ConfigurationValues.duration(text, minimum: .milliseconds(10))
        },
        .init("platform.connect_timeout", "Longest time to connect to the platform", default: "10s") { config, text throws(InvalidValue) in
            config.platform.connectTimeout = try ConfigurationValues.duration(text, minimum: .milliseconds(10))
        },
        .init("platform.breaker.failures", "Consecutive transient failures that open the platform's circuit breaker", default: "5") { config, text throws(InvalidValue) in
            config.platform.breakerFailures = try ConfigurationValues.integer(text, in: 1...1_000, what: "a number of failures")
        },
        .init("platform.breaker.cooldown", "How long the open breaker refuses calls before a trial call", default: "30s") { config, text throws(InvalidValue) in
            config.platform.breakerCooldown = try ConfigurationValues.duration(text, minimum: .milliseconds(1))
        },
    ]
}

extension ConfigurationValues {
    /// An absolute `http://` or `https://` URL.
    static func httpURL(_ text: String) throws(InvalidValue) -> String {
        let value = text.trimmingCharacters(in: .whitespaces)
        guard let url = URL(string: value), let scheme = url.scheme?.lowercased(), scheme == "http" || scheme == "https",
              url.host != nil else {
            throw InvalidValue("\(quoted(text)) is not an absolute http(s) URL (like https://api.example.com/flow-service)")
        }
        return value
    }
}

extension ConfigurationLoader {
    /// A platform needs its flow URL, token URL, client id and secret file together.
    static func checkPlatform(_ platform: PlatformSettings) throws(ConfigurationError) {
        guard platform.isConfigured else { return }
        let required: [(String, String?)] = [
            ("platform.flow_url", platform.flowURL), ("platform.token_url", platform.tokenURL),
            ("platform.client_id", platform.clientID), ("platform.client_secret_file", platform.clientSecretFile),
        ]
        for (key, value) in required where value == nil {
            let given = required.filter { $0.1 != nil }.map(\.0)
            let context = given.isEmpty ? "other platform settings are set" : "\(given.joined(separator: ", ")) set"
            throw ConfigurationError(setting: key, message: "is missing: \(context), and a platform needs "
                + "platform.flow_url, platform.token_url, platform.client_id and platform.client_secret_file")
        }
    }
}
