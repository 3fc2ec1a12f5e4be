/// The two SQL dialects the store speaks. Everything that differs between them is a code constant here; the queries
/// themselves are shared and bind every value.
enum SQLDialectKind: String, Sendable {
    case sqlite
    case postgres

    /// Column type of byte strings (documents, webhook bodies, master-data payloads).
    var bytesType: String {
        switch self {
        case .sqlite: "BLOB"
        case .postgres: "BYTEA"
        }
    }

    /// Text keys that are compared or ordered (codes, invoice ids): byte order in both dialects, whatever the
    /// PostgreSQL database's locale, so that pages and cursors agree between the two.
    var keyText: String {
        switch self {
        case .sqlite: "TEXT"
        case .postgres: "TEXT COLLATE \"C\""
        }
    }

    /// Column definition of a store-assigned, increasing 64-bit key.
    var sequenceKey: String {
        switch self {
        case .sqlite: "INTEGER PRIMARY KEY"
        case .postgres: "BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY"
        }
    }

    /// Appended to the select that picks jobs to claim: PostgreSQL nodes skip rows another node is claiming;
    /// SQLite has a single writer and needs no row lock.
    var claimLock: String {
        switch self {
        case .sqlite: ""
        case .postgres: "FOR UPDATE SKIP LOCKED"
        }
    }

    /// How a write transaction starts: SQLite takes the write lock at once (no lock upgrade, so no SQLITE_BUSY in
    /// the middle of a transaction); PostgreSQL runs READ COMMITTED and relies on constraints and row locks.
    var beginWrite: String {
        switch self {
        case .sqlite: "BEGIN IMMEDIATE"
        case .postgres: "BEGIN"
        }
    }
}
