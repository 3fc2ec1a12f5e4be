import Foundation
import GatewayStorage
import Testing

@Suite("Database URLs")
struct StoreLocationTests {
    @Test func sqliteForms() throws {
        #expect(try StoreLocation(url: "sqlite:/var/lib/p.db") == .sqlite(path: "/var/lib/p.db"))
        #expect(try StoreLocation(url: "sqlite:///var/lib/p.db") == .sqlite(path: "/var/lib/p.db"))
        #expect(try StoreLocation(url: "/tmp/x/p.db") == .sqlite(path: "/tmp/x/p.db"))
        let relative = try StoreLocation(url: StoreLocation.defaultURL)
        let cwd = FileManager.default.currentDirectoryPath
        #expect(relative == .sqlite(path: URL(fileURLWithPath: cwd).appendingPathComponent("passerelle-data/passerelle.db").standardizedFileURL.path))
        #expect(try StoreLocation(url: "sqlite:/a/b.db").displayName == "sqlite:/a/b.db")
    }

    @Test func postgresFormsHideThePassword() throws {
        let location = try StoreLocation(url: "postgres://app:p%40ss@db.internal:6543/gateway?sslmode=disable")
        guard case .postgres(let postgres) = location else {
            Issue.record("expected a PostgreSQL location")
            return
        }
        #expect(postgres.host == "db.internal")
        #expect(postgres.port == 6543)
        #expect(postgres.username == "app")
        #expect(postgres.password == "p@ss")
        #expect(postgres.database == "gateway")
        #expect(postgres.tls == .disable)
        #expect(location.displayName == "postgresql://app@db.internal:6543/gateway")
        #expect(!location.displayName.contains("p@ss"))
        let defaults = try StoreLocation(url: "postgresql://app@localhost/gateway")
        #expect(defaults == .postgres(try #require(Self.postgres(defaults))))
        #expect(Self.postgres(defaults)?.port == 5432)
        #expect(Self.postgres(defaults)?.tls == .prefer)
        #expect(Self.postgres(defaults)?.password == nil)
    }

    static func postgres(_ location: StoreLocation) -> PostgresLocation? {
        if case .postgres(let postgres) = location { return postgres }
        return nil
    }

    @Test(arguments: [
        ("", "empty"),
        ("mysql://u@h/db", "unsupported database scheme"),
        ("postgres://h/db", "no user"),
        ("postgres://u@h", "no database"),
        ("postgres://u@h/db?sslmode=maybe", "sslmode"),
        ("postgres://u@h/db?pool=3", "not supported"),
        ("sqlite:", "names no file"),
    ])
    func badURLsSayWhatIsWrong(url: String, expected: String) {
        do {
            _ = try StoreLocation(url: url)
            Issue.record("\(url) was accepted")
        } catch {
            #expect(error.message.contains(expected), "\(error.message)")
        }
    }

    @Test func badSchemaNamesAreRefused() async {
        await #expect(throws: StoreLocationError.self) {
            _ = try await SQLGatewayStore.open(
                url: "postgres://u@127.0.0.1:1/db", options: StoreOptions(postgresSchema: "x; DROP TABLE y"))
        }
    }
}
