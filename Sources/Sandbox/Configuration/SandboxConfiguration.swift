import Foundation

/// Everything a sandbox run needs: where it listens, who may call it, what happens to invoices, the directory it
/// serves, the faults it injects and the seed that makes it all repeatable.
public struct SandboxConfiguration: Sendable {
    public var host = "127.0.0.1"
    /// 0 picks a free port (the started URL says which).
    public var port = 0
    public var clients: [ClientCredentials] = []
    public var scenario = Scenario()
    public var directory = Directory()
    public var faults = FaultSettings()
    /// The seed of every random draw (lifecycle paths, delays, faults).
    public var seed: UInt64 = 1
    /// Sandbox seconds per real second; 0 stops time (then only `POST /sandbox/advance` moves it).
    public var timeScale: Double = 1
    /// Where sandbox time starts; nil: now.
    public var startDate: Date?
    /// PEM files; both given: HTTPS.
    public var tlsCertificatePath: String?
    public var tlsPrivateKeyPath: String?
    public var tokenLifetimeSeconds = 3600
    /// The Flow Service's file limit (the spec says 100 MB).
    public var maximumFlowBytes = 100 * 1024 * 1024
    public var platform = PlatformIdentity()
    /// How often the lifecycle timer looks for due events while time flows.
    public var tickInterval: Duration = .milliseconds(50)
    /// Where `POST /sandbox/snapshot` writes the state as JSON; nil: snapshots are refused.
    public var snapshotPath: String?
    /// The Chorus Pro stand-in (`/cpro/…`, tokens at `/api/oauth/token`); nil: not served.
    public var chorusPro: ChorusProSettings?

    public init() {}

    public var usesTLS: Bool { tlsCertificatePath != nil && tlsPrivateKeyPath != nil }
}
