@testable import Channels
import Foundation
import Testing

/// The Chorus Pro client against the sandbox's stand-in, over real HTTP on loopback.
@Suite("ChorusPro client") struct ChorusProClientTests {
    @Test func depositReportAndHistoryFollowTheSandboxClock() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client()
            let receipt = try await client.deposit(file: ChorusProSamples.cii(number: "CP-100"),
                                                   fileName: "CP-100.xml", syntax: "IN_DP_E1_CII_16B")
            #expect(receipt.numeroFluxDepot.hasPrefix("CPP"))
            #expect(receipt.syntaxeFlux == "IN_DP_E1_CII_16B")

            let waiting = try await client.report(flow: receipt.numeroFluxDepot)
            #expect(!waiting.isIntegrated && !waiting.isRejected)
            #expect(waiting.nomFichier == "CP-100.xml")
            #expect(try await client.invoices(number: "CP-100").isEmpty)

            try await harness.advance(seconds: 121)
            let report = try await client.report(flow: receipt.numeroFluxDepot)
            #expect(report.etatCourantDepotFlux == "IN_INTEGRE")
            #expect(report.listeErreurDP.isEmpty)

            let found = try await client.invoices(number: "CP-100")
            #expect(found.count == 1)
            let id = try #require(found.first).identifiantFactureCPP
            #expect(try await client.history(invoice: id).entries.map(\.histoStatutCode) == ["DEPOSEE"])

