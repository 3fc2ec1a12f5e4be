import Foundation

/// The kinds of master data kept identical with the ERP.
public enum MasterDataKind: String, Sendable, Codable, CaseIterable {
    case customer
    case product
    case priceList = "price-list"
}

/// One master-data item as the store keeps it: its key, version, active flag, and its content as JSON.
/// The store is generic over kinds; ``MasterDataService`` turns records into ``Customer``, ``Product`` and
/// ``PriceList``.
public struct MasterRecord: Hashable, Sendable {
    public var tenant: TenantID
    public var kind: MasterDataKind
    /// The ERP's code of the item; unique per tenant and kind.
    public var code: String
    /// 1 for a new item, incremented by every change. `If-Match` compares against it.
    public var version: Int
    /// False once the ERP deleted (deactivated) it. Items are never physically deleted.
    public var active: Bool
    /// The item as JSON (UTF-8).
    public var payload: [UInt8]
    public var updatedAt: Date

    public init(tenant: TenantID, kind: MasterDataKind, code: String, version: Int, active: Bool, payload: [UInt8],
                updatedAt: Date) {
        self.tenant = tenant
        self.kind = kind
        self.code = code
        self.version = version
        self.active = active
        self.payload = payload
        self.updatedAt = updatedAt
    }
}
