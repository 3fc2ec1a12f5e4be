import Gateway
import Logging

/// Writes authentication events to the audit log: every token issued, and refused credentials.
///
/// Refusals are throttled per tenant (``refusalsPerMinute``) so that a misconfigured client — or an attacker with a
/// revoked key — cannot flood the audit table; the next written entry says how many were left out. Refusals whose
/// tenant is unknown (an unknown key, a forged token) go to the log only, throttled the same way.
actor AuthAuditLog {
    let store: any GatewayStore
    let clock: any GatewayClock
    let logger: Logger
    let refusalsPerMinute: Int
    private var windows: [String: (start: ContinuousClock.Instant, written: Int, suppressed: Int)] = [:]
    private let monotonic = ContinuousClock()

    init(store: any GatewayStore, clock: any GatewayClock, logger: Logger, refusalsPerMinute: Int = 10) {
        self.store = store
        self.clock = clock
        self.logger = logger
        self.refusalsPerMinute = refusalsPerMinute
    }

    func tokenIssued(keyID: String, tenant: TenantID, scopes: [String], tokenID: String, requestID: String?) async {
        await append(AuditEntry(
            tenant: tenant, actor: keyID, action: "oauth.token", target: keyID, requestID: requestID,
            outcome: "issued \(tokenID) with \(scopes.joined(separator: " "))", occurredAt: clock.now()))
    }

    func refused(_ refusal: Authenticator.Refusal, requestID: String?) async {
        let bucket = refusal.tenant?.rawValue ?? "-"
        guard let suppressed = admit(bucket) else { return }
        let note = suppressed > 0 ? " (+\(suppressed) similar refusals not recorded)" : ""
        guard let tenant = refusal.tenant else {
            logger.warning("authentication refused: \(refusal.failure.rawValue)\(note)",
                           metadata: ["request_id": .string(requestID ?? "-")])
            return
        }
        logger.notice("authentication refused: \(refusal.failure.rawValue) for key \(refusal.keyID ?? "-")\(note)",
                      metadata: ["request_id": .string(requestID ?? "-"), "tenant": .string(tenant.rawValue)])
        await append(AuditEntry(
            tenant: tenant, actor: refusal.keyID ?? "unknown", action: "auth.refused", target: refusal.keyID ?? "-",
            requestID: requestID, outcome: refusal.failure.rawValue + note, occurredAt: clock.now()))
    }

    /// The number of refusals left out since the last written one, or nil when this one is to be left out.
    private func admit(_ bucket: String) -> Int? {
        let now = monotonic.now
        var window = windows[bucket] ?? (now, 0, 0)
        if now - window.start >= .seconds(60) { window = (now, 0, window.suppressed) }
        defer { windows[bucket] = window }
        guard window.written < refusalsPerMinute else {
            window.suppressed += 1
            return nil
        }
        window.written += 1
        let suppressed = window.suppressed
        window.suppressed = 0
        if windows.count > 10_000 { windows.removeAll() }
        return suppressed
    }

    private func append(_ entry: AuditEntry) async {
        do {
            try await store.transaction { transaction in try await transaction.appendAudit(entry) }
        } catch {
            logger.error("audit entry \(entry.action) could not be written: \(error)")
        }
    }
}
