/// Where an invoice is in the gateway's pipeline.
///
/// The pipeline of this release: `received → checked → rendered → archived → held`, or `rejected` when the
/// catalogue or the rules stop it (`rendered → held` directly when no archive is wired, e.g. in library use). `held` is the end of the line until a platform is wired in (the dispatch port's default).
/// Later steps (submitted to a platform, lifecycle statuses) add states after `rendered`.
public enum InvoiceState: String, Sendable, Codable, CaseIterable {
    /// Accepted from the ERP and stored; checks not run yet.
    case received
    /// Catalogue and rules passed.
    case checked
    /// The documents to send (CII, UBL, Factur-X) are made and stored.
    case rendered
    /// Every stored document (the original and those made at render) is in the legal archive.
    case archived
    /// Kept here: no platform is configured, the tenant runs in hold mode or dry run, or routing left the invoice to
    /// the ERP's legacy channel (the `invoice.held` event says which). Final.
    case held
    /// Handed to the platform (its submission id is recorded). Lifecycle statuses follow.
    case submitted
    /// Stopped by a catalogue check or a fatal rule; the findings say what to fix in the ERP. Final.
    case rejected

    /// States no step moves the invoice out of.
    public var isFinal: Bool {
        switch self {
        case .held, .rejected, .submitted: true
        case .received, .checked, .rendered, .archived: false
        }
    }

    /// The states each state may move to.
    public var allowedNextStates: Set<InvoiceState> {
        switch self {
        case .received: [.checked, .rejected]
        case .checked: [.rendered, .rejected]
        case .rendered: [.archived, .held, .submitted, .rejected]
        case .archived: [.held, .submitted, .rejected]
        case .held: [.submitted]
        case .submitted, .rejected: []
        }
    }
}
