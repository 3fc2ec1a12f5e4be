import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

@Suite("Invoice store")
struct InvoiceStoreTests {
    @Test(arguments: TestBackend.all)
    func insertedInvoiceReadsBackByEveryKey(backend: TestBackend) async throws {
        try await backend.withStore { store in
            var record = Fixtures.invoice(idempotencyKey: "idem-1", total: "1234.5678", batchID: "batch-1")
            record.findings = [Fixtures.finding()]
            let stored = record
            try await store.transaction { try await $0.insertInvoice(stored) }
            let byID = try await store.transaction { try await $0.invoice(stored.id, tenant: Fixtures.tenantA) }
            let byKey = try await store.transaction { try await $0.invoice(idempotencyKey: "idem-1", tenant: Fixtures.tenantA) }
            let byDocument = try await store.transaction {
                try await $0.invoice(documentKey: stored.documentKey, tenant: Fixtures.tenantA)
            }
            #expect(byID == stored)
            #expect(byKey == stored)
            #expect(byDocument == stored)
            #expect(byID?.totalWithVAT?.description == "1234.5678")
            #expect(byID?.findings.first?.ruleID == "BR-CO-10")
        }
    }

    @Test(arguments: TestBackend.all)
    func sameIdempotencyKeyIsADuplicate(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let first = Fixtures.invoice(number: "F-1", idempotencyKey: "key")
            let second = Fixtures.invoice(number: "F-2", idempotencyKey: "key")
            try await store.transaction { try await $0.insertInvoice(first) }
            await #expect(throws: StoreError.duplicate(constraint: "invoice-idempotency-key")) {
                try await store.transaction { try await $0.insertInvoice(second) }
            }
            // The same key in another tenant is another invoice.
            let other = Fixtures.invoice(tenant: Fixtures.tenantB, number: "F-2", idempotencyKey: "key")
            try await store.transaction { try await $0.insertInvoice(other) }
        }
    }

    @Test(arguments: TestBackend.all)
    func sameDocumentKeyIsADuplicateUntilTheFirstIsRejected(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let first = Fixtures.invoice(number: "F-9")
            try await store.transaction { try await $0.insertInvoice(first) }
            let again = Fixtures.invoice(number: "F-9", payloadSHA256: "bb")
            await #expect(throws: StoreError.duplicate(constraint: "invoice-document-key")) {
                try await store.transaction { try await $0.insertInvoice(again) }
            }
            // Other year, other seller, other tenant: not the same document.
            try await store.transaction { transaction in
                try await transaction.insertInvoice(Fixtures.invoice(number: "F-9", year: 2027))
                try await transaction.insertInvoice(Fixtures.invoice(number: "F-9", seller: "999999999"))
                try await transaction.insertInvoice(Fixtures.invoice(tenant: Fixtures.tenantB, number: "F-9"))
            }
            var rejected = first
            rejected.state = .rejected
            rejected.version = 2
            let update = rejected
            try await store.transaction { try await $0.updateInvoice(update, expectedVersion: 1) }
            try await store.transaction { try await $0.insertInvoice(again) }
            let current = try await store.transaction {
                try await $0.invoice(documentKey: first.documentKey, tenant: Fixtures.tenantA)
            }
            #expect(current?.id == again.id)
        }
    }

    @Test(arguments: TestBackend.all)
    func aDuplicateLeavesTheTransactionUsable(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let first = Fixtures.invoice(number: "F-1", idempotencyKey: "k")
            try await store.transaction { try await $0.insertInvoice(first) }
            let later = Fixtures.invoice(number: "F-3")
            let caught = try await store.transaction { transaction -> Bool in
                var caught = false
                do {
                    try await transaction.insertInvoice(Fixtures.invoice(number: "F-2", idempotencyKey: "k"))
                } catch StoreError.duplicate {
                    caught = true
                }
                try await transaction.insertInvoice(later)
                return caught
            }
            #expect(caught)
            #expect(try await store.transaction { try await $0.invoice(later.id, tenant: Fixtures.tenantA) } != nil)
        }
    }

    @Test(arguments: TestBackend.all)
    func updateNeedsTheCurrentVersion(backend: TestBackend) async throws {
        try await backend.withStore { store in
            let record = Fixtures.invoice()
            try await store.transaction { try await $0.insertInvoice(record) }
            var checked = record
            checked.state = .checked
            checked.version = 2
            checked.findings = [Fixtures.finding("BR-FR-01")]
            checked.updatedAt = Fixtures.t0.addingTimeInterval(5)
            let update = checked
            try await store.transaction { try await $0.updateInvoice(update, expectedVersion: 1) }
            #expect(try await store.transaction { try await $0.invoice(record.id, tenant: Fixtures.tenantA) } == update)
            await #expect(throws: StoreError.stale(currentVersion: 2)) {
                try await store.transaction { try await $0.updateInvoice(update, expectedVersion: 1) }
            }
            var missing = update
            missing.id = .make()
            let unknown = missing
            await #expect(throws: StoreError.notFound) {
                try await store.transaction { try await $0.updateInvoice(unknown, expectedVersion: 1) }
            }
        }
    }

    @Test(arguments: TestBackend.all)
    func listingFiltersAndPages(backend: TestBackend) async throws {
        try await backend.withStore { store in
            var records: [InvoiceRecord] = []
            for index in 0..<7 {
                records.append(Fixtures.invoice(
                    number: "F-\(index)", state: index % 2 == 0 ? .received : .held,
                    customerCode: index < 4 ? "C1" : "C2", buyerName: index < 4 ? "Alpha" : "Beta",
                    total: ["10.00", "99.99", "100.00", "100.01", "250.5", "-5.00", "1000"][index],
                    issueDate: CalendarDate(year: 2026, month: 1 + index, day: 10),
                    batchID: index < 3 ? "B1" : nil, createdAt: Fixtures.t0.addingTimeInterval(Double(index % 3))))
            }
            let all = records
            try await store.transaction { transaction in
                for record in all { try await transaction.insertInvoice(record) }
                // Another tenant's invoices never show up.
                try await transaction.insertInvoice(Fixtures.invoice(tenant: Fixtures.tenantB, number: "X"))
            }
            func list(_ filter: InvoiceFilter, after: InvoiceCursor? = nil, limit: Int = 100) async throws -> [InvoiceRecord] {
                try await store.transaction { try await $0.invoices(tenant: Fixtures.tenantA, filter: filter, after: after, limit: limit) }
            }
            let ordered = all.sorted { ($0.createdAt, $0.id.rawValue) < ($1.createdAt, $1.id.rawValue) }
            #expect(try await list(InvoiceFilter()) == ordered)
            #expect(try await list(InvoiceFilter(states: [.held])).map(\.documentKey.number).sorted() == ["F-1", "F-3", "F-5"])
            #expect(try await list(InvoiceFilter(states: [])) == [])
            #expect(try await list(InvoiceFilter(customerCode: "C2")).count == 3)
            #expect(try await list(InvoiceFilter(buyerName: "Alpha")).count == 4)
            let issued = try await list(InvoiceFilter(
                issuedFrom: CalendarDate(year: 2026, month: 2, day: 10), issuedTo: CalendarDate(year: 2026, month: 4, day: 10)))
            #expect(issued.map(\.documentKey.number).sorted() == ["F-1", "F-2", "F-3"])
            let amounts = try await list(InvoiceFilter(minimumTotal: ExactDecimal("99.995"), maximumTotal: ExactDecimal("100.01")))
            #expect(amounts.map(\.documentKey.number).sorted() == ["F-2", "F-3"])
            let negative = try await list(InvoiceFilter(maximumTotal: ExactDecimal("0")))
            #expect(negative.map(\.documentKey.number) == ["F-5"])
            #expect(try await list(InvoiceFilter(batchID: "B1")).count == 3)
            // Pages of 3 walk the whole ordered list without gaps or repeats.
            var pages: [InvoiceRecord] = []
            var cursor: InvoiceCursor?
            while true {
                let page = try await list(InvoiceFilter(), after: cursor, limit: 3)
                pages += page
                guard page.count == 3, let last = page.last else { break }
                cursor = InvoiceCursor(createdAt: last.createdAt, id: last.id)
            }
            #expect(pages == ordered)
        }
    }

    @Test(arguments: TestBackend.all)
    func countsByState(backend: TestBackend) async throws {
        try await backend.withStore { store in
            try await store.transaction { transaction in
                try await transaction.insertInvoice(Fixtures.invoice(number: "1", batchID: "B"))
                try await transaction.insertInvoice(Fixtures.invoice(number: "2", state: .held, batchID: "B"))
                try await transaction.insertInvoice(Fixtures.invoice(number: "3", state: .held))
                try await transaction.insertInvoice(Fixtures.invoice(tenant: Fixtures.tenantB, number: "4"))
            }
            let all = try await store.transaction { try await $0.invoiceCountsByState(tenant: Fixtures.tenantA, batchID: nil) }
            let batch = try await store.transaction { try await $0.invoiceCountsByState(tenant: Fixtures.tenantA, batchID: "B") }
            #expect(all == [.received: 1, .held: 2])
            #expect(batch == [.received: 1, .held: 1])
        }
    }
}
