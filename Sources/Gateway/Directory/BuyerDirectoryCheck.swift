import EInvoice
import Foundation

/// The lookup before sending: asks the directory where the buyer receives its invoices. Found: the customer master
/// record gets the addressing identifier (BT-49, scheme 0225) and the receiving platform, and the invoice an
/// `invoice.directory` event. Not found: the invoice is held with the reason, not sent. Directory unavailable: a
/// transient ``StepFailure`` (the job retries). Without a directory in the context it does nothing.
struct BuyerDirectoryCheck {
    /// True when dispatch may go on; false when the check held the invoice (and completed the job).
    func clears(_ record: InvoiceRecord, job: Job, step: some InvoiceStep, context: PipelineContext) async throws
        -> Bool
    {
        guard let directory = context.directory else { return true }
        let (customer, buyer) = try await identity(of: record, context: context)
        guard !buyer.isEmpty else { return true }
        let answer: DirectoryAnswer
        do {
            answer = try await directory.lookUp(buyer, tenant: record.tenant)
        } catch let failure as DirectoryFailure {
            throw StepFailure(permanent: !failure.isTransient, "buyer \(buyer.label): \(failure)")
        } catch let failure as StepFailure {
            throw failure
        } catch {
            throw StepFailure(permanent: false, "buyer \(buyer.label): the directory could not be asked: \(error)")
        }
        switch answer {
        case .notFound(let reason):
            try await step.advance(
                record, to: .held, job: job, context: context, eventType: "invoice.held",
                dedupKey: "invoice.held:directory:v\(record.version)", message: "Held: buyer \(buyer.label) is not in the directory: \(reason)",
                detailJSON: Self.json(["directory": directory.name, "reason": reason]), next: nil)
            return false
        case .found(let entry):
            if let code = customer {
                let writeBack = DirectoryWriteBack(masterData: MasterDataService(store: context.store, clock: context.clock))
                if case .refused(let problems) = try await writeBack.write(entry, customer: code, tenant: record.tenant) {
                    context.logger.warning("directory answer not written onto customer \(code): \(problems)")
                }
            }
            try await recordFound(entry, buyer: buyer, record: record, directory: directory.name, context: context)
            return true
        }
    }

    /// The customer's code (when its master record exists) and the buyer's identity: the record's identifiers,
    /// completed by the invoice's buyer.
    private func identity(of record: InvoiceRecord, context: PipelineContext) async throws
        -> (customer: String?, buyer: BuyerIdentity)
    {
        let (stored, original) = try await context.store.read { transaction in
            var stored: MasterRecord?
            if let code = record.customerCode {
                stored = try await transaction.masterRecord(.customer, code: code, tenant: record.tenant)
            }
            let original = try await transaction.document(invoice: record.id, kind: .original, tenant: record.tenant)
            return (stored, original)
        }
        let customer: Customer? = try stored.map { try MasterDataService.decode($0) }
        let party = original.flatMap { try? InvoicePayload.decode($0.bytes).invoice.buyer }
        return (customer?.code, BuyerIdentity(customer: customer, invoiceBuyer: party))
    }

    /// The `invoice.directory` event (once per addressing identifier): no state change, in the change feed and to
    /// the webhooks that want it.
    private func recordFound(_ entry: DirectoryEntry, buyer: BuyerIdentity, record: InvoiceRecord, directory: String,
                             context: PipelineContext) async throws
    {
        let dedupKey = "invoice.directory:\(entry.addressingIdentifier)"
        var detail = ["directory": directory, "addressingIdentifier": entry.addressingIdentifier,
                      "scheme": entry.scheme, "siren": entry.siren, "platformType": entry.platform.type]
        detail["siret"] = entry.siret
        detail["routingCode"] = entry.routingCode
        let event = InvoiceEvent(
            tenant: record.tenant, invoiceID: record.id, type: "invoice.directory", state: record.state,
            dedupKey: dedupKey, actor: "pipeline",
            message: "Buyer \(buyer.label) receives its invoices at \(entry.addressingIdentifier) "
                + "(scheme \(entry.scheme)) on an \(entry.platform.name)",
            detailJSON: Self.json(detail), occurredAt: context.clock.now())
        try await context.store.transaction { transaction in
            let known = try await transaction.events(invoice: record.id, tenant: record.tenant)
            guard !known.contains(where: { $0.dedupKey == dedupKey }) else { return }
            try await context.events.record(event, record: record, in: transaction)
        }
    }

    private static func json(_ object: [String: String]) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(object)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}
