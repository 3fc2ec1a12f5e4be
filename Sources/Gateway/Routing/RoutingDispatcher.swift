/// A dispatch port that knows the routing: the dispatch step asks it for a decision before it picks the document,
/// and whether a tenant runs in dry run.
public protocol RoutingDecider: Sendable {
    /// The decision for an invoice of `tenant`; nil when the tenant is not routed.
    func decide(_ facts: RoutingFacts, tenant: TenantID) -> RouteDecision?
    /// Send nothing for this tenant: the invoice ends `held` with what would have been sent.
    func isDryRun(tenant: TenantID) -> Bool
    /// The platform name recorded with a submission to `target` (the port's own name).
    func platformName(for target: String) -> String
}

/// Why a ``RoutingDispatcher`` cannot be built.
public struct RoutingSetupError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public var description: String { message }
}

/// Holds the named platform ports and sends each invoice to the one its routing decision names; `legacy` invoices
/// stay `held` ("routed to the legacy channel by rule N"), nothing is sent for them.
public struct RoutingDispatcher: DispatchPort, RoutingDecider {
    public var policy: RoutingPolicy
    public var ports: [String: any DispatchPort]

    /// Every target the policy names (except `legacy`) needs a port, unless every tenant runs in dry run.
    public init(policy: RoutingPolicy, ports: [String: any DispatchPort]) throws(RoutingSetupError) {
        if !policy.dryRun {
            let missing = policy.targets.subtracting(ports.keys).subtracting([RoutingTarget.legacy]).sorted()
            if !missing.isEmpty {
                let known = ports.keys.sorted()
                throw RoutingSetupError(message: "the routing names target(s) \(missing.joined(separator: ", ")) "
                    + "but no platform is configured under that name (configured: "
                    + (known.isEmpty ? "none" : known.joined(separator: ", ")) + "; `legacy` needs none)")
            }
        }
        self.policy = policy
        self.ports = ports
    }

    public var name: String { "routing" }

    public func decide(_ facts: RoutingFacts, tenant: TenantID) -> RouteDecision? {
        policy.decide(facts, tenant: tenant)
    }

    public func isDryRun(tenant: TenantID) -> Bool { policy.isDryRun(tenant: tenant) }

    public func platformName(for target: String) -> String { ports[target]?.name ?? target }

    public func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        guard let route = request.route else {
            throw StepFailure(permanent: true, "no routing decision for tenant \(request.tenant): give it a routing "
                + "table (routing.tenants) or a shared one")
        }
        if route.isLegacy { return .held(reason: route.legacyReason) }
        guard let port = ports[route.target] else {
            throw StepFailure(permanent: true, "\(route.ruleLabel) routes to \(route.target), which is not configured")
        }
        return try await port.dispatch(request)
    }
}
