import Foundation

/// `archived → held | submitted` (or from `rendered` when no archive is wired): hands the customer's preferred
/// document to the dispatch port.
///
/// The port's call is the step's external effect. It happens outside the transaction; if the process dies after the
/// call and before the commit, the step runs again with the same submission key and the port must recognise it.
struct DispatchStep: InvoiceStep {
    var from: InvoiceState { .archived }
    var startStates: Set<InvoiceState> { [.archived, .rendered] }

    func run(_ job: Job, context: PipelineContext) async throws {
        guard let record = try await loadInvoice(job, context: context) else { return }
        let document = try await context.store.read { transaction in
            let ubl = try await transaction.document(invoice: record.id, kind: .ubl, tenant: record.tenant)
            let cii = try await transaction.document(invoice: record.id, kind: .cii, tenant: record.tenant)
            return record.sourceFormat == .ubl ? (ubl ?? cii) : (cii ?? ubl)
        }
        guard let document else { throw StepFailure(permanent: true, "no rendered document to send") }
        let request = DispatchRequest(
            tenant: record.tenant, invoice: record, document: document, submissionKey: "invoice:\(record.id.rawValue)")
        let outcome = try await context.dispatcher.dispatch(request)
        switch outcome {
        case .held(let reason):
            try await advance(
                record, to: .held, job: job, context: context, eventType: "invoice.held",
                message: "Held: \(reason)", next: nil)
        case .submitted(let platformID, let receipt):
            try await advance(
                record, to: .submitted, job: job, context: context, eventType: "invoice.submitted",
                message: "Submitted to \(context.dispatcher.name) as \(platformID)",
                detailJSON: #"{"platform":"\#(context.dispatcher.name)","platformID":"\#(platformID)"}"#,
                also: { transaction in
                    try await transaction.recordPlatformSubmission(
                        tenant: record.tenant, invoice: record.id, platform: context.dispatcher.name,
                        flowID: platformID, at: context.clock.now())
                    try await PlatformReceipt.store(receipt, of: record, at: context.clock.now(), in: transaction)
                },
                next: nil)
        }
    }
}
