import Foundation
import Synchronization
import Testing

@testable import Archive

/// A clock tests move by hand.
final class TestClock: Sendable {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_767_225_600)) {  // 2026-01-01T00:00:00Z
        current = Mutex(start)
    }

    var now: Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A fresh folder under the temporary directory, removed by `cleanup()`.
struct TempFolder {
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("archive-tests-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    var archive: URL { url.appendingPathComponent("archive") }

    func file(_ relative: String) -> URL { archive.appendingPathComponent(relative) }

    func cleanup() { try? FileManager.default.removeItem(at: url) }
}

func configuration(_ clock: TestClock, retention: RetentionPolicy = RetentionPolicy()) -> ArchiveConfiguration {
    ArchiveConfiguration(retention: retention, clock: { clock.now })
}

func metadata(_ invoice: String, _ kind: DocumentKind = .cii, tenant: String = "acme") -> DocumentMetadata {
    DocumentMetadata(tenant: tenant, invoiceID: invoice, kind: kind, mediaType: "application/xml")
}

func sampleDocument(_ index: Int) -> Data {
    Data("<Invoice><ID>F-\(index)</ID><Note>document number \(index)</Note></Invoice>".utf8)
}

/// Opens an archive in `folder`, stores `count` documents (two kinds per invoice), optionally seals, closes it.
@discardableResult
func populate(_ folder: TempFolder, clock: TestClock, count: Int, sealEvery: Int? = nil) async throws -> [ArchiveEntry] {
    let archive = try await LegalArchive.open(directory: folder.archive, configuration: configuration(clock))
    var stored: [ArchiveEntry] = []
    for index in 1...count {
        clock.advance(by: 1)
        stored.append(try await archive.store(sampleDocument(index), metadata("F-\((index + 1) / 2)", index % 2 == 0 ? .ubl : .cii)))
        if let sealEvery, index % sealEvery == 0 { try await archive.seal() }
    }
    await archive.close()
    return stored
}

/// Verifies the folder with a fresh read-only archive.
func verifyFolder(_ folder: TempFolder, full: Bool = true) async throws -> VerificationReport {
    let storage = try FileArchiveStorage(directory: folder.archive, writer: false)
    return try await ArchiveVerifier(storage: storage).verify(full: full)
}

/// The journal's lines (without newlines).
func journalLines(_ folder: TempFolder, _ name: String = "journal.jsonl") throws -> [String] {
    let text = try String(contentsOf: folder.file(name), encoding: .utf8)
    return text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
}

func writeLines(_ lines: [String], _ folder: TempFolder, _ name: String = "journal.jsonl") throws {
    try Data((lines.joined(separator: "\n") + "\n").utf8).write(to: folder.file(name))
}
