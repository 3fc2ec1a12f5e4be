@testable import Channels
import EInvoice
import Foundation
import Gateway
import Testing

/// Chorus Pro statuses to lifecycle statuses, and the `chorusPro:` configuration section.
@Suite("ChorusPro mapping and configuration") struct ChorusProMappingTests {
    static func entry(_ code: String, _ id: Int) -> ChorusProStatusEntry {
        ChorusProStatusEntry(histoStatutId: id, histoStatutCode: code, histoStatutDatePassage: "2026-03-0\(id)T10:00:00Z",
                             histoStatutCommentaire: nil)
    }

    @Test(arguments: [
        ("DEPOSEE", "200"), ("EN_COURS_ACHEMINEMENT", "201"), ("MISE_A_DISPOSITION", "203"), ("A_RECYCLER", "221"),
        ("SUSPENDUE", "208"), ("COMPLETEE", "209"), ("SERVICE_FAIT", "205"), ("MANDATEE", "205"), ("REJETEE", "210"),
        ("MISE_EN_PAIEMENT", "211"),
    ])
    func eachMappedStatusHasItsCode(chorus: String, code: String) {
        #expect(ChorusProStatusMapping.lifecycleStatus(of: chorus)?.code == code)
    }

    @Test func accountingStepsAndUnknownStatusesGiveNothing() {
        for status in ["MISE_A_DISPOSITION_COMPTABLE", "COMPTABILISEE", "A_VALIDER_1", ""] {
            #expect(ChorusProStatusMapping.lifecycleStatus(of: status) == nil)
        }
    }

    @Test func approvalIsReportedOnce() {
        let withServiceDone = ChorusProStatusMapping.lifecycleStatuses(of: [
            Self.entry("DEPOSEE", 1), Self.entry("SERVICE_FAIT", 2), Self.entry("MANDATEE", 3),
            Self.entry("COMPTABILISEE", 4), Self.entry("MISE_EN_PAIEMENT", 5),
        ])
        #expect(withServiceDone.map(\.status.code) == ["200", "205", "211"])
        #expect(withServiceDone.map(\.entry.histoStatutCode) == ["DEPOSEE", "SERVICE_FAIT", "MISE_EN_PAIEMENT"])
        let mandatedOnly = ChorusProStatusMapping.lifecycleStatuses(of: [
            Self.entry("DEPOSEE", 1), Self.entry("MANDATEE", 3),
        ])
        #expect(mandatedOnly.map(\.entry.histoStatutCode) == ["DEPOSEE", "MANDATEE"])
    }

    @Test func chorusProDateTimesAreReadInUTC() {
        #expect(ChorusProStatusMapping.dateTime("2018-02-16T15:10:25.536+01:00")?.compactText == "20180216141025")
        #expect(ChorusProStatusMapping.dateTime("2026-03-01T00:30:00Z")?.compactText == "20260301003000")
        #expect(ChorusProStatusMapping.dateTime("2026-03-01")?.compactText == "20260301000000")
        #expect(ChorusProStatusMapping.dateTime("1er mars") == nil)
        #expect(ChorusProStatusMapping.dateTime(nil) == nil)
    }

    @Test func theSectionReadsSecretsFromFiles() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        try folder.write("piste-secret", "s3cret\n")
        try folder.write("cpro-password", "motdepasse")
        let yaml = """
            chorusPro:
              tokenURL: https://sandbox-oauth.piste.gouv.fr/api/oauth/token
              apiBase: https://sandbox-api.piste.gouv.fr/
              clientId: app-1
              clientSecretFile: piste-secret
              login: TECH_1@cpro.fr
              passwordFile: cpro-password
              pollSeconds: 60
            """
        let path = try folder.write("chorus.yaml", yaml)
        let configuration = try ChorusProConfiguration.load(path: path)
        #expect(configuration.clientSecret == "s3cret")
        #expect(configuration.password == "motdepasse")
        #expect(configuration.apiBase == "https://sandbox-api.piste.gouv.fr")
        #expect(configuration.pollInterval == .seconds(60))
        #expect(configuration.tenant == TenantID("default"))
        #expect(configuration.accountHeader == Data("TECH_1@cpro.fr:motdepasse".utf8).base64EncodedString())
    }

    @Test func aBadSectionNamesTheKey() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        func error(_ yaml: String) -> String {
            do {
                _ = try ChorusProConfiguration.load(yaml: yaml, folder: folder.path)
                return "(none)"
            } catch {
                return "\(error)"
            }
        }
        #expect(error("chorusPro:\n  tokenUrl: x\n").hasPrefix("chorusPro.tokenUrl: is not a setting"))
        #expect(error("chorusPro:\n  apiBase: x\n").hasPrefix("chorusPro.tokenURL: is missing"))
        #expect(error("other: 1\n").contains("no chorusPro:"))
        let missingSecret = """
            chorusPro:
              tokenURL: https://a/api/oauth/token
              apiBase: https://a
              clientId: app
              clientSecretFile: nowhere
              login: l
              passwordFile: nowhere
            """
        #expect(error(missingSecret).hasPrefix("chorusPro.clientSecretFile:"))
    }
}
