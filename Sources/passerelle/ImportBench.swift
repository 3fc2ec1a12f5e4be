import Channels
import Foundation
import GatewayStorage

/// `passerelle import --bench`: writes a CSV of many invoices to a temporary file, then times reading it into
/// invoices (optionally checking and storing them), and reports the peak memory. Build in release to measure:
/// `swift build -c release --product passerelle && .build/release/passerelle import --bench`.
struct ImportBench {
    var invoices: Int
    var linesPerInvoice: Int
    var validate: Bool
    var store: Bool

    static let mappingYAML = """
        kind: invoices
        csv: {separator: ";", decimal: comma, encoding: utf-8, dateFormats: ["dd/MM/yyyy"]}
        fields:
          Numero: BT-1
          Date: BT-2
          Client: BT-46
          NomClient: BT-44
          Pays: BT-55
          Echeance: BT-9
          Ligne: BT-126
          Article: BT-155
          Libelle: BT-153
          Quantite: BT-129
          Prix: BT-146
          TVA: BT-152
        defaults:
          BT-5: EUR
          BT-151: S
          BT-27: Atelier Passerelle SAS
          BT-31: FR11123456782
          BT-40: FR
        """

    func run() async throws {
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-import-bench-\(UUID().uuidString.lowercased())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("bench.csv").path
        let writeStart = ContinuousClock.now
        let bytes = try generate(path: path)
        print(String(format: "generated %d invoices × %d lines (%.1f MB) in %.1f s", invoices, linesPerInvoice,
                     Double(bytes) / 1e6, ProgressLine.seconds(ContinuousClock.now - writeStart)))
        var mapping = try ERPMapping.load(yaml: Self.mappingYAML)
        mapping.validate = validate
        var opened: SQLGatewayStore?
        if store {
            let database = folder.appendingPathComponent("bench.db").path
            let sqlite = try await SQLGatewayStore.open(url: "sqlite:" + database)
            try await sqlite.migrate()
            opened = sqlite
        }
        let importer = FileImporter(mapping: mapping, actor: "bench", store: opened)
        let start = ContinuousClock.now
        let report = try await importer.importFile(at: path)
        let seconds = ProgressLine.seconds(ContinuousClock.now - start)
        if let opened { try await opened.shutdown() }
        let what = store ? "parsed, built and stored" : (validate ? "parsed, built and checked" : "parsed and built")
        print("\(what) \(report.accepted + report.duplicates) invoices (\(report.linesRead) lines) in "
            + String(format: "%.2f s: %.0f invoices/s, %.0f lines/s", seconds,
                     Double(report.itemsRead) / seconds, Double(report.linesRead) / seconds))
        print("rejected: \(report.rejected.count)")
        print("peak RSS (VmHWM): \(Self.peakResidentMemory() ?? "unknown")")
    }

    /// Writes the CSV in 1 MB pieces; returns its size.
    func generate(path: String) throws -> Int {
        guard FileManager.default.createFile(atPath: path, contents: nil),
            let handle = FileHandle(forWritingAtPath: path)
        else { throw ImportFailure.unreadableFile(path: path, reason: "cannot create the benchmark file") }
        defer { try? handle.close() }
        var buffer = "Numero;Date;Client;NomClient;Pays;Echeance;Ligne;Article;Libelle;Quantite;Prix;TVA\n"
        var total = 0
        for invoice in 0..<invoices {
            let number = "FA-\(1_000_000 + invoice)"
            let customer = "C\(invoice % 5000)"
            let head = "\(number);15/03/2026;\(customer);Client \(customer) SARL;FR;14/04/2026;"
            for line in 1...max(linesPerInvoice, 1) {
                let price = 100 + (invoice * 7 + line * 13) % 9900
                buffer += head + "\(line);ART-\(line);\"Article \(line); modèle \"\"standard\"\"\";"
                    + "\(line % 5 + 1);\(price / 100),\(price % 100 < 10 ? "0" : "")\(price % 100);20,00\n"
            }
            if buffer.utf8.count > 1 << 20 {
                total += buffer.utf8.count
                handle.write(Data(buffer.utf8))
                buffer = ""
            }
        }
        total += buffer.utf8.count
        handle.write(Data(buffer.utf8))
        return total
    }

    /// VmHWM from /proc/self/status (Linux).
    static func peakResidentMemory() -> String? {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return nil }
        return status.split(separator: "\n").first { $0.hasPrefix("VmHWM:") }
            .map { $0.dropFirst(6).trimmingCharacters(in: .whitespaces) }
    }
}
