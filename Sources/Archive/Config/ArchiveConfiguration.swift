import Crypto
import Foundation

/// How long each kind of document is kept. Periods are whole calendar years, counted in UTC from the time the
/// document was archived. Ten years (Code de commerce L123-22) unless configured otherwise.
public struct RetentionPolicy: Sendable, Hashable, Codable {
    public var defaultYears: Int
    /// Years per `DocumentKind.rawValue`, e.g. `["receipt": 6]`.
    public var yearsByKind: [String: Int]

    public init(defaultYears: Int = 10, yearsByKind: [String: Int] = [:]) {
        self.defaultYears = defaultYears
        self.yearsByKind = yearsByKind
    }

    public func years(for kind: DocumentKind) -> Int {
        yearsByKind[kind.rawValue] ?? defaultYears
    }

    /// The end of retention of a document of this kind archived at `time`.
    public func retainUntil(_ kind: DocumentKind, archivedAt time: Date) -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let years = self.years(for: kind)
        return calendar.date(byAdding: .year, value: years, to: time)
            ?? time.addingTimeInterval(Double(years) * 365.25 * 86_400)
    }
}

/// Everything an archive needs besides its storage.
public struct ArchiveConfiguration: Sendable {
    public var retention: RetentionPolicy
    /// The Ed25519 signing key for seals. nil: `keys/signing-key.pem` inside a file archive's folder.
    /// Created on first use when the file does not exist (PEM PKCS#8, mode 0600).
    public var signingKeyPath: String?
    /// A key given directly (tests, or a key held elsewhere); used instead of `signingKeyPath` when set.
    public var signingKey: Curve25519.Signing.PrivateKey?
    /// The archive's clock (tests inject a fixed one).
    public var clock: @Sendable () -> Date
    /// RFC 3161 time-stamping of seals; nil: seals are not time-stamped.
    public var timestamping: TimestampingConfiguration?

    public init(
        retention: RetentionPolicy = RetentionPolicy(), signingKeyPath: String? = nil,
        signingKey: Curve25519.Signing.PrivateKey? = nil, clock: @escaping @Sendable () -> Date = { Date() },
        timestamping: TimestampingConfiguration? = nil
    ) {
        self.retention = retention
        self.signingKeyPath = signingKeyPath
        self.signingKey = signingKey
        self.clock = clock
        self.timestamping = timestamping
    }
}
