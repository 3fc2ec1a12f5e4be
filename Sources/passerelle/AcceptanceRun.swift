import Channels
import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Logging

/// A customer's acceptance run (*recette*): takes the sample files through an in-process gateway on a temporary
/// SQLite store — intake, catalogue and rules, render, routing — in dry run (nothing leaves the machine), then
/// reads what became of every invoice.
struct AcceptanceRun: Sendable {
    /// Files or folders: CII/UBL XML, Factur-X PDF and JSON invoices are taken as they are; other files (CSV…) are
    /// read with ``mapping``.
    var inputs: [String]
    var mapping: ERPMapping?
    var policy: RoutingPolicy
    var routingFile: String
    var tenant = TenantID("default")
    var frenchRules = true
    /// Master data (customers, products, price lists) to load first, each with its mapping; with none, the
    /// catalogue checks are off.
    var masterData: [(file: String, mapping: ERPMapping)] = []
    /// The ERP batch id given to every invoice (the routing's `batch:` condition).
    var batch: String?
    /// With a sandbox, the invoices routed to a platform are sent to it and its verdicts awaited (no dry run).
    var sandbox: AcceptanceSandbox?

    /// Extensions taken as invoices as they are; files with these other extensions are skipped in folders.
    static let invoiceExtensions: Set<String> = ["xml", "pdf", "json"]
    static let skippedExtensions: Set<String> = ["yaml", "yml", "md", "txt"]

    func run() async throws -> AcceptanceReport {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-acceptance-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logger = Logger(label: "passerelle.acceptance")
        logger.logLevel = .critical
        let store = try await SQLGatewayStore.open(
            url: "sqlite:" + folder.appendingPathComponent("acceptance.sqlite").path, logger: logger)
        do {
            try await store.migrate()
            let report = try await run(on: store, logger: logger)
            try await store.shutdown()
            return report
        } catch {
            try? await store.shutdown()
            throw error
        }
    }

    private func run(on store: SQLGatewayStore, logger: Logger) async throws -> AcceptanceReport {
        let catalogue = !masterData.isEmpty
        let settings = TenantSettings(
            catalogue: CataloguePolicy(
                rejectUnknownProduct: catalogue, rejectInactiveProduct: catalogue, rejectVATMismatch: catalogue,
                rejectPriceMismatch: catalogue),
            frenchRules: frenchRules, dryRun: sandbox == nil)
        try await store.transaction { transaction in
            try await transaction.insertTenant(Tenant(id: tenant, name: tenant.rawValue, settings: settings,
                                                      createdAt: Date()))
        }
        var report = AcceptanceReport(routingFile: routingFile,
                                      mode: sandbox.map { "sandbox \($0.url)" } ?? "dry run (nothing sent)",
                                      tenant: tenant.rawValue)
        if !catalogue { report.notes.append("no master data given: the catalogue checks are off") }
        for (file, mapping) in masterData {
            let importer = FileImporter(mapping: mapping, tenant: tenant, actor: "acceptance", store: store)
            let imported = try await importer.importFile(at: file)
            for rejection in imported.rejected {
                report.notes.append("master data \(file), \(rejection.lineRange): "
                    + rejection.problems.map(\.message).joined(separator: "; "))
            }
        }
        // Every invoice keeps its place in the sample (file order, then line order), whatever became of it.
        var taken: [(id: InvoiceID, source: String, place: Int)] = []
        var placed: [(entry: AcceptanceReport.Entry, place: Int)] = []
        for file in try Self.files(inputs) {
            let (ids, refused, notes) = try await take(file, store: store)
            let known = Set(taken.map(\.id))
            for item in ids where !known.contains(item.id) {
                taken.append((item.id, item.source, taken.count + placed.count))
            }
            for entry in refused { placed.append((entry, taken.count + placed.count)) }
            report.notes += notes
        }
        var runPolicy = policy
        runPolicy.dryRun = sandbox == nil
        let dispatcher = try RoutingDispatcher(policy: runPolicy, ports: sandbox?.ports(policy.targets) ?? [:])
        let worker = PipelineWorker(context: PipelineContext(
            store: store, dispatcher: dispatcher, webhooks: NoWebhooks(),
            configuration: PipelineConfiguration(workerID: "acceptance"), logger: logger))
        _ = try await worker.drain()
        for (id, source, place) in taken {
            var found = try await entry(id, source: source, store: store, policy: runPolicy)
            if let sandbox { found = await Self.judged(found, id: id, by: sandbox) }
            placed.append((found, place))
        }
        report.entries = placed.sorted { $0.place < $1.place }.map(\.entry)
        return report
    }

