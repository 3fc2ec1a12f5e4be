import Foundation

/// The result of writing one master-data item.
public enum MasterDataWriteResult<Item: MasterDataItem>: Sendable {
    case written(item: Item, version: Int)
    /// The item was refused; nothing was written for it.
    case invalid([MasterDataProblem])
    /// `If-Match` named another version than the stored one.
    case stale(currentVersion: Int)
}

/// Errors of master-data calls, besides per-item results.
public enum MasterDataError: Error, Sendable, Equatable {
    case notFound(kind: MasterDataKind, code: String)
    case stale(currentVersion: Int)
    case undecodable(kind: MasterDataKind, code: String, message: String)
}

/// Reads and writes customers, products and price lists. Every write is versioned and lands in the change feed in
/// the same transaction.
public struct MasterDataService: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock

    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.store = store
        self.clock = clock
    }

    /// Inserts or replaces one item. With `expectedVersion` (from `If-Match`) a stale write is refused.
    public func upsert<Item: MasterDataItem>(_ item: Item, tenant: TenantID, expectedVersion: Int? = nil)
        async throws -> MasterDataWriteResult<Item>
    {
        let results = try await upsert([item], tenant: tenant, expectedVersions: [expectedVersion])
        return results[0]
    }

    /// Writes many items in one transaction. Invalid or stale items are reported and skipped; the others are written
    /// (no good item is dropped because of a bad one). Results are in the order of `items`.
    public func upsert<Item: MasterDataItem>(_ items: [Item], tenant: TenantID, expectedVersions: [Int?] = [])
        async throws -> [MasterDataWriteResult<Item>]
    {
        let now = clock.now()
        return try await store.transaction { transaction in
            var results: [MasterDataWriteResult<Item>] = []
            results.reserveCapacity(items.count)
            for (index, item) in items.enumerated() {
                let problems = item.problems()
                guard problems.isEmpty else {
                    results.append(.invalid(problems))
                    continue
                }
                let expected = index < expectedVersions.count ? expectedVersions[index] : nil
                do {
                    let stored = try await write(item, tenant: tenant, expectedVersion: expected, now: now,
                                                 in: transaction)
                    results.append(.written(item: item, version: stored.version))
                } catch StoreError.stale(let current) {
                    results.append(.stale(currentVersion: current))
                }
            }
            return results
        }
    }

    /// Deactivates an item (the ERP deleted it). Items are never physically deleted: invoices may cite them.
    public func deactivate<Item: MasterDataItem>(_ type: Item.Type, code: String, tenant: TenantID,
                                                 expectedVersion: Int? = nil) async throws -> (Item, Int)
    {
        let now = clock.now()
        return try await store.transaction { transaction in
            guard let record = try await transaction.masterRecord(Item.kind, code: code, tenant: tenant) else {
                throw MasterDataError.notFound(kind: Item.kind, code: code)
            }
            var item: Item = try Self.decode(record)
            item.active = false
            do {
                let stored = try await write(item, tenant: tenant, expectedVersion: expectedVersion ?? record.version,
                                             now: now, in: transaction, change: "deactivated")
                return (item, stored.version)
            } catch StoreError.stale(let current) {
                throw MasterDataError.stale(currentVersion: current)
            }
        }
    }

    /// One item and its version.
    public func get<Item: MasterDataItem>(_ type: Item.Type, code: String, tenant: TenantID) async throws
        -> (Item, Int)?
    {
        try await store.read { transaction in
            guard let record = try await transaction.masterRecord(Item.kind, code: code, tenant: tenant) else {
                return nil
            }
            return (try Self.decode(record) as Item, record.version)
        }
    }

    /// A page of items ordered by code, after `code`.
    public func list<Item: MasterDataItem>(_ type: Item.Type, tenant: TenantID, after code: String?, limit: Int)
        async throws -> [(Item, Int)]
    {
        try await store.read { transaction in
            let records = try await transaction.masterRecords(Item.kind, tenant: tenant, after: code, limit: limit)
            return try records.map { (try Self.decode($0) as Item, $0.version) }
        }
    }

    private func write<Item: MasterDataItem>(_ item: Item, tenant: TenantID, expectedVersion: Int?, now: Date,
                                             in transaction: any StoreTransaction, change: String? = nil)
        async throws -> MasterRecord
    {
        let record = MasterRecord(
            tenant: tenant, kind: Item.kind, code: item.code, version: 0, active: item.active,
            payload: try Self.encode(item), updatedAt: now)
        let stored = try await transaction.upsertMasterRecord(record, expectedVersion: expectedVersion)
        try await transaction.appendChange(
            tenant: tenant, subject: ChangeSubject(kind: Item.kind), key: item.code, version: stored.version,
            change: change ?? (item.active ? "upserted" : "deactivated"), at: now)
        return stored
    }

    static func encode<Item: MasterDataItem>(_ item: Item) throws -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return Array(try encoder.encode(item))
    }

    static func decode<Item: MasterDataItem>(_ record: MasterRecord) throws -> Item {
        do {
            return try JSONDecoder().decode(Item.self, from: Data(record.payload))
        } catch {
            throw MasterDataError.undecodable(kind: record.kind, code: record.code, message: "\(error)")
        }
    }
}

extension ChangeSubject {
    init(kind: MasterDataKind) {
        switch kind {
        case .customer: self = .customer
        case .product: self = .product
        case .priceList: self = .priceList
        }
    }
}
