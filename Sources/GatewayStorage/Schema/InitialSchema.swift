/// Migration 1: the gateway's tables. Every table has `tenant_id`. Timestamps are integer milliseconds (UTC),
/// dates ISO `YYYY-MM-DD` text, amounts exact text plus a scaled integer for SQL comparisons, JSON as text.
enum InitialSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        let bytes = dialect.bytesType
        let sequence = dialect.sequenceKey
        return [
            """
            CREATE TABLE tenants (tenant_id \(key) NOT NULL PRIMARY KEY, name TEXT NOT NULL, \
            settings_json TEXT NOT NULL, created_at BIGINT NOT NULL)
            """,
            """
            CREATE TABLE api_keys (tenant_id \(key) NOT NULL REFERENCES tenants (tenant_id), key_id \(key) NOT NULL, \
            name TEXT NOT NULL, secret_sha256 TEXT NOT NULL, scopes TEXT NOT NULL, rate_limit_per_second BIGINT, \
            created_at BIGINT NOT NULL, revoked_at BIGINT, PRIMARY KEY (tenant_id, key_id))
            """,
            "CREATE UNIQUE INDEX api_keys_secret ON api_keys (secret_sha256)",
            """
            CREATE TABLE invoices (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, state TEXT NOT NULL, \
            version BIGINT NOT NULL, seller_key TEXT NOT NULL, issue_year BIGINT NOT NULL, doc_number TEXT NOT NULL, \
            idempotency_key TEXT, payload_sha256 TEXT NOT NULL, source_format TEXT NOT NULL, issue_date TEXT, \
            buyer_name TEXT NOT NULL, customer_code TEXT, currency_code TEXT NOT NULL, total_text TEXT, \
            total_scaled BIGINT, findings_json TEXT NOT NULL, batch_id TEXT, created_at BIGINT NOT NULL, \
            updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, invoice_id))
            """,
            """
            CREATE UNIQUE INDEX invoices_idempotency_key ON invoices (tenant_id, idempotency_key) \
            WHERE idempotency_key IS NOT NULL
            """,
            """
            CREATE UNIQUE INDEX invoices_document_key ON invoices (tenant_id, seller_key, issue_year, doc_number) \
            WHERE state <> 'rejected'
            """,
            "CREATE INDEX invoices_by_creation ON invoices (tenant_id, created_at, invoice_id)",
            "CREATE INDEX invoices_by_state ON invoices (tenant_id, state, created_at, invoice_id)",
            """
            CREATE INDEX invoices_by_customer ON invoices (tenant_id, customer_code, created_at, invoice_id) \
            WHERE customer_code IS NOT NULL
            """,
            "CREATE INDEX invoices_by_batch ON invoices (tenant_id, batch_id, state) WHERE batch_id IS NOT NULL",
            """
            CREATE TABLE invoice_events (sequence \(sequence), tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            type TEXT NOT NULL, state TEXT NOT NULL, dedup_key TEXT NOT NULL, actor TEXT NOT NULL, \
            message TEXT NOT NULL, detail_json TEXT, occurred_at BIGINT NOT NULL, \
            FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id))
            """,
            "CREATE UNIQUE INDEX invoice_events_dedup_key ON invoice_events (tenant_id, invoice_id, dedup_key)",
            """
            CREATE TABLE invoice_documents (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, kind TEXT NOT NULL, \
            media_type TEXT NOT NULL, bytes \(bytes) NOT NULL, sha256 TEXT NOT NULL, created_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, invoice_id, kind), \
            FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id))
            """,
            """
            CREATE TABLE master_records (tenant_id \(key) NOT NULL, kind TEXT NOT NULL, code \(key) NOT NULL, \
            version BIGINT NOT NULL, active BOOLEAN NOT NULL, payload \(bytes) NOT NULL, updated_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, kind, code))
            """,
            """
            CREATE TABLE jobs (job_seq \(sequence), job_id \(key) NOT NULL, tenant_id \(key) NOT NULL, \
            kind TEXT NOT NULL, invoice_id \(key), payload_json TEXT, state TEXT NOT NULL, attempts BIGINT NOT NULL, \
            max_attempts BIGINT NOT NULL, run_at BIGINT NOT NULL, lease_owner TEXT, lease_expires_at BIGINT, \
            last_error TEXT, created_at BIGINT NOT NULL, updated_at BIGINT NOT NULL)
            """,
            "CREATE UNIQUE INDEX jobs_id ON jobs (job_id)",
            "CREATE INDEX jobs_claimable ON jobs (run_at, job_seq) WHERE state IN ('pending', 'running')",
            "CREATE INDEX jobs_by_tenant ON jobs (tenant_id, state, created_at)",
            "CREATE INDEX jobs_by_invoice ON jobs (tenant_id, invoice_id) WHERE invoice_id IS NOT NULL",
            """
            CREATE TABLE change_counters (tenant_id \(key) NOT NULL PRIMARY KEY, last_sequence BIGINT NOT NULL)
            """,
            """
            CREATE TABLE changes (tenant_id \(key) NOT NULL, sequence BIGINT NOT NULL, subject TEXT NOT NULL, \
            item_key TEXT NOT NULL, version BIGINT NOT NULL, change TEXT NOT NULL, occurred_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, sequence))
            """,
            """
            CREATE TABLE webhook_subscriptions (tenant_id \(key) NOT NULL, subscription_id \(key) NOT NULL, \
            url TEXT NOT NULL, event_types_json TEXT NOT NULL, secret TEXT NOT NULL, active BOOLEAN NOT NULL, \
            created_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, subscription_id))
            """,
            """
            CREATE TABLE webhook_deliveries (tenant_id \(key) NOT NULL, delivery_id \(key) NOT NULL, \
            subscription_id \(key) NOT NULL, event_type TEXT NOT NULL, body \(bytes) NOT NULL, state TEXT NOT NULL, \
            attempts BIGINT NOT NULL, last_status_code BIGINT, last_error TEXT, created_at BIGINT NOT NULL, \
            updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, delivery_id))
            """,
            "CREATE INDEX webhook_deliveries_by_state ON webhook_deliveries (tenant_id, state, created_at)",
            """
            CREATE TABLE audit_log (sequence \(sequence), tenant_id \(key) NOT NULL, actor TEXT NOT NULL, \
            action TEXT NOT NULL, target TEXT NOT NULL, request_id TEXT, outcome TEXT NOT NULL, \
            occurred_at BIGINT NOT NULL)
            """,
            "CREATE INDEX audit_log_by_tenant ON audit_log (tenant_id, sequence)",
        ]
    }
}
