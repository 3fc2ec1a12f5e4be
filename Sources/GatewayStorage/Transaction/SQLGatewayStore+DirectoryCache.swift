import Foundation
import Gateway
import SQLKit

/// The directory answers cache (migration 7), each call in its own transaction.
extension SQLGatewayStore: DirectoryCacheStore {
    public func cachedDirectoryAnswer(tenant: TenantID, key: String, now: Date) async throws -> CachedDirectoryAnswer? {
        try await withSession(readOnly: true) { transaction in
            guard let row = try await transaction.rows("""
                SELECT answer_json, found, stored_at, expires_at FROM directory_answers \
                WHERE tenant_id = \(bind: tenant.rawValue) AND lookup_key = \(bind: key) \
                AND expires_at > \(bind: StoredValues.milliseconds(now))
                """, "read directory answer").first
            else { return nil }
            let reader = RowReader(row, "directory_answers")
            return CachedDirectoryAnswer(
                tenant: tenant, key: key, answerJSON: Array(try reader.string("answer_json").utf8),
                found: try reader.bool("found"), storedAt: try reader.date("stored_at"),
                expiresAt: try reader.date("expires_at"))
        }
    }

    public func storeDirectoryAnswer(_ answer: CachedDirectoryAnswer) async throws {
        try await withSession { transaction in
            try await transaction.run("""
                INSERT INTO directory_answers (tenant_id, lookup_key, answer_json, found, stored_at, expires_at) \
                VALUES (\(bind: answer.tenant.rawValue), \(bind: answer.key), \
                \(bind: String(decoding: answer.answerJSON, as: UTF8.self)), \(bind: answer.found), \
                \(bind: StoredValues.milliseconds(answer.storedAt)), \(bind: StoredValues.milliseconds(answer.expiresAt)))
                ON CONFLICT (tenant_id, lookup_key) DO UPDATE SET answer_json = excluded.answer_json, \
                found = excluded.found, stored_at = excluded.stored_at, expires_at = excluded.expires_at
                """, "store directory answer")
        }
    }

    public func purgeDirectoryAnswers(expiredBefore date: Date) async throws -> Int {
        try await withSession { transaction in
            try await transaction.rows("""
                DELETE FROM directory_answers WHERE expires_at <= \(bind: StoredValues.milliseconds(date)) \
                RETURNING lookup_key
                """, "purge directory answers").count
        }
    }
}
