/// Migration 2: the audit trail's tables.
/// - `archived_documents`: each stored document's entry in the legal archive (which journal, which sequence), so that
///   the archive step knows what is archived already and the timeline links documents to their proof.
/// - `invoice_references`: BT-12 (contract), BT-13 (purchase order) and BT-16 (despatch advice) of each invoice,
///   indexed by (tenant, kind, value) so that an auditor goes from a contract, order or delivery to its invoices.
enum AuditTrailSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        return [
            """
            CREATE TABLE archived_documents (tenant_id \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            kind TEXT NOT NULL, sha256 TEXT NOT NULL, journal TEXT NOT NULL, journal_sequence BIGINT NOT NULL, \
            entry_hash TEXT NOT NULL, archived_at BIGINT NOT NULL, retain_until BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, invoice_id, kind, sha256), \
            FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id))
            """,
            """
            CREATE TABLE invoice_references (tenant_id \(key) NOT NULL, kind TEXT NOT NULL, \
            reference_value \(key) NOT NULL, invoice_id \(key) NOT NULL, \
            PRIMARY KEY (tenant_id, kind, reference_value, invoice_id), \
            FOREIGN KEY (tenant_id, invoice_id) REFERENCES invoices (tenant_id, invoice_id))
            """,
            "CREATE INDEX invoice_references_by_invoice ON invoice_references (tenant_id, invoice_id)",
        ]
    }
}