            try await harness.advance(seconds: 86_400)
            let later = try await client.history(invoice: id)
            #expect(later.entries.map(\.histoStatutCode) == ["DEPOSEE", "MISE_A_DISPOSITION", "SERVICE_FAIT"])
            #expect(later.statutCourantCode == "SERVICE_FAIT")
        }
    }

    @Test func anInvoiceBreakingTheRulesMakesTheFlowRejectedWithItsErrors() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client()
            let receipt = try await client.deposit(file: ChorusProSamples.brokenCII(number: "CP-101"),
                                                   fileName: "CP-101.xml", syntax: "IN_DP_E1_CII_16B")
            try await harness.advance(seconds: 121)
            let report = try await client.report(flow: receipt.numeroFluxDepot)
            #expect(report.isRejected)
            let error = try #require(report.listeErreurDP.first)
            #expect(error.numeroDP == "CP-101")
            #expect(error.libelleErreurDP?.contains("BR-CO-15") == true)
            #expect(try await client.invoices(number: "CP-101").isEmpty)
        }
    }

    @Test func theSyntaxMustMatchTheFile() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client()
            let receipt = try await client.deposit(file: ChorusProSamples.cii(number: "CP-102"),
                                                   fileName: "CP-102.xml", syntax: "IN_DP_E1_UBL_INVOICE")
            try await harness.advance(seconds: 121)
            let report = try await client.report(flow: receipt.numeroFluxDepot)
            #expect(report.isRejected)
            #expect(report.listeErreurDP.first?.libelleErreurDP?.contains("IN_DP_E1_UBL_INVOICE") == true)
        }
    }

    @Test func refusedCallsAreTypedPermanentErrorsWithTheirCodeRetour() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client()
            do {
                _ = try await client.deposit(file: ChorusProSamples.cii(number: "CP-103"), fileName: "CP-103.xml",
                                             syntax: "IN_DP_E9_INCONNU")
                Issue.record("an unknown syntax was accepted")
            } catch let error as ChorusProError {
                guard case .refused(let call, let code, let libelle) = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(call == "factures/v1/deposer/flux")
                #expect(code == 20004)
                #expect(libelle.contains("IN_DP_E9_INCONNU"))
                #expect(!error.isTransient)
            }
            await #expect(throws: ChorusProError.self) { _ = try await client.report(flow: "CPP9999") }
            await #expect(throws: ChorusProError.self) { _ = try await client.history(invoice: 42) }
        }
    }

    @Test func aFileThatIsNotBase64IsRefusedWithCodeRetour() async throws {
        try await ChorusProHarness.with { harness in
            let answer = try await harness.request(
                "/cpro/factures/v1/deposer/flux", token: try await harness.token(), account: ChorusProHarness.account,
                json: ["fichierFlux": "pas du base64 !", "nomFichier": "x.xml", "syntaxeFlux": "IN_DP_E1_CII_16B"])
            #expect(answer.status == 400)
            let json = try answer.json()
            #expect(json["codeRetour"] as? Int == 20002)
            #expect((json["libelle"] as? String)?.contains("base64") == true)
        }
    }

    @Test func theCproAccountHeaderIsRequired() async throws {
        try await ChorusProHarness.with { harness in
            let token = try await harness.token()
            let body: [String: Any] = ["numeroFluxDepot": "CPP1"]
            let missing = try await harness.request("/cpro/transverses/v1/consulterCRDetaille", token: token,
                                                    account: nil, json: body)
            #expect(missing.status == 401)
            #expect(try missing.json()["codeRetour"] as? Int == 20008)
            let wrong = Data("\(ChorusProHarness.login):nope".utf8).base64EncodedString()
            let refused = try await harness.request("/cpro/transverses/v1/consulterCRDetaille", token: token,
                                                    account: wrong, json: body)
            #expect(refused.status == 401)
            let noToken = try await harness.request("/cpro/transverses/v1/consulterCRDetaille", token: nil,
                                                    account: ChorusProHarness.account, json: body)
            #expect(noToken.status == 401)

            let client = harness.client(password: "nope")
            await #expect(throws: ChorusProError.account("cpro-account ne désigne pas un compte technique connu")) {
                _ = try await client.report(flow: "CPP1")
            }
        }
    }

    @Test func aWrongPISTESecretIsAnAuthenticationError() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client(secret: "wrong")
            do {
                _ = try await client.report(flow: "CPP1")
                Issue.record("a wrong client secret got through")
            } catch let error as ChorusProError {
                guard case .authentication = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(!error.isTransient)
            }
        }
    }

    @Test func anotherTechnicalAccountSeesNoneOfTheFlows() async throws {
        try await ChorusProHarness.with { harness in
            let receipt = try await harness.client().deposit(
                file: ChorusProSamples.cii(number: "CP-104"), fileName: "CP-104.xml", syntax: "IN_DP_E1_CII_16B")
            let other = harness.client(login: "TECH_2_autre@cpro.fr", password: "autre")
            await #expect(throws: ChorusProError.self) { _ = try await other.report(flow: receipt.numeroFluxDepot) }
        }
    }

    @Test func anUnreachablePlatformIsTransient() async throws {
        try await ChorusProHarness.with { harness in
            var configuration = harness.configuration()
            configuration.tokenURL = "http://127.0.0.1:1/api/oauth/token"
            configuration.timeout = .seconds(2)
            let client = ChorusProClient(configuration: configuration, http: harness.http)
            do {
                _ = try await client.report(flow: "CPP1")
                Issue.record("an unreachable PISTE answered")
            } catch let error as ChorusProError {
                #expect(error.isTransient)
            }
        }
    }

    @Test func injected5xxAnswersAreTransientAndTheNextCallGoesThrough() async throws {
        try await ChorusProHarness.with { harness in
            let client = harness.client()
            try await harness.faults(["errorRate": 1])
            do {
                _ = try await client.deposit(file: ChorusProSamples.cii(number: "CP-105"), fileName: "CP-105.xml",
                                             syntax: "IN_DP_E1_CII_16B")
                Issue.record("a deposit went through a 5xx fault")
            } catch let error as ChorusProError {
                guard case .unavailable = error else {
                    Issue.record("unexpected error \(error)")
                    return
                }
                #expect(error.isTransient)
            }
            try await harness.faults([:])
            let receipt = try await client.deposit(file: ChorusProSamples.cii(number: "CP-105"),
                                                   fileName: "CP-105.xml", syntax: "IN_DP_E1_CII_16B")
            #expect(receipt.numeroFluxDepot.hasPrefix("CPP"))
        }
    }
}
