import EInvoice
import Foundation
import Gateway
import Logging

/// Follows the invoices submitted to Chorus Pro until their lifecycle ends there: asks `consulterCRDetaille` how each
/// flow went, then, once integrated, the invoice's history, and feeds every status through
/// ``LifecycleService/receive(_:)`` — so they become events, payments and ERP notifications like any platform's.
///
/// Every round sends each invoice's whole known history again; the lifecycle ignores what it already has (message
/// ids `chorus-pro:<flow>:<state>` and `chorus-pro:<idFacture>:<histoStatutId>`), so a round may stop anywhere.
public struct ChorusProStatusFollower: Sendable {
    public let client: ChorusProClient
    public let store: any GatewayStore
    public let lifecycle: LifecycleService
    public let tenant: TenantID
    public var logger: Logger

    /// What one round did.
    public struct Round: Sendable, Equatable {
        /// Invoices looked at.
        public var followed = 0
        /// New statuses recorded.
        public var recorded = 0
        /// Invoices whose follow-up failed this round (logged; tried again next round).
        public var failed = 0
    }

    public init(client: ChorusProClient, store: any GatewayStore, lifecycle: LifecycleService, tenant: TenantID,
                logger: Logger = Logger(label: "passerelle.chorus-pro")) {
        self.client = client
        self.store = store
        self.lifecycle = lifecycle
        self.tenant = tenant
        self.logger = logger
    }

    /// Rounds every `interval` until the task is cancelled.
    public func run(every interval: Duration) async {
        while !Task.isCancelled {
            do {
                _ = try await round()
            } catch {
                logger.error("Chorus Pro status round failed: \(error)")
            }
            try? await Task.sleep(for: interval)
        }
    }

    /// One pass over the submitted invoices still followed.
    public func round() async throws -> Round {
        var result = Round()
        for (record, flow) in try await followedInvoices() {
            result.followed += 1
            do {
                result.recorded += try await follow(record, flow: flow)
            } catch {
                result.failed += 1
                logger.warning("Chorus Pro: invoice \(record.id.rawValue) (flow \(flow)): \(error)")
            }
        }
        return result
    }

    /// The tenant's submitted invoices sent to Chorus Pro whose lifecycle has not ended here (no terminal status,
    /// no 211 yet), with their flow numbers.
    func followedInvoices() async throws -> [(InvoiceRecord, String)] {
        var found: [(InvoiceRecord, String)] = []
        var cursor: InvoiceCursor?
        while true {
            let after = cursor
            let page = try await store.read { [tenant] transaction in
                try await transaction.invoices(tenant: tenant, filter: InvoiceFilter(states: [.submitted]),
                                               after: after, limit: 200)
            }
            for record in page {
                let (flow, summary) = try await store.read { [tenant] transaction in
                    let events = try await transaction.events(invoice: record.id, tenant: tenant)
                    let summary = try await transaction.lifecycleSummary(invoice: record.id, tenant: tenant)
                    return (Self.flow(in: events), summary)
                }
                guard let flow else { continue }
                if let current = summary?.current, current.isTerminal || current == .paymentSent { continue }
                found.append((record, flow))
            }
            guard page.count == 200, let last = page.last else { break }
            cursor = InvoiceCursor(createdAt: last.createdAt, id: last.id)
        }
        return found
    }

    /// The flow number of the invoice's submission to Chorus Pro, from its `invoice.submitted` event.
    static func flow(in events: [InvoiceEvent]) -> String? {
        struct Detail: Decodable {
            var platform: String?
            var platformID: String?
        }
        for event in events.reversed() where event.type == "invoice.submitted" {
            guard let json = event.detailJSON,
                let detail = try? JSONDecoder().decode(Detail.self, from: Data(json.utf8)),
                detail.platform == ChorusProDispatcher.platformName, let id = detail.platformID
            else { continue }
            return id
        }
        return nil
    }

    /// Asks Chorus Pro about one invoice; answers how many new statuses were recorded.
    func follow(_ record: InvoiceRecord, flow: String) async throws -> Int {
        let report = try await client.report(flow: flow)
        if report.isRejected {
            let reasons = report.listeErreurDP.compactMap(\.libelleErreurDP).filter { !$0.isEmpty }
                .map { StatusReason(code: "REJ_SEMAN", text: $0) }
            let status = ReceivedStatus(
                messageID: "chorus-pro:\(flow):IN_REJETE", status: .rejected,
                timestamp: try timestamp(report.dateHeureEtatCourantFlux, what: "dateHeureEtatCourantFlux"),
                reasons: reasons.isEmpty ? [StatusReason(code: "REJ_SEMAN", text: "flux rejeté par Chorus Pro")] : reasons)
            return try await receive(status, record: record)
        }
        if report.etatCourantDepotFlux == "IN_INCIDENTE" {
            logger.warning("Chorus Pro: flow \(flow) of invoice \(record.id.rawValue) is IN_INCIDENTE (not processed: deposit it again)")
            return 0
        }
        guard report.isIntegrated else { return 0 }
        let number = record.documentKey.number
        let candidates = try await client.invoices(number: number)
        guard let invoice = candidates.first(where: { $0.numeroFluxDepot == flow })
            ?? candidates.first(where: { $0.numeroFacture == number && $0.numeroFluxDepot == nil })
        else { return 0 }
        let history = try await client.history(invoice: invoice.identifiantFactureCPP)
        var recorded = 0
        for (entry, status) in ChorusProStatusMapping.lifecycleStatuses(of: history.entries) {
            let id = entry.histoStatutId.map(String.init) ?? "\(entry.histoStatutCode)-\(entry.histoStatutDatePassage ?? "")"
            let comment = entry.histoStatutCommentaire.map { [StatusReason(code: "", text: $0)] } ?? []
            var amounts: [StatusAmount] = []
            if status == .paymentSent, let total = record.totalWithVAT {
                amounts = [StatusAmount(typeCode: "MPA", amount: total, currency: record.currencyCode)]
            }
            let received = ReceivedStatus(
                messageID: "chorus-pro:\(invoice.identifiantFactureCPP):\(id)", status: status,
                timestamp: try timestamp(entry.histoStatutDatePassage, what: "histoStatutDatePassage"),
                reasons: comment, amounts: amounts)
            recorded += try await receive(received, record: record)
        }
        return recorded
    }

    private func receive(_ status: ReceivedStatus, record: InvoiceRecord) async throws -> Int {
        let receipt = try await lifecycle.receive(StatusSubmission(
            tenant: record.tenant, content: .structured(status), target: .invoice(record.id), source: .platform,
            actor: ChorusProDispatcher.platformName))
        if case .recorded = receipt.outcome { return 1 }
        return 0
    }

    private func timestamp(_ text: String?, what: String) throws -> LifecycleDateTime {
        guard let value = ChorusProStatusMapping.dateTime(text) else {
            throw ChorusProError.unreadableAnswer(call: "status", detail: "\(what) '\(text ?? "")' is not a date-time")
        }
        return value
    }
}
