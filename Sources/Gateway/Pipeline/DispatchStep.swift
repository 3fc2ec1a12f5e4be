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
        guard try await BuyerDirectoryCheck().clears(record, job: job, step: self, context: context) else { return }
        let routed = try await RoutedDispatch.send(record, context: context)
        let outcome = routed.outcome
        switch outcome {
        case .held(let reason):
            try await advance(
                record, to: .held, job: job, context: context, eventType: "invoice.held",
                message: "Held: \(reason)", next: nil)
        case .submitted(let platformID, let receipt):
            try await advance(
                record, to: .submitted, job: job, context: context, eventType: "invoice.submitted",
                message: "Submitted to \(routed.platform) as \(platformID)",
                detailJSON: #"{"platform":"\#(routed.platform)","platformID":"\#(platformID)"}"#,
                also: { transaction in
                    try await transaction.recordPlatformSubmission(
                        tenant: record.tenant, invoice: record.id, platform: routed.platform,
                        flowID: platformID, at: context.clock.now())
                    try await PlatformReceipt.store(receipt, of: record, at: context.clock.now(), in: transaction)
                },
                next: nil)
        }
    }
}
