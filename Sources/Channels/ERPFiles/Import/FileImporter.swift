import EInvoice
import Foundation
import Gateway

/// Imports one ERP file: reads it with its mapping, one invoice at a time, and submits each good invoice through
/// the Gateway's ``IntakeService`` (master data through ``MasterDataService``). With no store it only reads and
/// checks (a dry run).
///
/// Policy ``ImportPolicy/perInvoice``: good invoices go on, refused ones are reported. ``ImportPolicy/allOrNothing``:
/// the file is read twice, first only to check it; it is submitted only when nothing was refused.
public struct FileImporter: Sendable {
    public var mapping: ERPMapping
    public var tenant: TenantID
    /// Who submits, for the invoice events (e.g. `file:import`, `folder:/srv/erp/in`).
    public var actor: String
    /// Nil: dry run.
    public var store: (any GatewayStore)?
    public var clock: any GatewayClock
    /// Largest XML file read (XML is parsed whole).
    public var maximumXMLBytes = 64 << 20
    /// Batches handed to intake at once: the next invoices are read (and encoded) while earlier batches are stored
    /// (the store still writes one transaction at a time). 1 = one after the other.
    public var submissionsInFlight = 3
    /// Invoices stored per store transaction (``IntakeService/receive(batch:)``); each keeps its own outcome.
    public var invoicesPerTransaction = 250
    /// When set, the time spent per phase is added to it (benchmarks).
    public var timings: ImportTimings?

    public init(mapping: ERPMapping, tenant: TenantID = TenantID("default"), actor: String = "file:import",
                store: (any GatewayStore)?, clock: any GatewayClock = SystemClock()) {
        self.mapping = mapping
        self.tenant = tenant
        self.actor = actor
        self.store = store
        self.clock = clock
    }

