@testable import Channels
import Foundation
import Gateway
import GatewayStorage
import Testing

/// Invoices a channel test drops, and what they should become.
enum ChannelSamples {
    static let mappingYAML = CSVInvoiceSourceTests.mappingYAML

    static var mapping: ERPMapping {
        get throws { try ERPMapping.load(yaml: mappingYAML) }
    }

    /// `count` good invoices numbered from `first`, two lines each.
    static func csv(numbers: [String]) -> String {
        var text = CSVInvoiceSourceTests.header
        for number in numbers {
            text += "\(number);01/02/2026;Client \(number);FR;1;Vis;3;0,10;20\n"
            text += "\(number);01/02/2026;Client \(number);FR;2;Écrou;7;2,50;20\n"
        }
        return text
    }

    static let tenant = TenantID("default")

    /// The BT-1 of every invoice stored in the tenant.
    static func storedNumbers(_ store: any GatewayStore) async throws -> [String] {
        try await store.read { transaction in
            try await transaction.invoices(tenant: tenant, filter: InvoiceFilter(), after: nil, limit: 10_000)
        }.map(\.documentKey.number).sorted()
    }

    /// How many check jobs are queued.
    static func queuedJobs(_ store: any GatewayStore) async throws -> Int {
        try await store.read { transaction in
            try await transaction.jobs(tenant: tenant, state: .pending, limit: 10_000)
        }.count
    }

    /// A pick-up channel with fingerprints in `store`.
    static func channel(name: String = "erp", folder: any ChannelFolder, store: SQLGatewayStore,
                        acknowledgements: (any ChannelFolder)?, format: ResultFileFormat = .csv,
                        completion: PickupCompletion = .stableFor(.zero), mapping: ERPMapping? = nil) throws
        -> PickupChannel
    {
        let spool = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-spool-\(UUID().uuidString.lowercased())").path
        return PickupChannel(
            name: name, interval: .milliseconds(100),
            worker: PickupWorker(
                folder: folder, completion: completion,
                fingerprints: StoreFingerprintRegistry(store: store, channel: name, tenant: tenant), spool: spool),
            importer: FileImporter(mapping: try mapping ?? self.mapping, actor: "channel:\(name)", store: store),
            acknowledgements: acknowledgements.map { (folder: $0, format: format) })
    }
}

/// A CSV result file read back: rows of cells by column name (simple reader: `;`, quotes, CRLF).
struct ResultCSV {
    var header: [String]
    var rows: [[String: String]]

    init(_ text: String) {
        var records: [[String]] = []
        var record: [String] = []
        var cell = ""
        var quoted = false
        var characters = Array(text)[...]
        while let character = characters.popFirst() {
            if quoted {
                if character == "\"" {
                    if characters.first == "\"" { cell.append("\""); characters.removeFirst() } else { quoted = false }
                } else {
                    cell.append(character)
                }
                continue
            }
            switch character {
            case "\"": quoted = true
            case ";": record.append(cell); cell = ""
            case "\r\n", "\n":
                record.append(cell); cell = ""
                records.append(record); record = []
            default: cell.append(character)
            }
        }
        if !cell.isEmpty || !record.isEmpty { record.append(cell); records.append(record) }
        header = records.first ?? []
        let names = header
        rows = records.dropFirst().map { cells in
            Dictionary(uniqueKeysWithValues: zip(names, cells).map { ($0, $1) })
        }
    }
}
