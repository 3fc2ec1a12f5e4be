import ArgumentParser
import Foundation
import Gateway
import Server

/// `passerelle audit find --order X | --delivery Y | --contract Z`: from a document the invoice cites to the invoice.
struct AuditFindCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "find",
        abstract: "List the invoices citing a contract (BT-12), purchase order (BT-13) or delivery (BT-16).",
        discussion: """
            Values match exactly, as the invoice wrote them (trimmed). Several options narrow the search: an invoice \
            must cite all of them. Then `passerelle audit timeline <id>` shows an invoice's history and proof.
            """
    )

    @Option(help: "BT-12 Contract reference.")
    var contract: String?

    @Option(help: "BT-13 Purchase order reference.")
    var order: String?

    @Option(help: "BT-16 Despatch advice reference (the delivery).")
    var delivery: String?

    @Option(help: "At most this many invoices (oldest first).")
    var limit = 100

    @OptionGroup var options: AuditStoreOptions

    func validate() throws {
        guard contract != nil || order != nil || delivery != nil else {
            throw ValidationError("give at least one of --contract, --order, --delivery")
        }
        guard (1...10_000).contains(limit) else { throw ValidationError("--limit takes 1 to 10000 (got \(limit))") }
    }

    func run() async throws {
        let filter = InvoiceFilter(contractReference: contract, orderReference: order, deliveryReference: delivery)
        let tenant = TenantID(options.tenant)
        let limit = self.limit
        let found = try await options.withStore(command: "find") { store, _ in
            try await AuditTrailService(store: store).find(filter, tenant: tenant, limit: limit)
        }
        if options.json {
            AuditCommand.output(try AuditJSON.invoices(found))
            return
        }
        guard !found.isEmpty else {
            print("no invoice in tenant \(options.tenant) cites \(Self.describe(filter))")
            return
        }
        // Payments: when the payment store lands, add a PAID column here (the hook is AuditTrailService).
        let rows = found.map { record in
            [record.id.rawValue, record.documentKey.number, record.issueDate?.isoText ?? "",
             record.totalWithVAT.map { "\($0) \(record.currencyCode)" } ?? "", record.state.rawValue]
        }
        print("\(found.count) invoice(s) citing \(Self.describe(filter)):")
        print(TextTable.render(header: ["INVOICE ID", "NUMBER", "ISSUED", "TOTAL", "STATE"], rows: rows)
            .joined(separator: "\n"))
    }

    static func describe(_ filter: InvoiceFilter) -> String {
        filter.references.map { "\($0.kind.term) \($0.kind.rawValue) \"\($0.value)\"" }.joined(separator: " and ")
    }
}
