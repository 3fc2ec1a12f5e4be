/// Migration 7: the directory answers (AFNOR Directory Service lookups) shared by the nodes: one row per tenant and
/// lookup key, the answer as JSON, and when it expires.
enum DirectoryCacheSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        return [
            """
            CREATE TABLE directory_answers (tenant_id \(key) NOT NULL, lookup_key \(key) NOT NULL, \
            answer_json TEXT NOT NULL, found BOOLEAN NOT NULL, stored_at BIGINT NOT NULL, expires_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, lookup_key))
            """,
            "CREATE INDEX directory_answers_expiry ON directory_answers (expires_at)",
        ]
    }
}
