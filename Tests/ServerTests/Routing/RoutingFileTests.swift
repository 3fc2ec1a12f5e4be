import Foundation
import Gateway
import Server
import Testing

@Suite("Routing file: YAML to rules, errors located with did-you-mean")
struct RoutingFileTests {
    /// Writes `text` to a file of a fresh folder and returns its path.
    static func write(_ text: String, name: String = "routing.yaml", in folder: RuntimeTemporaryFolder) -> String {
        let path = folder.path(name)
        FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
        return path
    }

    static func error(_ text: String, knownTargets: Set<String>? = nil) -> RoutingFileError? {
        let folder = RuntimeTemporaryFolder()
        let path = write(text, in: folder)
        do {
            _ = try RoutingFile.load(path: path, knownTargets: knownTargets)
            return nil
        } catch {
            return error
        }
    }

    @Test func theExampleLoadsWithItsRulesInOrder() throws {
        let path = RuntimeTestPaths.repositoryRoot.appendingPathComponent("examples/acceptance/routing.yaml").path
        let policy = try RoutingFile.load(path: path, knownTargets: ["production", "chorus-pro"])
        let table = try #require(policy.shared)
        #expect(table.rules.map(\.id) == ["public-buyers", "pilot-customers", "roll-out"])
        #expect(table.rules[0].condition.publicSector == true)
        #expect(table.rules[0].action == RouteAction(target: "chorus-pro", format: .ubl, processing: .b2g))
        #expect(table.rules[1].condition.sirenPrefixes == ["987654321", "552100554"])
        #expect(table.rules[1].action.format == .facturX)
        #expect(table.rules[2].condition.percentBasisPoints == 2_500)
        #expect(table.rules[2].condition.countries == ["FR"])
        #expect(table.fallback.target == RoutingTarget.legacy)
        #expect(!policy.dryRun)
    }

    @Test func aTyposFieldIsNamedWithItsLineAndTheNearestName() throws {
        let error = try #require(Self.error("""
            routing:
              default:
                target: legacy
              rules:
                - id: pilot
                  when:
                    custmer: C001
                  target: production
            """))
        #expect(error.line == 7)
        #expect(error.field == "routing.rules[1].when.custmer")
        #expect(error.message == "is not a field here; did you mean customer?")
        #expect(error.description.hasSuffix("routing.yaml:7: routing.rules[1].when.custmer: is not a field here; did you mean customer?"))
    }

    @Test func badValuesAreLocated() throws {
        let format = try #require(Self.error("routing:\n  default:\n    target: legacy\n    format: EDIFACT\n"))
        #expect(format.line == 4)
        #expect(format.field == "routing.default.format")
        #expect(format.message.contains("\"EDIFACT\" is not one of CII, UBL, Factur-X"))

        let profile = try #require(Self.error("routing:\n  default:\n    target: production\n    format: UBL\n    profile: EXTENDED\n"))
        #expect(profile.line == 5)
        #expect(profile.message.hasPrefix("EXTENDED is not a profile of UBL"))

        let minimum = try #require(Self.error("routing:\n  default:\n    target: production\n    format: facturx\n    profile: minimum\n"))
        #expect(minimum.message.contains("MINIMUM is refused for B2B"))

        let percent = try #require(Self.error("routing:\n  default: {target: legacy}\n  rules:\n    - when: {percent: 150}\n      target: p\n"))
        #expect(percent.line == 4)
        #expect(percent.field == "routing.rules[1].when.percent")

        let range = try #require(Self.error("routing:\n  default: {target: legacy}\n  rules:\n    - when:\n        siret_range: 1-2\n      target: p\n"))
        #expect(range.line == 5)
        #expect(range.message.contains("is not a SIRET range"))

        let noDefault = try #require(Self.error("routing:\n  rules:\n    - target: production\n"))
        #expect(noDefault.message.contains("has no `default:`"))

        let noTarget = try #require(Self.error("routing:\n  default: {target: legacy}\n  rules:\n    - id: x\n      format: CII\n"))
        #expect(noTarget.line == 4)
        #expect(noTarget.message.contains("has no `target:`"))

        let twice = try #require(Self.error("routing:\n  default: {target: legacy}\n  rules:\n    - {id: a, target: p}\n    - {id: a, target: p}\n"))
        #expect(twice.line == 5)
        #expect(twice.message.contains("names another rule too"))

        let invalid = try #require(Self.error("routing:\n  default: [\n"))
        #expect(invalid.message.hasPrefix("is not valid YAML"))
    }

    @Test func anUnknownTargetIsRefusedWithTheNearestPlatform() throws {
        let error = try #require(Self.error(
            "routing:\n  default:\n    target: chorus_pro\n", knownTargets: ["production", "chorus-pro"]))
        #expect(error.line == 3)
        #expect(error.message == "\"chorus_pro\" is not a configured platform; did you mean chorus-pro?")
        #expect(Self.error("routing:\n  default:\n    target: legacy\n", knownTargets: ["production"]) == nil)
    }

    @Test func tenantTablesInlineOrInTheirOwnFile() throws {
        let folder = RuntimeTemporaryFolder()
        _ = Self.write("""
            routing:
              dry_run: true
              default:
                target: sandbox
            """, name: "acme-routing.yaml", in: folder)
        let config = Self.write("""
            server:
              port: 0
            routing:
              dry_run: false
              default:
                target: production
              tenants:
                acme: acme-routing.yaml
                beta:
                  default: {target: legacy}
                  rules:
                    - when: {batch: "NIGHT-*"}
                      target: production
            """, name: "passerelle.yaml", in: folder)
        let policy = try #require(try RoutingFile.load(configFile: config))
        #expect(policy.shared?.fallback.target == "production")
        #expect(policy.tenants[TenantID("acme")]?.fallback.target == "sandbox")
        #expect(policy.isDryRun(tenant: TenantID("acme")))
        #expect(!policy.isDryRun(tenant: TenantID("beta")))
        #expect(policy.tenants[TenantID("beta")]?.rules.first?.condition.batches == ["NIGHT-*"])
        // The server's own loader leaves `routing:` to the routing file reader.
        let loaded = try ConfigurationLoader(environment: [:]).load(file: config)
        #expect(loaded.configuration.server.port == 0)

        // An error in the tenant's file names that file.
        _ = Self.write("default:\n  target: legacy\n  fromat: CII\n", name: "acme-routing.yaml", in: folder)
        let error = #expect(throws: RoutingFileError.self) { _ = try RoutingFile.load(configFile: config) }
        #expect(error?.file.hasSuffix("acme-routing.yaml") == true)
        #expect(error?.line == 3)
        #expect(error?.message == "is not a field here; did you mean format?")
    }

    @Test func aConfigurationWithoutRoutingHasNone() throws {
        let folder = RuntimeTemporaryFolder()
        let config = Self.write("server:\n  port: 0\n", name: "passerelle.yaml", in: folder)
        #expect(try RoutingFile.load(configFile: config) == nil)
    }
}
