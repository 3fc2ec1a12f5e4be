import ArgumentParser
import Foundation
import Gateway
import GatewayArchive
import Server

/// `passerelle audit timeline <invoice-id>`: events, documents and archive entries in time order.
struct AuditTimelineCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "timeline",
        abstract: "Show an invoice's events, stored documents and archive entries (with their seals) in time order."
    )

    @Argument(help: "The gateway's invoice id (as in GET /v1/invoices/{id}).")
    var invoice: String

    @OptionGroup var options: AuditStoreOptions

    func run() async throws {
        let tenant = TenantID(options.tenant)
        let id = InvoiceID(invoice)
        let timeline = try await options.withStore(command: "timeline") { store, configuration in
            let reader = ArchiveRootReader(root: URL(fileURLWithPath: configuration.resolvedArchiveDirectory))
            return try await AuditTrailService(
                store: store, seals: reader, contributors: [PaymentTimelineContributor()]
            ).timeline(invoice: id, tenant: tenant)
        }
        guard let timeline else {
            throw AuditCommand.fail("timeline", "no invoice \(invoice) in tenant \(options.tenant)", status: 1)
        }
        if options.json {
            AuditCommand.output(try AuditJSON.timeline(timeline))
        } else {
            print(Self.table(timeline))
        }
    }

    /// A header (invoice, state, references) and one row per item.
    static func table(_ timeline: InvoiceTimeline) -> String {
        let record = timeline.invoice
        var lines = ["Invoice \(record.id) — number \(record.documentKey.number), state \(record.state.rawValue)"]
        let references = timeline.references.map { "\($0.kind.term) \($0.kind.rawValue) \($0.value)" }
        lines.append("References: " + (references.isEmpty ? "(none)" : references.joined(separator: "; ")))
        let rows = timeline.items.map { item in
            [AuditJSON.timestamp(item.at), item.kind.rawValue, describe(item)]
        }
        lines.append(contentsOf: TextTable.render(header: ["TIME (UTC)", "KIND", "WHAT"], rows: rows))
        return lines.joined(separator: "\n")
    }

    static func describe(_ item: TimelineItem) -> String {
        if let event = item.event {
            return "\(event.type) → \(event.state.rawValue): \(event.message)"
        }
        if let document = item.document {
            return "\(document.kind) \(document.size) bytes \(document.mediaType) sha256 \(document.sha256)"
        }
        if let entry = item.archiveEntry {
            let seal = entry.seal.map { "sealed (seal \($0.number), \(AuditJSON.timestamp($0.sealedAt)))" }
                ?? "not sealed yet"
            return "\(entry.receipt.kind) entry \(entry.receipt.location) sha256 \(entry.receipt.sha256), \(seal)"
        }
        return item.summary
    }
}

/// Left-aligned columns separated by two spaces; the last column is not padded.
enum TextTable {
    static func render(header: [String], rows: [[String]]) -> [String] {
        let all = [header] + rows
        let columns = header.count
        var widths = Array(repeating: 0, count: columns)
        for row in all {
            for (index, cell) in row.enumerated() where index < columns - 1 {
                widths[index] = max(widths[index], cell.count)
            }
        }
        return all.map { row in
            row.enumerated().map { index, cell in
                index < columns - 1 ? cell.padding(toLength: widths[index], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }
    }
}
