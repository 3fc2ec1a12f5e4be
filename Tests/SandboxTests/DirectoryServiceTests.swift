import Foundation
import Sandbox
import Testing

/// The Directory Service 1.3.0 seeded from examples/sandbox/directory.yaml.
@Suite("Sandbox Directory Service")
struct DirectoryServiceTests {
    static func configuration() throws -> SandboxConfiguration {
        var configuration = SandboxHarness.configuration()
        configuration.directory = try SandboxFiles.directory(
            path: Fixtures.repositoryRoot.appendingPathComponent("examples/sandbox/directory.yaml").path)
        return configuration
    }

    @Test("lookups by SIREN, SIRET (with include=siren), routing code and addressing identifier")
    func lookups() async throws {
        try await SandboxHarness.with(try Self.configuration()) { sandbox in
            let token = try await sandbox.token()
            let base = "/directory-service/v1"
            let company = try await sandbox.request(.GET, "\(base)/siren/code-insee:732829320", token: token)
            #expect(company.status == 200, "\(company.text)")
            #expect(try company.json()["businessName"] as? String == "Acheteur Exemple SA")
            let facility = try await sandbox.request(.GET, "\(base)/siret/code-insee:31514329600017?include=siren",
                                                     token: token).json()
            #expect(facility["facilityType"] as? String == "P")
            #expect((facility["legalUnit"] as? [String: Any])?["entityType"] as? String == "Public")
            let routing = try await sandbox.request(.GET, "\(base)/routing-code/siret:31514329600017/code:ACHATS",
                                                    token: token).json()
            #expect(routing["routingCodeName"] as? String == "Service des achats")
            let line = try await sandbox.request(
                .GET, "\(base)/directory-line/code:315143296_ACHATS?include=routingCode", token: token).json()
            #expect(line["platformType"] as? String == "WK")
            #expect(line["directoryLineStatus"] as? String == "Enabled")
            #expect((line["routingCode"] as? [String: Any])?["routingIdentifierType"] as? String == "0224")
            let unknown = try await sandbox.request(.GET, "\(base)/siren/code-insee:123456789", token: token)
            #expect(unknown.status == 404)
            #expect(try unknown.json()["errorCode"] as? String == "MISSING_RESOURCE")
            let malformed = try await sandbox.request(.GET, "\(base)/siren/code-insee:12345", token: token)
            #expect(malformed.status == 400)
        }
    }

    @Test("searches filter with the spec's operators, count the total and page with limit/ignore")
    func searches() async throws {
        try await SandboxHarness.with(try Self.configuration()) { sandbox in
            let token = try await sandbox.token()
            let base = "/directory-service/v1"
            let lines = try await sandbox.request(.POST, "\(base)/directory-line/search", token: token, json: [
                "filters": ["siren": ["op": "strict", "value": "315143296"]],
                "sorting": [["field": "addressingIdentifier", "order": "descending"]],
            ]).json()
            #expect(lines["totalNumberOfResults"] as? Int == 2)
            let addresses = (lines["results"] as? [[String: Any]])?.compactMap { $0["addressingIdentifier"] as? String }
            #expect(addresses == ["315143296_ACHATS", "315143296"])
            #expect((lines["search"] as? [String: Any])?["filters"] != nil)

            let named = try await sandbox.request(.POST, "\(base)/siren/search", token: token, json: [
                "filters": ["businessName": ["op": "contains", "value": "exemple"]], "limit": 1, "ignore": 1,
                "fields": ["siren"],
            ]).json()
            #expect(named["totalNumberOfResults"] as? Int == 2)
            let page = try #require(named["results"] as? [[String: Any]])
            #expect(page.count == 1)
            #expect(page.first.map { Array($0.keys) } == ["siren"])

            let byPostCode = try await sandbox.request(.POST, "\(base)/siret/search", token: token, json: [
                "filters": ["postalCode": ["op": "startWith", "value": "38"]],
            ]).json()
            #expect((byPostCode["results"] as? [[String: Any]])?.compactMap { $0["siret"] as? String }
                == ["31514329600017"])

            let badOperator = try await sandbox.request(.POST, "\(base)/siren/search", token: token, json: [
                "filters": ["siren": ["op": "contains", "value": "7"]],
            ])
            #expect(badOperator.status == 400)
            let unknownFilter = try await sandbox.request(.POST, "\(base)/routing-code/search", token: token,
                                                          json: ["filters": ["colour": ["value": "x"]]])
            #expect(unknownFilter.status == 400)
        }
    }

    @Test("a CSV directory (one line per row, quoted commas) gives the same companies, facilities and lines")
    func csvDirectory() throws {
        let directory = try SandboxFiles.directory(
            path: Fixtures.repositoryRoot.appendingPathComponent("examples/sandbox/directory.csv").path)
        #expect(directory.directoryLines.map(\.addressingIdentifier) == ["732829320", "315143296_ACHATS"])
        #expect(directory.legalUnits.map(\.siren) == ["732829320", "315143296"])
        #expect(directory.facilities.first?.name == "Collectivité Exemple, services techniques")
        #expect(directory.routingCodes.first?.routingCodeName == "Service des achats")
        #expect(directory.directoryLines.last?.routingIdentifier == "ACHATS")
        let bad = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID().uuidString).csv")
        try Data("addressingIdentifier,siren\nabc,12\n".utf8).write(to: bad)
        defer { try? FileManager.default.removeItem(at: bad) }
        #expect {
            _ = try SandboxFiles.directory(path: bad.path)
        } throws: { error in
            "\(error)".contains(":2:") && "\(error)".contains("9 digits")
        }
    }

    @Test("a bad directory file is refused with the field that is wrong")
    func badFile() throws {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("bad-directory-\(UUID().uuidString).yaml")
        try Data("directoryLines:\n  - platformType: WK\n".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect {
            _ = try SandboxFiles.directory(path: url.path)
        } throws: { error in
            "\(error)".contains("addressingIdentifier")
        }
    }
}
