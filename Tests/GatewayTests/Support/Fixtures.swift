import EInvoice
import EInvoiceRules
import Foundation
import Gateway
import Synchronization

/// A clock the test moves by hand.
final class TestClock: GatewayClock {
    private let current: Mutex<Date>

    init(_ start: Date = Date(timeIntervalSince1970: 1_790_000_000)) {
        current = Mutex(start)
    }

    func now() -> Date { current.withLock { $0 } }

    func advance(by seconds: TimeInterval) {
        current.withLock { $0 = $0.addingTimeInterval(seconds) }
    }
}

/// A value shared between test tasks.
final class Locked<Value: Sendable>: Sendable {
    fileprivate let value: Mutex<Value>

    init(_ value: Value) { self.value = Mutex(value) }

    var current: Value { value.withLock { $0 } }

    func set(_ newValue: Value) { value.withLock { $0 = newValue } }
}

extension Locked where Value == Int {
    /// The value before adding one.
    func increment() -> Int {
        value.withLock { current in
            defer { current += 1 }
            return current
        }
    }
}

/// Records and values the store tests write.
enum Fixtures {
    static let tenantA = TenantID("tenant-a")
    static let tenantB = TenantID("tenant-b")
    /// A millisecond-exact instant: the store keeps timestamps to the millisecond.
    static let t0 = Date(timeIntervalSince1970: 1_790_000_000.123)

    static func invoice(
        tenant: TenantID = tenantA, number: String = "F-1", seller: String = "123456782", year: Int = 2026,
        idempotencyKey: String? = nil, state: InvoiceState = .received, payloadSHA256: String = "aa",
        customerCode: String? = "C1", buyerName: String = "Buyer SA", total: String? = "120.00",
        issueDate: CalendarDate? = CalendarDate(year: 2026, month: 3, day: 14), batchID: String? = nil,
        createdAt: Date = t0
    ) -> InvoiceRecord {
        InvoiceRecord(
            id: .make(), tenant: tenant, state: state, documentKey: DocumentKey(seller: seller, year: year, number: number),
            idempotencyKey: idempotencyKey, payloadSHA256: payloadSHA256, sourceFormat: .cii, issueDate: issueDate,
            buyerName: buyerName, customerCode: customerCode, currencyCode: "EUR",
            totalWithVAT: total.flatMap { ExactDecimal($0) },
            findings: [], batchID: batchID, createdAt: createdAt, updatedAt: createdAt)
    }

    static func finding(_ rule: String = "BR-CO-10") -> GatewayFinding {
        Finding(ruleID: rule, severity: .fatal, terms: ["BT-106"],
                message: LocalizedMessage(en: "Sum is wrong", fr: "La somme est fausse"),
                location: SourceLocation(xpath: "/rsm:CrossIndustryInvoice", line: 3, column: 7))
    }

    static func tenant(_ id: TenantID, settings: TenantSettings = TenantSettings()) -> Tenant {
        Tenant(id: id, name: "Tenant \(id.rawValue)", settings: settings, createdAt: t0)
    }

    static func event(_ invoice: InvoiceRecord, type: String = "invoice.received", dedupKey: String = "received",
                      at: Date = t0) -> InvoiceEvent {
        InvoiceEvent(tenant: invoice.tenant, invoiceID: invoice.id, type: type, state: invoice.state,
                     dedupKey: dedupKey, actor: "test", message: "event \(type)", detailJSON: #"{"k":1}"#,
                     occurredAt: at)
    }

    static func document(_ invoice: InvoiceRecord, kind: DocumentKind = .original, bytes: [UInt8] = [0, 1, 2, 255])
        -> StoredDocument
    {
        StoredDocument(tenant: invoice.tenant, invoiceID: invoice.id, kind: kind, mediaType: kind.mediaType,
                       bytes: bytes, sha256: Hashing.sha256Hex(bytes), createdAt: t0)
    }
}
