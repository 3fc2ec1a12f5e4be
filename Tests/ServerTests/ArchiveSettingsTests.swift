import Foundation
import Server
import Testing

/// The `archive.*` settings of `passerelle serve`: defaults, strict parsing, and errors that name the setting.
@Suite("Configuration: archive settings")
struct ArchiveSettingsTests {
    @Test func defaultsLiveInTheDataFolder() throws {
        let configuration = try ConfigurationLoader(environment: [:])
            .load(file: nil, overrides: [.init(option: "--data-dir", key: "data_dir", value: "/srv/p")]).configuration
        #expect(configuration.resolvedArchiveDirectory == "/srv/p/archive")
        #expect(configuration.resolvedArchiveSigningKey == "/srv/p/archive-signing-key.pem")
        #expect(configuration.archive.node == nil)
        #expect(configuration.archive.sealInterval == .seconds(300))
        #expect(configuration.archive.retentionYears == 10)
        #expect(configuration.archive.retentionByKind.isEmpty)
    }

    @Test func environmentValuesAreRead() throws {
        let configuration = try ConfigurationLoader(environment: [
            "PASSERELLE_ARCHIVE_DIR": "/shared/archive", "PASSERELLE_ARCHIVE_NODE": "web-1",
            "PASSERELLE_ARCHIVE_SEAL_INTERVAL": "30s", "PASSERELLE_ARCHIVE_RETENTION_YEARS": "11",
            "PASSERELLE_ARCHIVE_RETENTION_BY_KIND": "receipt=6, payment=10",
            "PASSERELLE_ARCHIVE_SIGNING_KEY_FILE": "/etc/passerelle/seal.pem",
        ]).load(file: nil).configuration
        #expect(configuration.resolvedArchiveDirectory == "/shared/archive")
        #expect(configuration.archive.node == "web-1")
        #expect(configuration.archive.sealInterval == .seconds(30))
        #expect(configuration.archive.retentionYears == 11)
        #expect(configuration.archive.retentionByKind == ["receipt": 6, "payment": 10])
        #expect(configuration.resolvedArchiveSigningKey == "/etc/passerelle/seal.pem")
    }

    @Test(arguments: [
        ("PASSERELLE_ARCHIVE_RETENTION_BY_KIND", "receipt=six", "KIND=YEARS"),
        ("PASSERELLE_ARCHIVE_RETENTION_BY_KIND", "receipt=6,receipt=7", "given twice"),
        ("PASSERELLE_ARCHIVE_NODE", "../elsewhere", "not a node name"),
        ("PASSERELLE_ARCHIVE_SEAL_INTERVAL", "10ms", "of at least 1s"),
        ("PASSERELLE_ARCHIVE_RETENTION_YEARS", "0", "a number of years"),
    ])
    func aBadValueNamesItsSetting(variable: String, value: String, message: String) {
        #expect {
            _ = try ConfigurationLoader(environment: [variable: value]).load(file: nil)
        } throws: { error in
            let text = String(describing: error)
            return text.hasPrefix(variable + ": ") && text.contains(message)
        }
    }
}
