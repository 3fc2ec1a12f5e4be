/// Migration 4: what the file channels share between nodes: the fingerprints of the files taken (a file dropped
/// twice is imported once) and the position each result-file channel has reached.
enum ChannelStateSchema {
    static func statements(_ dialect: SQLDialectKind) -> [String] {
        let key = dialect.keyText
        return [
            """
            CREATE TABLE channel_file_fingerprints (tenant_id \(key) NOT NULL, channel \(key) NOT NULL, \
            fingerprint \(key) NOT NULL, file_name TEXT NOT NULL, claim_id TEXT NOT NULL, taken_at BIGINT NOT NULL, \
            PRIMARY KEY (tenant_id, channel, fingerprint))
            """,
            """
            CREATE TABLE channel_cursors (tenant_id \(key) NOT NULL, channel \(key) NOT NULL, \
            position BIGINT NOT NULL, updated_at BIGINT NOT NULL, PRIMARY KEY (tenant_id, channel))
            """,
        ]
    }
}
