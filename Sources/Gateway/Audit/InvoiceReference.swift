import EInvoice
import Foundation

/// The documents an invoice cites that the "piste d'audit fiable" links it to: an auditor goes from a contract,
/// an order or a delivery to the invoices that bill it.
public enum ReferenceKind: String, Sendable, Codable, CaseIterable {
    /// BT-12 Contract reference.
    case contract
    /// BT-13 Purchase order reference.
    case order
    /// BT-16 Despatch advice reference: the delivery.
    case delivery

    /// The EN 16931 term.
    public var term: String {
        switch self {
        case .contract: "BT-12"
        case .order: "BT-13"
        case .delivery: "BT-16"
        }
    }
}

/// One reference an invoice cites, kept in its own indexed table at intake.
public struct InvoiceReference: Sendable, Hashable, Codable {
    public var tenant: TenantID
    public var invoiceID: InvoiceID
    public var kind: ReferenceKind
    /// As written in the invoice, trimmed (searches match it exactly).
    public var value: String

    public init(tenant: TenantID, invoiceID: InvoiceID, kind: ReferenceKind, value: String) {
        self.tenant = tenant
        self.invoiceID = invoiceID
        self.kind = kind
        self.value = value
    }

    /// The references of an invoice: BT-12, BT-13 and BT-16. Empty values are skipped.
    /// (BT-132 is a line number within the order, not an order: it is not a reference of its own.)
    public static func extract(from invoice: Invoice, tenant: TenantID, invoiceID: InvoiceID) -> [InvoiceReference] {
        var found: [InvoiceReference] = []
        func add(_ kind: ReferenceKind, _ raw: String?) {
            guard let value = raw?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return }
            found.append(InvoiceReference(tenant: tenant, invoiceID: invoiceID, kind: kind, value: value))
        }
        add(.contract, invoice.contractReference)
        add(.order, invoice.purchaseOrderReference)
        add(.delivery, invoice.despatchAdviceReference)
        return found
    }
}
