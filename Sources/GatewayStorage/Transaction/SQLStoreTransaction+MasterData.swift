import Foundation
import Gateway
import SQLKit

extension SQLStoreTransaction {
    static let masterColumns = "tenant_id, kind, code, version, active, payload, updated_at"

    /// Codes are looked up in chunks so that a long list stays under both dialects' bind limits.
    static let codeChunkSize = 500

    func masterRecord(_ kind: MasterDataKind, code: String, tenant: TenantID) async throws -> MasterRecord? {
        try await rows("""
            SELECT \(unsafeRaw: Self.masterColumns) FROM master_records
            WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) AND code = \(bind: code)
            """, "read master record").first.map(Self.masterRecord)
    }

    func masterRecords(_ kind: MasterDataKind, codes: [String], tenant: TenantID) async throws -> [MasterRecord] {
        let unique = Array(Set(codes)).sorted()
        var records: [MasterRecord] = []
        var start = 0
        while start < unique.count {
            let chunk = Array(unique[start..<min(start + Self.codeChunkSize, unique.count)])
            start += chunk.count
            records += try await rows("""
                SELECT \(unsafeRaw: Self.masterColumns) FROM master_records
                WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue) \
                AND code IN (\(binds: chunk))
                """, "read master records").map(Self.masterRecord)
        }
        return records
    }

    func masterRecords(_ kind: MasterDataKind, tenant: TenantID, after code: String?, limit: Int) async throws
        -> [MasterRecord]
    {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.masterColumns) FROM master_records
            WHERE tenant_id = \(bind: tenant.rawValue) AND kind = \(bind: kind.rawValue)
            """
        if let code { query += " AND code > \(bind: code)" }
        query += " ORDER BY code LIMIT \(bind: max(0, limit))"
        return try await rows(query, "list master records").map(Self.masterRecord)
    }

    /// Without `expectedVersion` an upsert; with 0 an insert that must not find the code; with n an update of
    /// version n. None of them fails a statement when the version is stale, so a bulk write can go on with the
    /// next item in the same transaction.
    func upsertMasterRecord(_ record: MasterRecord, expectedVersion: Int?) async throws -> MasterRecord {
        let tenant = record.tenant.rawValue
        let kind = record.kind.rawValue
        let payload = Data(record.payload)
        let updatedAt = StoredValues.milliseconds(record.updatedAt)
        let written: [any SQLRow]
        switch expectedVersion {
        case nil:
            written = try await rows("""
                INSERT INTO master_records (\(unsafeRaw: Self.masterColumns)) VALUES (\(bind: tenant), \(bind: kind), \
                \(bind: record.code), 1, \(bind: record.active), \(bind: payload), \(bind: updatedAt))
                ON CONFLICT (tenant_id, kind, code) DO UPDATE SET version = master_records.version + 1, \
                active = excluded.active, payload = excluded.payload, updated_at = excluded.updated_at
                RETURNING version
                """, "upsert master record")
        case 0?:
            written = try await rows("""
                INSERT INTO master_records (\(unsafeRaw: Self.masterColumns)) VALUES (\(bind: tenant), \(bind: kind), \
                \(bind: record.code), 1, \(bind: record.active), \(bind: payload), \(bind: updatedAt))
                ON CONFLICT DO NOTHING RETURNING version
                """, "insert master record")
        case let expected?:
            written = try await rows("""
                UPDATE master_records SET version = version + 1, active = \(bind: record.active), \
                payload = \(bind: payload), updated_at = \(bind: updatedAt)
                WHERE tenant_id = \(bind: tenant) AND kind = \(bind: kind) AND code = \(bind: record.code) \
                AND version = \(bind: expected)
                RETURNING version
                """, "update master record")
        }
        guard let row = written.first else {
            let current = try await masterRecord(record.kind, code: record.code, tenant: record.tenant)
            throw StoreError.stale(currentVersion: current?.version ?? 0)
        }
        var stored = record
        stored.version = try RowReader(row, "master_records").int("version")
        return stored
    }

    static func masterRecord(_ row: any SQLRow) throws -> MasterRecord {
        let reader = RowReader(row, "master_records")
        return MasterRecord(
            tenant: TenantID(try reader.string("tenant_id")), kind: try reader.enumeration("kind"),
            code: try reader.string("code"), version: try reader.int("version"), active: try reader.bool("active"),
            payload: try reader.bytes("payload"), updatedAt: try reader.date("updated_at"))
    }
}
