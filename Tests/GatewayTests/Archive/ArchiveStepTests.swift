import Archive
import Foundation
import Gateway
import GatewayArchive
import GatewayStorage
import Testing

@Suite("Archive step: every stored document in the legal archive, exactly once")
struct ArchiveStepTests {
    @Test(arguments: TestBackend.all)
    func anInvoiceIsArchivedBetweenRenderAndDispatch(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let id = try await harness.receive(Payloads.cii(number: "ARC-1")).record.id
                try await harness.worker(archive: archive).drain()

                #expect(try await harness.invoice(id)?.state == .held)
                let events = try await harness.events(id)
                #expect(events.map(\.type) == [
                    "invoice.received", "invoice.checked", "invoice.rendered", "invoice.archived", "invoice.held",
                ])
                #expect(try await harness.jobs(id).map(\.kind) == [.check, .render, .archive, .dispatch])

                let documents = try await store.read { try await $0.documents(invoice: id, tenant: Fixtures.tenantA) }
                let journal = try await folder.journal("node-a")
                #expect(Set(documents.map(\.kind)) == [.original, .cii])
                #expect(journal.map(\.kind.rawValue) == documents.map(\.kind.rawValue))
                #expect(journal.map(\.blobHash) == documents.map(\.sha256))
                #expect(journal.allSatisfy { $0.invoiceID == id.rawValue && $0.tenant == Fixtures.tenantA.rawValue })

                let recorded = try await store.read { try await $0.archived(invoice: id, tenant: Fixtures.tenantA) }
                #expect(recorded.map(\.location) == journal.map { ArchiveLocation(journal: "node-a", sequence: $0.sequence) })
                #expect(recorded.map(\.entryHash) == journal.map(\.hash))
                let detail = try #require(events.first { $0.type == "invoice.archived" }?.detailJSON)
                for entry in journal {
                    #expect(detail.contains(#""sequence":\#(entry.sequence)"#))
                    #expect(detail.contains(entry.blobHash))
                }
                // The signing key entered the key history when the node opened its journal, once.
                await archive.close()
                let keys = ArchiveRoot.folder(of: "node-a", in: folder.root).appendingPathComponent("keys/public-keys.jsonl")
                #expect(try String(contentsOf: keys, encoding: .utf8).split(separator: "\n").count == 1)
                await (try await folder.open(node: "node-a", clock: harness.clock)).close()
                #expect(try String(contentsOf: keys, encoding: .utf8).split(separator: "\n").count == 1)
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func aCrashBetweenArchivingAndCommittingJournalsNothingTwice(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let nodeA = try await folder.open(node: "node-a", clock: harness.clock)
                let nodeB = try await folder.open(node: "node-b", clock: harness.clock)
                let id = try await harness.receive(Payloads.cii(number: "ARC-CRASH")).record.id

                // Node A archives both documents, then "dies" before its commit: the job stays due for a retry.
                try await harness.worker(id: "worker-a", archive: CrashAfterArchiving(nodeA)).drain()
                #expect(try await harness.invoice(id)?.state == .rendered)
                #expect(try await folder.journal("node-a").count == 2)
                let archiveJob = try #require(try await harness.jobs(id).first { $0.kind == .archive })
                #expect(archiveJob.state == .pending)

                // Node B takes the retry: it finds A's entries and journals nothing of its own.
                harness.clock.advance(by: 1)
                try await harness.worker(id: "worker-b", archive: nodeB).drain()
                #expect(try await harness.invoice(id)?.state == .held)
                let journalA = try await folder.journal("node-a")
                #expect(journalA.count == 2)
                #expect(try await folder.journal("node-b").isEmpty)
                let recorded = try await store.read { try await $0.archived(invoice: id, tenant: Fixtures.tenantA) }
                #expect(recorded.map(\.location) == journalA.map { ArchiveLocation(journal: "node-a", sequence: $0.sequence) })
                #expect(try await harness.events(id).filter { $0.type == "invoice.archived" }.count == 1)

                // The same on one node: a retry by the node that crashed re-uses its own entries.
                let second = try await harness.receive(Payloads.cii(number: "ARC-CRASH-2")).record.id
                let crashing = CrashAfterArchiving(nodeA)
                try await harness.worker(id: "worker-a", archive: crashing).drain()
                harness.clock.advance(by: 1)
                try await harness.worker(id: "worker-a", archive: crashing).drain()
                #expect(try await harness.invoice(second)?.state == .held)
                #expect(try await folder.journal("node-a").filter { $0.invoiceID == second.rawValue }.count == 2)
                await nodeA.close()
                await nodeB.close()
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func queuedAgainItArchivesOnlyTheDocumentsAddedSince(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let id = try await harness.receive(Payloads.cii(number: "ARC-LATER")).record.id
                let worker = harness.worker(archive: archive)
                try await worker.drain()
                let before = try #require(try await harness.invoice(id))

                // A document added after dispatch (as lifecycle messages and payment records will be).
                let added = Array("%PDF-1.7 a later document".utf8)
                let now = harness.clock.now()
                try await store.transaction { transaction in
                    try await transaction.putDocument(StoredDocument(
                        tenant: Fixtures.tenantA, invoiceID: id, kind: .facturX, mediaType: "application/pdf",
                        bytes: added, sha256: Hashing.sha256Hex(added), createdAt: now))
                    try await transaction.enqueue(NewJob(tenant: Fixtures.tenantA, kind: .archive, invoiceID: id, runAt: now))
                }
                try await worker.drain()
                let journal = try await folder.journal("node-a")
                #expect(journal.count == 3)
                #expect(journal.last?.kind.rawValue == "facturx")
                #expect(journal.last?.blobHash == Hashing.sha256Hex(added))
                let after = try #require(try await harness.invoice(id))
                #expect(after.state == .held)
                #expect(after.version == before.version + 1)
                let archivedEvents = try await harness.events(id).filter { $0.type == "invoice.archived" }
                #expect(archivedEvents.count == 2)
                #expect(archivedEvents.last?.state == .held)

                // Queued once more with nothing new: no entry, no event.
                try await store.transaction { transaction in
                    try await transaction.enqueue(NewJob(tenant: Fixtures.tenantA, kind: .archive, invoiceID: id, runAt: now))
                }
                try await worker.drain()
                #expect(try await folder.journal("node-a").count == 3)
                #expect(try await harness.events(id).filter { $0.type == "invoice.archived" }.count == 2)
                #expect(try await harness.jobs(id).allSatisfy { $0.state == .done })
                await archive.close()
            }
        }
    }

    @Test("statuses received later put their CDAR messages and payment records in the archive",
          arguments: TestBackend.all)
    func lifecycleMessagesAndPaymentsAreArchived(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let id = try await harness.receive(Payloads.cii(number: "ARC-LC")).record.id
                let worker = harness.worker(archive: archive)
                try await worker.drain()
                #expect(try await folder.journal("node-a").count == 2)

                let invoice = Payloads.sampleInvoice(number: "ARC-LC")
                let lifecycle = LifecycleService(store: store, clock: harness.clock, archivesDocuments: true)
                let amountDue = try #require(invoice.totals.amountDue)
                for (code, time, paid) in [("200", "20261102090000", nil), ("212", "20261121090000", amountDue)] {
                    let cdar = try LifecycleFixtures.cdar(invoice, code, at: time, paid: paid)
                    _ = try await lifecycle.receive(.fromPlatform(tenant: Fixtures.tenantA, cdar: cdar, platform: "pa"))
                }
                try await worker.drain()

                let stored = try await store.read { try await $0.statusDocuments(invoice: id, tenant: Fixtures.tenantA) }
                #expect(stored.map(\.kind.rawValue).sorted() == ["cdar", "cdar", "payment"])
                let journal = try await folder.journal("node-a")
                #expect(journal.count == 5)
                let later = Array(journal.dropFirst(2))
                #expect(later.map(\.kind.rawValue).sorted() == ["cdar", "cdar", "payment"])
                #expect(Set(later.map(\.blobHash)) == Set(stored.map(\.sha256)))
                let payment = try #require(later.first { $0.kind.rawValue == "payment" })
                #expect(payment.mediaType == "application/json")
                #expect(try await harness.jobs(id).allSatisfy { $0.state == .done })
                await archive.close()
            }
        }
    }

    @Test("a document made at dispatch for the routed format (UBL here) is archived too", arguments: TestBackend.all)
    func aDocumentMadeAtDispatchIsArchived(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let port = RecordingPort(name: "pa")
                let routing = try RoutingDispatcher(
                    policy: RoutingPolicy(shared: RoutingTable(rules: [], fallback: RouteAction(target: "pa", format: .ubl))),
                    ports: ["pa": port])
                let id = try await harness.receive(Payloads.cii(number: "ARC-UBL")).record.id
                try await harness.worker(archive: archive, dispatcher: routing).drain()

                #expect(try await harness.invoice(id)?.state == .submitted)
                let sent = try #require(port.requests.first?.document)
                #expect(sent.kind == .ubl)
                let journal = try await folder.journal("node-a")
                #expect(journal.map(\.kind.rawValue).sorted() == ["cii", "original", "ubl"])
                #expect(journal.contains { $0.kind.rawValue == "ubl" && $0.blobHash == sent.sha256 })
                #expect(try await harness.jobs(id).allSatisfy { $0.state == .done })
                await archive.close()
            }
        }
    }

    @Test(arguments: [TestBackend.sqlite])
    func verifyFindsADocumentChangedAfterThePipeline(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await withArchiveFolder { folder in
                let harness = GatewayHarness(store: store)
                try await harness.seedTenant()
                let archive = try await folder.open(node: "node-a", clock: harness.clock)
                let id = try await harness.receive(Payloads.cii(number: "ARC-TAMPER")).record.id
                try await harness.worker(archive: archive).drain()
                #expect(try await archive.seal()?.number == 1)
                await archive.close()

                let node = ArchiveRoot.folder(of: "node-a", in: folder.root)
                let clean = try await ArchiveVerifier(storage: FileArchiveStorage(directory: node, writer: false))
                    .verify(full: true, recordState: false)
                #expect(clean.isValid, "\(clean.summary)")

                let cii = try #require(try await store.read {
                    try await $0.document(invoice: id, kind: .cii, tenant: Fixtures.tenantA)
                })
                let blob = node.appendingPathComponent("blobs/\(cii.sha256.prefix(2))/\(cii.sha256)")
                var bytes = try Data(contentsOf: blob)
                bytes[bytes.count / 2] ^= 0x01
                try FileManager.default.setAttributes([.posixPermissions: 0o644], ofItemAtPath: blob.path)
                try bytes.write(to: blob)

                let tampered = try await ArchiveVerifier(storage: FileArchiveStorage(directory: node, writer: false))
                    .verify(full: true, recordState: false)
                let failure = try #require(tampered.failure)
                let entry = try #require(try await folder.journal("node-a").first { $0.blobHash == cii.sha256 })
                #expect(failure.place == .entry(entry.sequence))
                #expect(failure.field == "blob")
                #expect(failure.expected == cii.sha256)
            }
        }
    }
}
