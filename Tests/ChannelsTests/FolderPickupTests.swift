@testable import Channels
import Foundation
import Synchronization
import Testing

@Suite struct FolderPickupTests {
    /// Counts how many times each name was imported.
    final class Tally: Sendable {
        let counts = Mutex<[String: Int]>([:])
        func add(_ name: String) { counts.withLock { $0[name, default: 0] += 1 } }
        var snapshot: [String: Int] { counts.withLock { $0 } }
    }

    func names(in folder: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []).sorted()
    }

    @Test func twoConcurrentPickersImportEachOf200FilesExactlyOnce() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        for index in 0..<200 { try folder.write("f\(index).csv", "content \(index)\n") }
        let configuration = FolderPickup.Configuration(folder: folder.path, completion: .stableFor(.zero))
        let first = try FolderPickup(configuration: configuration)
        let second = try FolderPickup(configuration: configuration)
        let tally = Tally()
        let handler: FolderPickup.Handler = { path, name in
            #expect(path.contains("/processing/"))
            #expect(FileManager.default.fileExists(atPath: path))
            tally.add(name)
            await Task.yield()
            return []
        }
        async let a = first.scanOnce(handler: handler)
        async let b = second.scanOnce(handler: handler)
        let outcomes = try await a + b
        let counts = tally.snapshot
        #expect(counts.count == 200)
        #expect(counts.values.allSatisfy { $0 == 1 })
        #expect(outcomes.count == 200)
        #expect(names(in: configuration.doneFolder).count == 200)
        #expect(names(in: folder.path) == [".fingerprints", "done", "error", "processing"])
        #expect(names(in: configuration.processingFolder).isEmpty)
    }

    @Test func theSameFileDroppedTwiceIsNotImportedTwice() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let pickup = try FolderPickup(configuration: .init(folder: folder.path, completion: .stableFor(.zero)))
        let tally = Tally()
        let handler: FolderPickup.Handler = { _, name in
            tally.add(name)
            return []
        }
        try folder.write("factures.csv", "same bytes\n")
        let first = try await pickup.scanOnce(handler: handler)
        try folder.write("factures.csv", "same bytes\n")
        let second = try await pickup.scanOnce(handler: handler)
        #expect(tally.snapshot == ["factures.csv": 1])
        guard case .done = first.first, case .duplicate(_, let path) = second.first else {
            Issue.record("outcomes: \(first) \(second)")
            return
        }
        let done = names(in: folder.file("done"))
        #expect(done.sorted() == ["1-factures.csv", "1-factures.csv.duplicate", "factures.csv"])
        #expect(path.hasSuffix("1-factures.csv"))
        let note = try String(contentsOfFile: path + ".duplicate", encoding: .utf8)
        #expect(note.hasPrefix("duplicate"))
        // Other content under the same name is a new file.
        try folder.write("factures.csv", "new bytes\n")
        _ = try await pickup.scanOnce(handler: handler)
        #expect(tally.snapshot == ["factures.csv": 2])
    }

    @Test func refusedRowsSendTheFileToErrorWithAnInjectionSafeReport() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let pickup = try FolderPickup(configuration: .init(folder: folder.path, completion: .stableFor(.zero)))
        try folder.write("bad.csv", "x\n")
        let outcomes = try await pickup.scanOnce { _, _ in
            [Rejection(invoiceNumber: "=HYPERLINK(\"http://evil\")", firstLine: 4, lastLine: 5,
                       problems: [RowProblem(line: 4, column: 2, message: "broken quoting")])]
        }
        guard case .failed(_, let path, let report) = outcomes.first else {
            Issue.record("outcomes: \(outcomes)")
            return
        }
        #expect(path == folder.file("error/bad.csv"))
        #expect(FileManager.default.fileExists(atPath: path))
        let text = try String(contentsOfFile: report, encoding: .utf8)
        #expect(text == "line;column;invoice;reason\r\n4;2;\"'=HYPERLINK(\"\"http://evil\"\")\";broken quoting\r\n")
    }

    @Test func aFileThatFailsAsAWholeIsKeptInErrorAndCanBeRetried() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let pickup = try FolderPickup(configuration: .init(folder: folder.path, completion: .stableFor(.zero)))
        struct Broken: Error {}
        try folder.write("a.csv", "x\n")
        let outcomes = try await pickup.scanOnce { _, _ in throw Broken() }
        guard case .failed(_, let path, _) = outcomes.first else {
            Issue.record("outcomes: \(outcomes)")
            return
        }
        #expect(FileManager.default.contents(atPath: path) == Data("x\n".utf8))
        try folder.write("a.csv", "x\n")
        let retried = try await pickup.scanOnce { _, _ in [] }
        guard case .done = retried.first else {
            Issue.record("a retried file was not imported: \(retried)")
            return
        }
    }

    @Test func aFileIsTakenOnlyWhenComplete() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let marked = try FolderPickup(configuration: .init(folder: folder.path, completion: .doneMarker))
        try folder.write("a.csv", "x\n")
        #expect(try await marked.scanOnce { _, _ in [] }.isEmpty)
        try folder.write("a.csv.done", "")
        let taken = try await marked.scanOnce { _, _ in [] }
        #expect(taken.count == 1)
        #expect(names(in: folder.file("done")) == ["a.csv", "a.csv.done"])

        let stable = try FolderPickup(configuration: .init(folder: folder.path, completion: .stableFor(.milliseconds(300))))
        try folder.write("b.csv", "x\n")
        #expect(try await stable.scanOnce { _, _ in [] }.isEmpty)
        try await Task.sleep(for: .milliseconds(100))
        try folder.write("b.csv", "xy\n")  // still growing
        #expect(try await stable.scanOnce { _, _ in [] }.isEmpty)
        try await Task.sleep(for: .milliseconds(400))
        #expect(try await stable.scanOnce { _, _ in [] }.count == 1)
    }

    @Test func unsafeNamesAreRefused() {
        #expect(!FolderPickup.checkName("../etc/passwd"))
        #expect(!FolderPickup.checkName("a/b.csv"))
        #expect(!FolderPickup.checkName("a\u{0}.csv"))
        #expect(!FolderPickup.checkName(".."))
        #expect(!FolderPickup.checkName(".hidden"))
        #expect(!FolderPickup.checkName(""))
        #expect(FolderPickup.checkName("factures 2026-03.csv"))
    }
}

