/// Tuning of an ``SQLGatewayStore`` beyond its URL.
public struct StoreOptions: Sendable {
    /// PostgreSQL: the most connections this process opens.
    public var maximumConnections: Int
    /// PostgreSQL: the schema holding the tables (created by ``SQLGatewayStore/migrate()``); nil = `public`.
    /// Letters, digits and `_` only. Lets several installations, or test runs, share one database.
    public var postgresSchema: String?

    /// SQLite: reader connections for ``SQLGatewayStore/read(_:)`` (writes always use the one writer).
    public var sqliteReaders: Int

    public init(maximumConnections: Int = 20, postgresSchema: String? = nil, sqliteReaders: Int = 4) {
        self.maximumConnections = maximumConnections
        self.postgresSchema = postgresSchema
        self.sqliteReaders = sqliteReaders
    }

    func validatedSchema() throws(StoreLocationError) -> String? {
        guard let schema = postgresSchema else { return nil }
        let allowed = schema.unicodeScalars.allSatisfy { $0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "_") }
        guard !schema.isEmpty, schema.count <= 63, allowed, !("0"..."9").contains(schema.unicodeScalars.first ?? "0") else {
            throw StoreLocationError("the PostgreSQL schema \"\(schema)\" must be 1-63 letters, digits or _, not starting with a digit")
        }
        return schema.lowercased()
    }
}