    /// The reader for a file: XML when it starts with `<` (a CII or UBL invoice is taken as it is), else as the
    /// mapping says.
    public func makeSource(path: String) throws -> any ImportSource {
        let source = try ByteSource(path: path)
        let head = try ByteSource(path: path, chunkSize: 64).read()
        if mapping.format == .xml || Self.looksLikeXML(head) {
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ImportFailure.unreadableFile(path: path, reason: "the file cannot be read")
            }
            guard data.count <= maximumXMLBytes else {
                throw ImportFailure.fileRefused(RowProblem(line: 0, message: "the XML file is \(data.count) bytes; at most \(maximumXMLBytes) are read"))
            }
            return try XMLInvoiceSource(bytes: [UInt8](data), mapping: mapping)
        }
        if mapping.kind == .invoices { return CSVInvoiceSource(source: source, mapping: mapping) }
        return MasterDataCSVSource(source: source, mapping: mapping)
    }

    static func looksLikeXML(_ head: [UInt8]) -> Bool {
        let first = head.first { ![0x20, 0x09, 0x0A, 0x0D, 0xEF, 0xBB, 0xBF].contains($0) }
        return first == UInt8(ascii: "<")
    }

    /// Imports the file at `path`. `progress` is called after each unit read.
    public func importFile(at path: String, batchID: String? = nil,
                           progress: ((ReadProgress, ImportReport) -> Void)? = nil) async throws -> ImportReport
    {
        if mapping.policy == .allOrNothing, store != nil {
            var check = self
            check.store = nil
            let checked = try await check.run(path: path, batchID: batchID, progress: progress)
            if checked.hasRejections {
                var refused = checked
                refused.dryRun = false
                refused.refusedWholeFile = true
                refused.accepted = 0
                refused.duplicates = 0
                refused.acceptedNumbers = []
                refused.acceptedItems = []
                return refused
            }
        }
        return try await run(path: path, batchID: batchID, progress: progress)
    }

    private func run(path: String, batchID: String?, progress: ((ReadProgress, ImportReport) -> Void)?)
        async throws -> ImportReport
    {
        var report = ImportReport(file: path)
        report.dryRun = store == nil
        var source = try makeSource(path: path)
        let intake = store.map { IntakeService(store: $0, clock: clock) }
        let masterData = store.map { MasterDataService(store: $0, clock: clock) }
        let limit = max(1, submissionsInFlight)
        let batchSize = max(1, invoicesPerTransaction)
        let (tenant, actor, timings) = (self.tenant, self.actor, self.timings)
        var readingTime = Duration.zero
        try await withThrowingTaskGroup(of: [Submitted].self) { group in
            var inFlight = 0
            var batch: [ReadInvoice] = []
            batch.reserveCapacity(batchSize)
            var readStart = ContinuousClock.now
            while let unit = try source.next() {
                readingTime += ContinuousClock.now - readStart
                defer { readStart = ContinuousClock.now }
                report.itemsRead += 1
                switch unit {
                case .rejected(let rejection):
                    report.rejected.append(rejection)
                case .invoice(let read):
                    guard let intake else {
                        report.accepted += 1
                        report.acceptedItems.append(AcceptedItem(
                            number: read.number, firstLine: read.firstLine, lastLine: read.lastLine, invoiceID: nil,
                            duplicate: false))
                        break
                    }
                    batch.append(read)
                    guard batch.count >= batchSize else { break }
                    if inFlight >= limit, let done = try await group.next() {
                        for submitted in done { Self.merge(submitted, into: &report) }
                        inFlight -= 1
                    }
                    group.addTask { [batch] in
                        await Self.submit(batch, intake: intake, tenant: tenant, actor: actor, batchID: batchID,
                                      timings: timings)
                    }
                    batch.removeAll(keepingCapacity: true)
                    inFlight += 1
                case .masterData(let item):
                    guard let masterData else {
                        Self.check(item, into: &report)
                        break
                    }
                    try await write(item, with: masterData, into: &report)
                }
                let read = source.progress
                report.linesRead = read.linesRead
                report.bytesRead = read.bytesRead
                progress?(read, report)
            }
            if !batch.isEmpty, let intake {
                group.addTask { [batch] in
                    await Self.submit(batch, intake: intake, tenant: tenant, actor: actor, batchID: batchID,
                                      timings: timings)
                }
            }
            while let done = try await group.next() {
                for submitted in done { Self.merge(submitted, into: &report) }
            }
        }
        await timings?.add(reading: readingTime)
        let read = source.progress
        report.linesRead = read.linesRead
        report.bytesRead = read.bytesRead
        Self.putInFileOrder(&report)
        return report
    }

    /// What intake made of one invoice.
    enum Submitted: Sendable {
        case accepted(AcceptedItem)
        case rejected(Rejection)
    }

    /// Submissions finish out of order: accepted items and rejections are put back in the order of their lines.
    static func putInFileOrder(_ report: inout ImportReport) {
        report.acceptedItems = report.acceptedItems.enumerated()
            .sorted { ($0.element.firstLine, $0.offset) < ($1.element.firstLine, $1.offset) }.map(\.element)
        report.acceptedNumbers = report.acceptedItems.map(\.number)
        report.rejected = report.rejected.enumerated()
            .sorted { ($0.element.firstLine, $0.offset) < ($1.element.firstLine, $1.offset) }.map(\.element)
    }

    static func merge(_ submitted: Submitted, into report: inout ImportReport) {
        switch submitted {
        case .accepted(let item):
            if item.duplicate { report.duplicates += 1 } else { report.accepted += 1 }
            report.acceptedItems.append(item)
        case .rejected(let rejection):
            report.rejected.append(rejection)
        }
    }

    /// Encodes each invoice (unless the file's own bytes are kept) and hands the batch to intake in one
    /// transaction; each invoice keeps its own outcome.
    static func submit(_ reads: [ReadInvoice], intake: IntakeService, tenant: TenantID, actor: String,
                       batchID: String?, timings: ImportTimings? = nil) async -> [Submitted]
    {
        let encodeStart = ContinuousClock.now
        let items = reads.map { read in
            IntakeItem(request: IntakeRequest(tenant: tenant, payload: read.payload ?? InvoiceJSON.encode(read.invoice),
                                              actor: actor, batchID: batchID),
                       invoice: read.payload == nil ? read.invoice : nil)
        }
        let storeStart = ContinuousClock.now
        let results: [Result<IntakeOutcome, IntakeError>]
        do {
            results = try await intake.receive(batch: items)
        } catch {
            let message = "the gateway could not store the invoice: \(error)"
            return reads.map { rejected($0, message) }
        }
        await timings?.add(encoding: storeStart - encodeStart, storing: ContinuousClock.now - storeStart,
                           transactions: 1)
        return zip(reads, results).map { read, result in
            switch result {
            case .success(let outcome):
                let duplicate: Bool
                switch outcome {
                case .created: duplicate = false
                case .existing: duplicate = true
                }
                return .accepted(AcceptedItem(
                    number: read.number, firstLine: read.firstLine, lastLine: read.lastLine,
                    invoiceID: outcome.record.id.rawValue, duplicate: duplicate))
            case .failure(let error):
                let message: String
                switch error {
                case .conflict(_, let reason): message = reason
                case .missingIdentity(let reason): message = reason
                case .unreadable(_, let reason): message = reason
                }
                return rejected(read, message)
            }
        }
    }

    static func rejected(_ read: ReadInvoice, _ message: String) -> Submitted {
        .rejected(Rejection(
            invoiceNumber: read.number.isEmpty ? nil : read.number, firstLine: read.firstLine,
            lastLine: read.lastLine, problems: [RowProblem(line: read.firstLine, message: message)]))
    }

    private func write(_ item: MasterDataUnit, with service: MasterDataService, into report: inout ImportReport)
        async throws
    {
        let problems: [MasterDataProblem]
        switch item {
        case .customer(let customer, _): problems = Self.problems(try await service.upsert(customer, tenant: tenant))
        case .product(let product, _): problems = Self.problems(try await service.upsert(product, tenant: tenant))
        case .priceList(let list, _): problems = Self.problems(try await service.upsert(list, tenant: tenant))
        }
        Self.record(item, problems: problems, into: &report)
    }

    /// A dry run checks master data as the service would.
    private static func check(_ item: MasterDataUnit, into report: inout ImportReport) {
        let problems: [MasterDataProblem]
        switch item {
        case .customer(let customer, _): problems = customer.problems()
        case .product(let product, _): problems = product.problems()
        case .priceList(let list, _): problems = list.problems()
        }
        record(item, problems: problems, into: &report)
    }

    /// Counts a master-data item as accepted, or lists it as refused with its line and problems.
    private static func record(_ item: MasterDataUnit, problems: [MasterDataProblem], into report: inout ImportReport) {
        if problems.isEmpty {
            report.accepted += 1
            report.acceptedItems.append(AcceptedItem(
                number: item.code, firstLine: item.line, lastLine: item.line, invoiceID: nil, duplicate: false))
        } else {
            report.rejected.append(Rejection(
                invoiceNumber: item.code, firstLine: item.line, lastLine: item.line,
                problems: problems.map { RowProblem(line: item.line, message: "\($0.field): \($0.message)") }))
        }
    }

    private static func problems<Item>(_ result: MasterDataWriteResult<Item>) -> [MasterDataProblem] {
        switch result {
        case .written: []
        case .invalid(let problems): problems
        case .stale(let version): [MasterDataProblem(field: "version", message: "changed meanwhile (version \(version))")]
        }
    }
}
