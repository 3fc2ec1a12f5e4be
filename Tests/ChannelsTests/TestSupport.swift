@testable import Channels
import Foundation
import GatewayStorage
import Testing

/// A fresh temporary folder, removed by `remove()`.
struct TempFolder {
    let path: String

    init() throws {
        path = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-channels-\(UUID().uuidString.lowercased())").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    }

    func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    @discardableResult
    func write(_ name: String, _ bytes: [UInt8]) throws -> String {
        let target = file(name)
        try Data(bytes).write(to: URL(fileURLWithPath: target))
        return target
    }

    @discardableResult
    func write(_ name: String, _ text: String) throws -> String { try write(name, Array(text.utf8)) }

    func remove() { try? FileManager.default.removeItem(atPath: path) }
}

/// The repository's examples/erp folder.
enum Examples {
    static var folder: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("examples/erp").path
    }

    static func path(_ name: String) -> String { (folder as NSString).appendingPathComponent(name) }
}

/// Reads every item of a CSV text.
func readAll(_ bytes: [UInt8], dialect: CSVDialect = CSVDialect(), chunkSize: Int = 7) throws -> [CSVItem] {
    var reader = CSVRecordReader(source: ByteSource(bytes: bytes, chunkSize: chunkSize), dialect: dialect)
    var items: [CSVItem] = []
    while let item = try reader.next() { items.append(item) }
    return items
}

extension CSVItem {
    var record: CSVRecord? { if case .record(let record) = self { record } else { nil } }
    var rowError: CSVRowError? { if case .error(let error) = self { error } else { nil } }
}

/// Runs a source to the end.
func units(_ source: some ImportSource) throws -> (invoices: [ReadInvoice], rejections: [Rejection]) {
    var source = source
    var invoices: [ReadInvoice] = []
    var rejections: [Rejection] = []
    while let unit = try source.next() {
        switch unit {
        case .invoice(let invoice): invoices.append(invoice)
        case .rejected(let rejection): rejections.append(rejection)
        case .masterData: break
        }
    }
    return (invoices, rejections)
}

/// A migrated SQLite store in a temp folder.
func withSQLiteStore<Result>(_ body: (SQLGatewayStore) async throws -> Result) async throws -> Result {
    let folder = try TempFolder()
    let store = try await SQLGatewayStore.open(url: "sqlite:" + folder.file("test.db"))
    do {
        try await store.migrate()
        let result = try await body(store)
        try await store.shutdown()
        folder.remove()
        return result
    } catch {
        try? await store.shutdown()
        folder.remove()
        throw error
    }
}
