/// Migration 3: lifecycle statuses, their CDAR messages, where each invoice stands, payments (the reconciliation
/// feed), the platforms' flow ids and the ERP's accounting references. Tables of their own: `invoices` is unchanged.
/// Status times are CDAR format 204 text (`YYYYMMDDHHMMSS`, UTC), which sorts as time; amounts are exact text.
enum LifecycleSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        let bytes = dialect.bytesType
        let sequence = dialect.sequenceKey
        let invoice = "FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id)"
        return [
            """
            CREATE TABLE invoice_statuses (arrival \(sequence), tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            status_id \(key) NOT NULL, message_id TEXT NOT NULL, code TEXT NOT NULL, status_time TEXT NOT NULL, \
            reason_code TEXT, reason_text TEXT, reasons_json TEXT NOT NULL, amounts_json TEXT NOT NULL, \
            source TEXT NOT NULL, actor TEXT NOT NULL, cdar_sha256 TEXT, document_name TEXT, outcome TEXT NOT NULL, \
            received_at BIGINT NOT NULL, \(invoice))
            """,
            "CREATE UNIQUE INDEX invoice_statuses_id ON invoice_statuses (tenant_id, status_id)",
            "CREATE UNIQUE INDEX invoice_statuses_message ON invoice_statuses (tenant_id, invoice_id, message_id)",
            """
            CREATE UNIQUE INDEX invoice_statuses_code_time ON invoice_statuses (tenant_id, invoice_id, code, \
            status_time)
            """,
            "CREATE INDEX invoice_statuses_by_invoice ON invoice_statuses (tenant_id, invoice_id, arrival)",
            """
            CREATE TABLE invoice_lifecycles (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            status_code TEXT NOT NULL, status_time TEXT NOT NULL, reason_code TEXT, reason_text TEXT, \
            amount_due_text TEXT, currency_code TEXT NOT NULL, paid_text TEXT NOT NULL, sent_text TEXT NOT NULL, \
            status_count BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, invoice_id), \(invoice))
            """,
            """
            CREATE TABLE invoice_status_documents (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            name \(key) NOT NULL, media_type TEXT NOT NULL, bytes \(bytes) NOT NULL, sha256 TEXT NOT NULL, \
            created_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, invoice_id, name), \(invoice))
            """,
            """
            CREATE TABLE invoice_payments (tenant_id \(key) NOT NULL, feed_sequence BIGINT NOT NULL, \
            invoice_id \(key) NOT NULL, status_id \(key) NOT NULL, kind TEXT NOT NULL, amount_text TEXT NOT NULL, \
            currency_code TEXT NOT NULL, payment_date TEXT NOT NULL, payment_time TEXT NOT NULL, \
            amount_due_text TEXT, remaining_text TEXT, exceeds_balance BOOLEAN NOT NULL, recorded_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, feed_sequence), \(invoice))
            """,
            "CREATE INDEX invoice_payments_by_date ON invoice_payments (tenant_id, payment_date, feed_sequence)",
            "CREATE INDEX invoice_payments_by_invoice ON invoice_payments (tenant_id, invoice_id, feed_sequence)",
            """
            CREATE TABLE platform_submissions (tenant_id \(key) NOT NULL, flow_id \(key) NOT NULL, \
            platform TEXT NOT NULL, invoice_id \(key) NOT NULL, submitted_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, flow_id), \(invoice))
            """,
            """
            CREATE TABLE invoice_erp_references (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            erp_reference TEXT NOT NULL, PRIMARY KEY (tenant_id, invoice_id), \(invoice))
            """,
        ]
    }
}