@Suite struct FolderPickupRecoveryTests {
    @Test func aFileLeftInProcessingByACrashIsPutBackAndImported() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let pickup = try FolderPickup(configuration: .init(folder: folder.path, completion: .stableFor(.zero)))
        // A picker claimed a.csv, recorded its fingerprint, then died.
        let claim = folder.file("processing/0dead")
        try FileManager.default.createDirectory(atPath: claim, withIntermediateDirectories: true)
        try folder.write("processing/0dead/a.csv", "bytes\n")
        let store = try FingerprintStore(folder: folder.file(".fingerprints"))
        let fingerprint = FingerprintStore.fingerprint(
            contentSHA256: try PickupFiles.sha256(path: folder.file("processing/0dead/a.csv")), name: "a.csv")
        #expect(try store.claim(fingerprint, note: "taken"))
        #expect(try await pickup.recoverAbandoned(olderThan: .seconds(60)).isEmpty)  // too recent
        try FileManager.default.setAttributes([.modificationDate: Date().addingTimeInterval(-120)], ofItemAtPath: claim)
        #expect(try await pickup.recoverAbandoned(olderThan: .seconds(60)) == ["a.csv"])
        #expect(!store.contains(fingerprint))
        let outcomes = try await pickup.scanOnce { _, _ in [] }
        guard case .done(let name, _) = outcomes.first else {
            Issue.record("the recovered file was not imported: \(outcomes)")
            return
        }
        #expect(name == "a.csv")
        #expect(!FileManager.default.fileExists(atPath: claim))
    }
}
