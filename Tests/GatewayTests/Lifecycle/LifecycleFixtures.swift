import EInvoice
import EInvoiceSyntax
import Foundation
import Gateway
import Testing

/// CDAR messages about the sample invoice, as a platform, the buyer or the seller would send them.
enum LifecycleFixtures {
    static func at(_ text: String) throws -> LifecycleDateTime {
        try #require(LifecycleDateTime(text: text), "bad fixture date-time \(text)")
    }

    /// The invoice reference of a CDAR about `invoice`.
    static func reference(_ invoice: Invoice) throws -> CDARInvoiceReference {
        CDARInvoiceReference(
            number: invoice.number, issueDate: try #require(invoice.issueDate),
            sellerSIREN: try #require(invoice.seller.legalRegistrationIdentifier?.value))
    }

    /// A CDAR message for `code` at `time` (`YYYYMMDDHHMMSS`), with `paid` as one MEN amount for 211/212.
    static func message(_ invoice: Invoice, _ code: String, at time: String, id: String? = nil,
                        reasons: [StatusReason] = [], paid: ExactDecimal? = nil, currency: String = "EUR") throws
        -> CDARMessage
    {
        let status = LifecycleStatus(code: code)
        let sender = status.phase == .transmission
            ? CDARParty(globalID: "0042", globalIDScheme: "0238", name: "PA Émettrice", role: "WK")
            : status.setBy == .seller
                ? CDARParty.siren(try reference(invoice).sellerSIREN, role: "SE", name: invoice.seller.name)
                : CDARParty.siren("200000008", role: "BY", name: "Compagnie Cliente SA")
        let recipient = CDARParty(globalID: "200000008", globalIDScheme: "0002", role: "BY",
                                  electronicAddress: "200000008_ACHATS", electronicAddressScheme: "0225")
        return CDARMessage(
            messageID: id ?? "CDV-\(code)-\(time)", issueDateTime: try at(time), sender: sender,
            issuer: status.phase == .transmission ? nil : sender, recipients: [recipient],
            invoice: try reference(invoice), status: status, statusDateTime: try at(time), reasons: reasons,
            amounts: paid.map { [StatusAmount(typeCode: "MEN", amount: $0, currency: currency, vatRate: 20)] } ?? [])
    }

    static func cdar(_ invoice: Invoice, _ code: String, at time: String, id: String? = nil,
                     reasons: [StatusReason] = [], paid: ExactDecimal? = nil, currency: String = "EUR") throws
        -> [UInt8]
    {
        CDARWriter().write(try message(invoice, code, at: time, id: id, reasons: reasons, paid: paid,
                                       currency: currency))
    }

    /// Validates XML files against the CDAR D22B XSD with lxml; returns the exit status and output.
    static func validateAgainstXSD(_ documents: [[UInt8]]) throws -> (Int32, String) {
        let python = try #require(
            [Payloads.repositoryRoot.appendingPathComponent(".venv/bin/python").path, "/tmp/oracle-venv/bin/python"]
                .first { FileManager.default.isExecutableFile(atPath: $0) }, "no Python with lxml (.venv)")
        let corpus = try #require(Payloads.corpusRoot, "the shared corpus was not found")
        let xsd = corpus.appendingPathComponent(
            "../reference/xsd/CDAR-D22B/1xsd-CDAR_D22B_uncoupled/CrossDomainAcknowledgementAndResponse_100pD22B.xsd")
            .standardized
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("cdar-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [String] = []
        for (index, bytes) in documents.enumerated() {
            let url = folder.appendingPathComponent("\(index).xml")
            try Data(bytes).write(to: url)
            files.append(url.path)
        }
        let script = """
            import sys
            from lxml import etree
            schema = etree.XMLSchema(etree.parse(sys.argv[1]))
            bad = [d for d in sys.argv[2:] if not schema.validate(etree.parse(d))]
            print('checked', len(sys.argv) - 2, 'invalid', len(bad), schema.error_log.last_error if bad else '')
            sys.exit(1 if bad else 0)
            """
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["-c", script, xsd.path] + files
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        process.waitUntilExit()
        return (process.terminationStatus, output)
    }
}

/// One sample invoice taken in through the intake, and the lifecycle service over the same store.
struct LifecycleBench {
    var harness: GatewayHarness
    var service: LifecycleService
    var invoice: Invoice
    var record: InvoiceRecord

    static func make(_ harness: GatewayHarness, number: String = "FA-LC-1",
                     erpReference: String? = nil) async throws -> LifecycleBench
    {
        let invoice = Payloads.sampleInvoice(number: number)
        let outcome = try await harness.intake.receive(IntakeRequest(
            tenant: Fixtures.tenantA, payload: Payloads.cii(number: number), actor: "key_test",
            erpReference: erpReference))
        return LifecycleBench(harness: harness, service: LifecycleService(store: harness.store, clock: harness.clock),
                              invoice: invoice, record: outcome.record)
    }

    /// Sends a CDAR message about the invoice, as a platform would, found by its reference.
    @discardableResult
    func send(_ code: String, at time: String, id: String? = nil, reasons: [StatusReason] = [],
              paid: ExactDecimal? = nil) async throws -> StatusReceipt
    {
        let bytes = try LifecycleFixtures.cdar(invoice, code, at: time, id: id, reasons: reasons, paid: paid)
        return try await service.receive(.fromPlatform(tenant: Fixtures.tenantA, cdar: bytes, platform: "sandbox"))
    }

    var amountDue: ExactDecimal {
        get throws { try #require(invoice.totals.amountDue) }
    }

    func changes() async throws -> [ChangeEntry] {
        try await harness.store.read { try await $0.changes(tenant: Fixtures.tenantA, after: 0, limit: 1_000) }
    }

    func statuses() async throws -> [InvoiceStatusRecord] {
        try await harness.store.read { try await $0.statuses(invoice: record.id, tenant: Fixtures.tenantA) }
    }

    func payments() async throws -> [RecordedPayment] {
        try await harness.store.read { try await $0.payments(invoice: record.id, tenant: Fixtures.tenantA) }
    }

    func summary() async throws -> LifecycleSummary? {
        try await harness.store.read { try await $0.lifecycleSummary(invoice: record.id, tenant: Fixtures.tenantA) }
    }
}