    /// The files of the inputs, folders read recursively, in name order.
    static func files(_ inputs: [String]) throws -> [String] {
        var files: [String] = []
        for input in inputs {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: input, isDirectory: &isFolder) else {
                throw AcceptanceFailure("\(input) does not exist")
            }
            guard isFolder.boolValue else {
                files.append(input)
                continue
            }
            let names = (FileManager.default.subpaths(atPath: input) ?? []).sorted()
            for name in names where !name.split(separator: "/").contains(where: { $0.hasPrefix(".") }) {
                let path = (input as NSString).appendingPathComponent(name)
                var nested: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &nested), !nested.boolValue else {
                    continue
                }
                let ext = (name as NSString).pathExtension.lowercased()
                if skippedExtensions.contains(ext) { continue }
                files.append(path)
            }
        }
        return files
    }

    /// Hands one file to intake: as it is, or through the mapping.
    private func take(_ file: String, store: SQLGatewayStore) async throws
        -> (ids: [(id: InvoiceID, source: String)], refused: [AcceptanceReport.Entry], notes: [String])
    {
        let name = (file as NSString).lastPathComponent
        let ext = (file as NSString).pathExtension.lowercased()
        if Self.invoiceExtensions.contains(ext) {
            guard let data = FileManager.default.contents(atPath: file) else {
                return ([], [Self.refused(file, nil, "the file cannot be read")], [])
            }
            do {
                let outcome = try await IntakeService(store: store).receive(IntakeRequest(
                    tenant: tenant, payload: [UInt8](data), actor: "acceptance", batchID: batch))
                if case .existing = outcome {
                    return ([], [], ["\(file) is the same invoice as one already taken (not counted twice)"])
                }
                return ([(outcome.record.id, file)], [], [])
            } catch let error as IntakeError {
                return ([], [Self.refused(file, nil, Self.message(error))], [])
            }
        }
        guard let mapping else {
            let message = "\(name) is not an XML, PDF or JSON invoice: give --mapping to read it"
            return ([], [Self.refused(file, nil, message)], [])
        }
        let importer = FileImporter(mapping: mapping, tenant: tenant, actor: "acceptance", store: store)
        let imported: ImportReport
        do {
            imported = try await importer.importFile(at: file, batchID: batch)
        } catch {
            return ([], [Self.refused(file, nil, "\(error)")], [])
        }
        let ids = imported.acceptedItems.compactMap { item -> (id: InvoiceID, source: String)? in
            guard let id = item.invoiceID, !item.duplicate else { return nil }
            let lines = item.firstLine == item.lastLine
                ? "line \(item.firstLine)" : "lines \(item.firstLine)–\(item.lastLine)"
            return (InvoiceID(id), "\(file), \(lines)")
        }
        let refused = imported.rejected.map { rejection in
            AcceptanceReport.Entry(
                source: "\(file), \(rejection.lineRange)", number: rejection.invoiceNumber, buyer: nil,
                outcome: .refused,
                problems: rejection.problems.map {
                    .reading($0.message, location: $0.line == 0 ? nil : "line \($0.line)")
                },
                warnings: [], route: nil, dispatch: nil)
        }
        return (ids, refused, [])
    }

    /// What became of one invoice, read back from the store.
    private func entry(_ id: InvoiceID, source: String, store: SQLGatewayStore, policy: RoutingPolicy) async throws
        -> AcceptanceReport.Entry
    {
        let (record, events, original) = try await store.read { transaction in
            (try await transaction.invoice(id, tenant: tenant),
             try await transaction.events(invoice: id, tenant: tenant),
             try await transaction.document(invoice: id, kind: .original, tenant: tenant))
        }
        guard let record else { return Self.refused(source, nil, "the invoice disappeared from the store") }
        let fatal = record.findings.filter { $0.severity == .fatal }.map { AcceptanceReport.Problem($0) }
        let warnings = record.findings.filter { $0.severity != .fatal }.map { AcceptanceReport.Problem($0) }
        var route = events.last { $0.type == "invoice.routed" }.flatMap { RouteDecision(detailJSON: $0.detailJSON) }
        if route == nil, let original, let invoice = try? InvoicePayload.decode(original.bytes).invoice {
            route = policy.decide(RoutingFacts(invoice: invoice, record: record, customer: nil), tenant: tenant)
        }
        var entry = AcceptanceReport.Entry(
            source: source, number: record.documentKey.number, buyer: record.buyerName.isEmpty ? nil : record.buyerName,
            outcome: .passed, problems: fatal, warnings: warnings, route: route, dispatch: nil)
        switch record.state {
        case .held, .submitted:
            entry.dispatch = events.last { $0.type == "invoice.held" || $0.type == "invoice.submitted" }
                .map { $0.message.hasPrefix("Held: ") ? String($0.message.dropFirst(6)) : $0.message }
        case .rejected:
            entry.outcome = .rejected
        case .received, .checked, .rendered, .archived:
            entry.outcome = .unfinished
            let parked = events.last { $0.type == "job.parked" }?.message
            entry.problems.append(.reading(parked ?? "the pipeline stopped in state \(record.state.rawValue)"))
        }
        return entry
    }

    /// The entry with the platform's verdict: for an invoice sent (submitted), or stopped at dispatch (an `Error`
    /// acknowledgement parks the job).
    static func judged(_ entry: AcceptanceReport.Entry, id: InvoiceID, by sandbox: AcceptanceSandbox) async
        -> AcceptanceReport.Entry
    {
        guard let route = entry.route, !route.isLegacy, entry.outcome == .passed || entry.outcome == .unfinished,
              let verdict = await sandbox.verdict(trackingId: "invoice:\(id.rawValue)",
                                                  wait: entry.outcome == .passed)
        else { return entry }
        var judged = entry
        judged.platform = verdict
        switch verdict.verdict {
        case .accepted:
            judged.outcome = .passed
        case .rejected, .acknowledgementError:
            judged.outcome = .rejected
            judged.problems.removeAll { $0.rule == nil }
            let what = verdict.verdict == .rejected
                ? "the platform rejected it (\(verdict.status ?? "213") \(verdict.statusLabel ?? ""))"
                : "the platform refused the flow (acknowledgement Error)"
            judged.problems += verdict.reasons.map {
                AcceptanceReport.Problem(rule: $0.code.isEmpty ? nil : $0.code, severity: "fatal", terms: [],
                                         message: "\(what): \($0.text)", location: nil)
            }
            if verdict.reasons.isEmpty { judged.problems.append(.reading(what)) }
        case .noVerdict:
            judged.outcome = .unfinished
            judged.problems.append(.reading("no verdict from the platform within the timeout: "
                + (verdict.detail ?? "nothing decisive")))
        }
        return judged
    }

    static func refused(_ source: String, _ number: String?, _ message: String) -> AcceptanceReport.Entry {
        AcceptanceReport.Entry(source: source, number: number, buyer: nil, outcome: .refused,
                               problems: [.reading(message)], warnings: [], route: nil, dispatch: nil)
    }

    static func message(_ error: IntakeError) -> String {
        switch error {
        case .unreadable(_, let message), .missingIdentity(let message): message
        case .conflict(_, let reason): reason
        }
    }
}

/// A usage problem of the acceptance command (exit status 2).
struct AcceptanceFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// The acceptance tenant has no webhook subscription: nothing is ever posted.
struct NoWebhooks: WebhookTransport {
    func post(url: String, headers: [(String, String)], body: [UInt8]) async throws -> Int {
        throw AcceptanceFailure("an acceptance run posts no webhook")
    }
}
