import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Foundation

/// The simulated platform's state: flows, tracked invoices, webhooks and the timetable of what happens next.
/// Everything is in memory; `snapshot()` writes it out as JSON when asked.
actor SandboxPlatform {
    let clock: SandboxClock
    let scenario: Scenario
    let seed: UInt64
    let directory: Directory
    let messages: LifecycleMessages
    private let inspector: FlowInspector
    private let planner: LifecyclePlanner

    var flows: [String: StoredFlow] = [:]
    var flowOrder: [String] = []
    var invoices: [String: TrackedInvoice] = [:]
    var webhooks: [String: RegisteredWebhook] = [:]
    private var bySHA: [String: String] = [:]
    private var byInvoiceKey: [String: String] = [:]
    private var schedule: [ScheduledEvent] = []
    private var nextSequence = 0
    private var nextEventOrder = 0
    private var acceptedInvoices: UInt64 = 0

    init(clock: SandboxClock, scenario: Scenario, seed: UInt64, directory: Directory, platform: PlatformIdentity) {
        self.clock = clock
        self.scenario = scenario
        self.seed = seed
        self.directory = directory
        self.messages = LifecycleMessages(platform: platform)
        self.inspector = FlowInspector(validator: Validator(ruleSet: scenario.ruleSet))
        self.planner = LifecyclePlanner(scenario: scenario)
    }

    // MARK: Submission

    /// `POST /v1/flows`: stores the flow, checks it and plans what follows. The answer is the 202 body; the
    /// notifications are for the flows that are already settled.
    func submit(owner: String, info: FlowInfo, bytes: [UInt8]) -> (FullFlowInfo, [WebhookNotification]) {
        let now = clock.now()
        let sha = FlowInspector.sha256Hex(bytes)
        let flowId = UUID().uuidString.lowercased()
        var stored = StoredFlow(
            metadata: FlowMetadata(
                flowId: flowId, submittedAt: now, updatedAt: now, trackingId: info.trackingId, name: info.name,
                processingRule: info.processingRule ?? .undefined,
                processingRuleSource: info.processingRule == nil ? .computed : .input, flowSyntax: info.flowSyntax,
                flowProfile: info.flowProfile ?? .undefined,
                flowType: info.flowSyntax == .cdar ? .supplierInvoiceLC : .customerInvoice, flowDirection: .outgoing,
                acknowledgement: Acknowledgement(status: .pending, details: nil)),
            owner: owner, sequence: takeSequence(), sha256: sha, original: bytes)
        var acknowledgement = Acknowledgement(status: .ok, details: nil)
        var accepted: (invoice: TrackedInvoice, rejection: StatusReason?)?
        if let earlier = bySHA[owner + "|" + sha] {
            acknowledgement = Self.error(.init(item: "file", reason: .alreadyExistingFlow,
                                               message: "the same file (SHA-256 \(sha)) was received as flow \(earlier)"))
        } else {
            switch inspector.inspect(info: info, bytes: bytes) {
            case let .refused(detail):
                acknowledgement = Self.error(detail)
                if info.flowSyntax != .cdar { stored.metadata.flowType = .undefined }
            case .lifecycle:
                stored.metadata.processingRule = info.processingRule ?? .b2b
                bySHA[owner + "|" + sha] = flowId
            case let .invoice(inspected):
                bySHA[owner + "|" + sha] = flowId
                accepted = accept(inspected, into: &stored, info: info)
            }
        }
        stored.pendingAcknowledgement = acknowledgement
        flows[flowId] = stored
        flowOrder.append(flowId)
        let acknowledgedAt = now.addingTimeInterval(scenario.acknowledgementDelay)
        plan(.acknowledge(flowId: flowId), at: acknowledgedAt)
        if let accepted {
            invoices[flowId] = accepted.invoice
            planLifecycle(of: accepted.invoice, from: acknowledgedAt, rejection: accepted.rejection)
        }
        let answer = FullFlowInfo(flowId: flowId, submittedAt: now, trackingId: info.trackingId, name: info.name,
                                  processingRule: info.processingRule, flowSyntax: info.flowSyntax,
                                  flowProfile: info.flowProfile, sha256: info.sha256 ?? sha)
        return (answer, runDue())
    }

    /// Records a readable invoice: its rule and profile, and whether the platform rejects it (213): broken rules
    /// (REJ_SEMAN) or the same seller, number and year as an invoice already accepted (REJ_UNI).
    private func accept(_ inspected: InspectedInvoice, into stored: inout StoredFlow,
                        info: FlowInfo) -> (invoice: TrackedInvoice, rejection: StatusReason?) {
        let flowId = stored.metadata.flowId
        stored.metadata.processingRule = info.processingRule ?? inspected.computedRule
        if info.flowProfile == nil { stored.metadata.flowProfile = inspected.profile }
        stored.invoice = inspected.invoice
        stored.embeddedXML = inspected.embeddedXML
        let invoice = TrackedInvoice(flowId: flowId, owner: stored.owner, trackingId: info.trackingId,
                                     processingRule: stored.metadata.processingRule, invoice: inspected.invoice)
        if !inspected.fatalFindings.isEmpty { return (invoice, Self.semanticRejection(inspected.fatalFindings)) }
        if let first = byInvoiceKey[invoice.uniquenessKey] {
            return (invoice, StatusReason(code: "REJ_UNI", text: "invoice \(invoice.number) of seller "
                + "\(invoice.sellerSIREN) was already received in \(invoice.issueDate.year) (flow \(first))"))
        }
        byInvoiceKey[invoice.uniquenessKey] = flowId
        return (invoice, nil)
    }

    private static func error(_ detail: AcknowledgementDetail) -> Acknowledgement {
        Acknowledgement(status: .error, details: [detail])
    }

    /// 213 REJ_SEMAN, naming the rules broken (at most 20, then a count).
    static func semanticRejection(_ findings: [Finding]) -> StatusReason {
        var ids: [String] = []
        for finding in findings where !ids.contains(finding.ruleID) { ids.append(finding.ruleID) }
        var text = ids.prefix(20).joined(separator: ", ")
        if ids.count > 20 { text += " and \(ids.count - 20) more" }
        return StatusReason(code: "REJ_SEMAN", text: "rules broken: " + text)
    }

    private func planLifecycle(of invoice: TrackedInvoice, from start: Date, rejection: StatusReason?) {
        if let rejection {
            let delay = scenario.transmission.first?.after ?? 0
            plan(.status(invoiceFlowId: invoice.flowId,
                         step: ScenarioStep(status: .rejected, after: delay, reason: rejection)),
                 at: start.addingTimeInterval(delay))
            return
        }
        acceptedInvoices += 1
        var random = SeededRandom.derived(seed: seed, item: acceptedInvoices)
        let buyer = BuyerFacts(siren: invoice.buyerSIREN, addressingIdentifier: buyerAddress(invoice.flowId),
                               buyerReference: flows[invoice.flowId]?.invoice?.buyerReference,
                               directoryRoutingCodes: directory.routingCodes(forAddress: buyerAddress(invoice.flowId)))
        for planned in planner.plan(buyer: buyer, random: &random) {
            plan(.status(invoiceFlowId: invoice.flowId, step: planned.step), at: start.addingTimeInterval(planned.offset))
        }
    }

    private func buyerAddress(_ flowId: String) -> String? {
        flows[flowId]?.invoice?.buyer.electronicAddress?.value
    }

    /// Keeps the timetable sorted by (due, order): the next event is always the first.
    private func plan(_ kind: ScheduledEvent.Kind, at due: Date) {
        nextEventOrder += 1
        let event = ScheduledEvent(due: due, order: nextEventOrder, kind: kind)
        var low = 0
        var high = schedule.count
        while low < high {
            let middle = (low + high) / 2
            if (schedule[middle].due, schedule[middle].order) <= (event.due, event.order) {
                low = middle + 1
            } else {
                high = middle
            }
        }
        schedule.insert(event, at: low)
    }

    private func takeSequence() -> Int {
        nextSequence += 1
        return nextSequence
    }

    // MARK: Time

    /// The sandbox date of the next planned event, if any.
    func nextDue() -> Date? { schedule.first?.due }

    /// Runs every event due by now, in time order; returns the webhook calls to make.
    func runDue() -> [WebhookNotification] {
        let now = clock.now()
        var due = 0
        while due < schedule.count, schedule[due].due <= now { due += 1 }
        guard due > 0 else { return [] }
        let events = schedule[..<due]
        schedule.removeFirst(due)
        return events.flatMap { run($0) }
    }

    private func run(_ event: ScheduledEvent) -> [WebhookNotification] {
        switch event.kind {
        case let .acknowledge(flowId):
            guard var flow = flows[flowId], let acknowledgement = flow.pendingAcknowledgement else { return [] }
            flow.metadata.acknowledgement = acknowledgement
            flow.metadata.updatedAt = event.due
            flow.pendingAcknowledgement = nil
            flows[flowId] = flow
            return notifications(for: flow)
        case let .status(invoiceFlowId, step):
            guard var invoice = invoices[invoiceFlowId], invoice.statuses.last?.isTerminal != true else { return [] }
            invoice.statuses.append(step.status)
            invoices[invoiceFlowId] = invoice
            guard let message = messages.message(for: invoice, step: step, at: event.due,
                                                 number: invoice.statuses.count) else { return [] }
            let flow = storeLifecycleFlow(message, about: invoice, at: event.due)
            return notifications(for: flow)
        }
    }

    private func storeLifecycleFlow(_ message: CDARMessage, about invoice: TrackedInvoice, at date: Date) -> StoredFlow {
        let bytes = CDARWriter().write(message)
        let flowId = UUID().uuidString.lowercased()
        let name = "CDAR_\(Self.fileSafe(invoice.number))_\(message.status.code)_\(invoice.statuses.count).xml"
        let flow = StoredFlow(
            metadata: FlowMetadata(
                flowId: flowId, submittedAt: date, updatedAt: date, trackingId: invoice.trackingId, name: name,
                processingRule: invoice.processingRule, processingRuleSource: .computed, flowSyntax: .cdar,
                flowProfile: .undefined, flowType: .customerInvoiceLC, flowDirection: .incoming,
                acknowledgement: Acknowledgement(status: .ok, details: nil)),
            owner: invoice.owner, sequence: takeSequence(), sha256: FlowInspector.sha256Hex(bytes), original: bytes)
        flows[flowId] = flow
        flowOrder.append(flowId)
        return flow
    }

    static func fileSafe(_ text: String) -> String {
        String(text.map { $0.isLetter || $0.isNumber || $0 == "-" ? $0 : "_" }.prefix(60))
    }

    private func notifications(for flow: StoredFlow) -> [WebhookNotification] {
        webhooks.values.filter { $0.owner == flow.owner && $0.wants(flow.metadata) }
            .sorted { $0.createdAt < $1.createdAt }
            .map { WebhookNotification(webhook: $0, flow: flow.metadata) }
    }
}
