import EInvoice
import Foundation

/// The dispatch step's routing: decides (when the dispatcher is a ``RoutingDecider``), records `invoice.routed`,
/// picks the document of the chosen format, and sends it — or, in a dry run, sends nothing and says what it would
/// have sent. Without routing and dry run it behaves as before: the CII (or the UBL for a UBL source) goes to the
/// dispatcher.
struct RoutedDispatch: Sendable {
    /// What the port answered (or the dry run's `held`).
    var outcome: DispatchOutcome
    /// The platform name to record with a submission.
    var platform: String

    /// Everything the decision and the document need, read in one transaction.
    private struct Loaded: Sendable {
        var original: StoredDocument?
        var stored: [DocumentKind: StoredDocument]
        var customer: Customer?
        var tenantDryRun: Bool
    }

    static func send(_ record: InvoiceRecord, context: PipelineContext) async throws -> RoutedDispatch {
        let router = context.dispatcher as? any RoutingDecider
        let loaded = try await context.store.read { transaction in
            var stored: [DocumentKind: StoredDocument] = [:]
            for kind in [DocumentKind.cii, .ubl, .facturX] {
                stored[kind] = try await transaction.document(invoice: record.id, kind: kind, tenant: record.tenant)
            }
            let original = router == nil
                ? nil : try await transaction.document(invoice: record.id, kind: .original, tenant: record.tenant)
            var customer: Customer?
            if router != nil, let code = record.customerCode,
                let master = try await transaction.masterRecord(.customer, code: code, tenant: record.tenant)
            {
                customer = try? MasterDataService.decode(master)
            }
            let dryRun = try await transaction.tenant(record.tenant)?.settings.dryRun ?? false
            return Loaded(original: original, stored: stored, customer: customer, tenantDryRun: dryRun)
        }
        let dryRun = loaded.tenantDryRun || router?.isDryRun(tenant: record.tenant) == true
        guard let router else {
            let document = record.sourceFormat == .ubl
                ? (loaded.stored[.ubl] ?? loaded.stored[.cii]) : (loaded.stored[.cii] ?? loaded.stored[.ubl])
            guard let document else { throw StepFailure(permanent: true, "no rendered document to send") }
            if dryRun {
                let format = document.kind == .ubl ? "UBL" : "CII"
                return RoutedDispatch(
                    outcome: .held(reason: "dry run: would send to \(context.dispatcher.name) as \(format) "
                        + "(no routing configured)"),
                    platform: context.dispatcher.name)
            }
            let outcome = try await context.dispatcher.dispatch(DispatchRequest(
                tenant: record.tenant, invoice: record, document: document,
                submissionKey: "invoice:\(record.id.rawValue)"))
            return RoutedDispatch(outcome: outcome, platform: context.dispatcher.name)
        }
        guard let original = loaded.original else {
            throw StepFailure(permanent: true, "the original payload is missing")
        }
        let invoice: Invoice
        do {
            invoice = try InvoicePayload.decode(original.bytes).invoice
        } catch {
            throw StepFailure(permanent: true, "the stored payload cannot be read any more: \(error.message)")
        }
        let facts = RoutingFacts(invoice: invoice, record: record, customer: loaded.customer)
        guard let decision = router.decide(facts, tenant: record.tenant) else {
            throw StepFailure(
                permanent: true, "tenant \(record.tenant) has no routing table and there is no shared one")
        }
        try await recordRouted(decision, record: record, context: context)
        let platform = router.platformName(for: decision.target)
        if decision.isLegacy {
            let reason = dryRun ? decision.dryRunReason : decision.legacyReason
            return RoutedDispatch(outcome: .held(reason: reason), platform: platform)
        }
        let document = try await DeliveryDocument.make(
            decision, invoice: invoice, record: record, original: original, stored: loaded.stored, context: context)
        if dryRun { return RoutedDispatch(outcome: .held(reason: decision.dryRunReason), platform: platform) }
        let outcome = try await context.dispatcher.dispatch(DispatchRequest(
            tenant: record.tenant, invoice: record, document: document,
            submissionKey: "invoice:\(record.id.rawValue)", route: decision))
        return RoutedDispatch(outcome: outcome, platform: platform)
    }

    /// `invoice.routed`, once per invoice (a retried step finds it written). The state does not change, so it goes
    /// to the event log only (the audit timeline), not to the change feed.
    static func recordRouted(_ decision: RouteDecision, record: InvoiceRecord, context: PipelineContext)
        async throws
    {
        let event = InvoiceEvent(
            tenant: record.tenant, invoiceID: record.id, type: "invoice.routed", state: record.state,
            dedupKey: "routed", actor: "pipeline", message: decision.summary, detailJSON: decision.detailJSON,
            occurredAt: context.clock.now())
        do {
            try await context.store.transaction { transaction in _ = try await transaction.appendEvent(event) }
        } catch StoreError.duplicate {
            // Written by an earlier attempt of the same step.
        }
    }
}
