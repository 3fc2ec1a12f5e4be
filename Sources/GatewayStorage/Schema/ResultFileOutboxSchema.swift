/// Migration 10: result files on their way to the ERP (acknowledgement, status and payment files). A file is queued
/// here — with the channel's cursor moved in the same transaction — before anything is written to the ERP's folder,
/// and forgotten once it is renamed into place, so that a crash or a cut connection never loses nor doubles one.
enum ResultFileOutboxSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        return [
            """
            CREATE TABLE channel_result_files (file_id \(dialect.sequenceKey), tenant_id \(key) NOT NULL, \
            channel \(key) NOT NULL, file_name TEXT NOT NULL, content \(dialect.bytesType) NOT NULL, \
            written BIGINT NOT NULL DEFAULT 0, lease_holder TEXT, lease_until BIGINT NOT NULL DEFAULT 0, \
            queued_at BIGINT NOT NULL)
            """,
            "CREATE INDEX channel_result_files_by_channel ON channel_result_files (tenant_id, channel, file_id)",
        ]
    }
}
