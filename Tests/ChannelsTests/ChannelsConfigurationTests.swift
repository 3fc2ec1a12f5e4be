@testable import Channels
import Foundation
import Testing

@Suite struct ChannelsConfigurationTests {
    func folderWithMapping() throws -> TempFolder {
        let folder = try TempFolder()
        try folder.write("m.yaml", ChannelSamples.mappingYAML)
        try folder.write("known_hosts", "[127.0.0.1]:2222 ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIOMqqnkVzrm0SdG6UOoqKLsabgH5C9okWi0dh2l9GKJl\n")
        return folder
    }

    @Test func readsPickupsStatusFilesAndServers() throws {
        let folder = try folderWithMapping()
        defer { folder.remove() }
        let configuration = try ChannelsConfiguration.load(yaml: """
            sftp:
              erp:
                host: 127.0.0.1
                port: 2222
                user: passerelle
                password_env: ERP_PASSWORD
                known_hosts: known_hosts
            pickup:
              - name: local-in
                folder: in
                mapping: m.yaml
                complete: done-marker
                policy: allOrNothing
                acknowledgements: {folder: acks, format: xml}
              - name: sftp-in
                tenant: acme
                sftp: erp
                path: /outbox
                mapping: m.yaml
                stable_for: 2s
                poll: 30s
            status:
              - name: statuses
                sftp: erp
                path: /inbox
                every: 5m
            """, relativeTo: folder.path, environment: ["ERP_PASSWORD": "secret"])
        #expect(configuration.sftp["erp"]?.login == .password("secret"))
        #expect(configuration.sftp["erp"]?.knownHosts == folder.file("known_hosts"))
        #expect(configuration.pickups.count == 2)
        let local = configuration.pickups[0]
        #expect(local.location == .local(folder.file("in")))
        #expect(local.completion == .doneMarker)
        #expect(local.policy == .allOrNothing)
        #expect(local.interval == .seconds(1))
        #expect(local.acknowledgements == .init(location: .local(folder.file("acks")), format: .xml))
        let remote = configuration.pickups[1]
        #expect(remote.tenant.rawValue == "acme")
        #expect(remote.location == .sftp(server: "erp", path: "/outbox"))
        #expect(remote.completion == .stableFor(.seconds(2)))
        #expect(remote.interval == .seconds(30))
        #expect(configuration.statusFiles.first?.interval == .seconds(300))
        #expect(configuration.statusFiles.first?.destination.format == .csv)
    }

    @Test(arguments: [
        ("pickup:\n  - name: a\n    folder: in\n    mapping: m.yaml\n    complet: stable\n", "pickup[0]", 5,
         "unknown setting \"complet\""),
        ("pickup:\n  - name: a\n    sftp: nowhere\n    path: /x\n    mapping: m.yaml\n", "pickup[0].sftp", 3,
         "no server \"nowhere\""),
        ("pickup:\n  - name: a\n    folder: in\n    mapping: missing.yaml\n", "pickup[0].mapping", 4, "cannot be read"),
        ("pickup:\n  - name: a\n    folder: in\n    mapping: m.yaml\n    poll: soon\n", "pickup[0].poll", 5,
         "expected a duration"),
        ("pickup:\n  - name: ../a\n    folder: in\n    mapping: m.yaml\n", "pickup[0].name", 2, "plain word"),
        ("status:\n  - name: s\n    folder: out\n    format: pdf\n", "status[0].format", 4, "write csv or xml"),
        ("sftp:\n  erp:\n    host: h\n    user: u\n    password: p\n", "sftp.erp.known_hosts", 3, "is required"),
    ])
    func badSettingsAreNamedWithTheirLine(yaml: String, setting: String, line: Int, message: String) throws {
        let folder = try folderWithMapping()
        defer { folder.remove() }
        let error = #expect(throws: ChannelsConfigurationError.self) {
            try ChannelsConfiguration.load(yaml: yaml, relativeTo: folder.path)
        }
        #expect(error?.setting == setting)
        #expect(error?.line == line)
        #expect(error?.message.contains(message) == true, "\(String(describing: error))")
    }
}
