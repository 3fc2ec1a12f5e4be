/// The AFNOR XP Z12-013 Directory Service, as the pipeline sees it: where does this buyer receive its invoices?
/// `Channels` implements it over HTTP (`DirectoryClient`); ``CachedDirectory`` puts the store-backed cache in front.
public protocol DirectoryPort: Sendable {
    /// Names the directory in events and logs.
    var name: String { get }
    /// The directory line that applies to the buyer (the most specific: routing code, then SIRET, then SIREN), or
    /// why there is none. Throws ``DirectoryFailure`` when the directory could not answer.
    func lookUp(_ buyer: BuyerIdentity, tenant: TenantID) async throws -> DirectoryAnswer
}

/// The directory did not answer.
public enum DirectoryFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// Unreachable, timed out, overloaded (408, 429, 5xx): asking again later may work.
    case unavailable(String)
    /// Refused for good (bad credentials, a request the directory rejects): asking again will not help.
    case refused(String)

    public var isTransient: Bool {
        if case .unavailable = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .unavailable(let message): "the directory is unavailable: \(message)"
        case .refused(let message): "the directory refused the lookup: \(message)"
        }
    }
}
