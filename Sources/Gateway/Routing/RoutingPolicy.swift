/// The routing of every tenant: a shared table (from `routing:` in passerelle.yaml) and per-tenant tables, and
/// the global dry-run switch.
public struct RoutingPolicy: Hashable, Sendable {
    /// Used by tenants without their own table; nil: such tenants are not routed (the dispatcher refuses them).
    public var shared: RoutingTable?
    public var tenants: [TenantID: RoutingTable]
    /// Every tenant runs in dry run.
    public var dryRun: Bool

    public init(shared: RoutingTable? = nil, tenants: [TenantID: RoutingTable] = [:], dryRun: Bool = false) {
        self.shared = shared
        self.tenants = tenants
        self.dryRun = dryRun
    }

    public func table(for tenant: TenantID) -> RoutingTable? { tenants[tenant] ?? shared }

    public func decide(_ facts: RoutingFacts, tenant: TenantID) -> RouteDecision? {
        table(for: tenant)?.decide(facts)
    }

    public func isDryRun(tenant: TenantID) -> Bool { dryRun || table(for: tenant)?.dryRun == true }

    /// Every target any table names.
    public var targets: Set<String> {
        (tenants.values.map(\.targets) + [shared?.targets ?? []]).reduce(into: Set<String>()) { $0.formUnion($1) }
    }
}
