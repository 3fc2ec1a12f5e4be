import Gateway

/// Appends the audit entries of API calls whose service does not write its own: who did what, on what, with which
/// outcome, and the request id to find it in the logs.
struct AuditTrail: Sendable {
    var store: any GatewayStore
    var clock: any GatewayClock

    /// In the caller's transaction, so that the entry commits with the change.
    func append(_ action: String, target: String, outcome: String = "ok", by principal: Principal,
                context: PasserelleRequestContext, in transaction: any StoreTransaction) async throws
    {
        try await transaction.appendAudit(entry(action, target: target, outcome: outcome, by: principal, context: context))
    }

    /// In a transaction of its own, after a service call that committed its change. A failure is logged, not
    /// thrown: the change is made, and the client must not retry it because its audit line failed.
    func record(_ action: String, target: String, outcome: String = "ok", by principal: Principal,
                context: PasserelleRequestContext) async
    {
        let entry = entry(action, target: target, outcome: outcome, by: principal, context: context)
        do {
            try await store.transaction { transaction in try await transaction.appendAudit(entry) }
        } catch {
            context.logger.error("audit entry \(action) \(target) by \(principal.actor) not written: \(error)")
        }
    }

    private func entry(_ action: String, target: String, outcome: String, by principal: Principal,
                       context: PasserelleRequestContext) -> AuditEntry
    {
        AuditEntry(tenant: principal.tenant, actor: principal.actor, action: action, target: target,
                   requestID: context.requestID, outcome: outcome, occurredAt: clock.now())
    }
}
