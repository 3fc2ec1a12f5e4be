import Foundation

/// The inbound side of the `platform:` section (docs/platform.md, "Statuses back from the platform"): how the
/// lifecycle statuses of the invoices sent come back — by the platform's signed webhooks, by polling, or both.
public struct PlatformInboundSettings: Sendable, Equatable {
    /// When the polling fallback runs.
    public enum Polling: String, Sendable, Equatable, CaseIterable {
        /// Only when webhooks are off.
        case auto
        /// Always, as a safety net beside the webhooks.
        case always
        case off
    }

    /// The gateway's URL as the platform reaches it (`https://gateway.example.com`); the webhook is
    /// `<public_url>/v1/platforms/<name>/webhooks`. Webhooks need it.
    public var publicURL: String?
    /// Register the webhook and take the platform's calls; nil = on when ``publicURL`` is set.
    public var webhooks: Bool?
    /// Where the webhook's id and signing key are kept; nil = `<data_dir>/platform-webhook.json`.
    public var webhookKeyFile: String?
    /// A call whose `Afnor-Signature-Timestamp` is further than this from our clock is refused.
    public var webhookTolerance: Duration = .seconds(300)
    public var polling: Polling = .auto
    public var pollInterval: Duration = .seconds(60)
    /// The tenant whose invoices the platform account carries.
    public var tenant = "default"

    public init() {}

    /// Whether webhooks are on.
    public var usesWebhooks: Bool { webhooks ?? (publicURL != nil) }

    /// Whether the poller runs.
    public var usesPolling: Bool {
        switch polling {
        case .auto: !usesWebhooks
        case .always: true
        case .off: false
        }
    }
}

extension ConfigurationSetting {
    static let platformInboundSettings: [ConfigurationSetting] = [
        .init("platform.public_url", "The gateway's URL as the platform reaches it; the webhook is <public_url>/v1/platforms/<name>/webhooks", default: "(none: no webhooks)") { config, text throws(InvalidValue) in
            config.platformInbound.publicURL = try ConfigurationValues.httpURL(text)
        },
        .init("platform.webhooks", "Register the webhook at start and take the platform's signed calls", default: "on when platform.public_url is set") { config, text throws(InvalidValue) in
            config.platformInbound.webhooks = try ConfigurationValues.boolean(text)
        },
        .init("platform.webhook_key_file", "Where the webhook's id and signing key are kept (JSON, mode 0600)", default: "<data_dir>/platform-webhook.json") { config, text throws(InvalidValue) in
            config.platformInbound.webhookKeyFile = try ConfigurationValues.text(text, what: "a file path")
        },
        .init("platform.webhook_tolerance", "Webhook calls whose timestamp is further than this from our clock are refused", default: "5m") { config, text throws(InvalidValue) in
            config.platformInbound.webhookTolerance = try ConfigurationValues.duration(text, minimum: .seconds(1))
        },
        .init("platform.polling", "auto (only when webhooks are off), always (a safety net beside them) or off", default: "auto") { config, text throws(InvalidValue) in
            let value = text.trimmingCharacters(in: .whitespaces).lowercased()
            guard let polling = PlatformInboundSettings.Polling(rawValue: value) else {
                throw InvalidValue("\(ConfigurationValues.quoted(text)) is not auto, always or off")
            }
            config.platformInbound.polling = polling
        },
        .init("platform.poll_interval", "How often the platform is polled for new lifecycle statuses", default: "1m") { config, text throws(InvalidValue) in
            config.platformInbound.pollInterval = try ConfigurationValues.duration(text, minimum: .milliseconds(10))
        },
        .init("platform.tenant", "The tenant whose invoices the platform account carries", default: "default") { config, text throws(InvalidValue) in
            config.platformInbound.tenant = try ConfigurationValues.text(text, what: "a tenant id")
        },
    ]
}

extension ServerConfiguration {
    /// The webhook key file: configured, or `<data_dir>/platform-webhook.json`.
    public var resolvedPlatformWebhookKeyFile: String {
        platformInbound.webhookKeyFile
            ?? (dataDirectory as NSString).appendingPathComponent("platform-webhook.json")
    }
}
