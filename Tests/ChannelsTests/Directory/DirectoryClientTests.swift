import AsyncHTTPClient
@testable import Channels
import Foundation
import Gateway
import NIOCore
import NIOPosix
import Sandbox
import Testing

/// The Directory client against the sandbox's Directory Service 1.3.0, over real HTTP on loopback.
@Suite("DirectoryClient against the sandbox")
struct DirectoryClientTests {
    @Test("lookups by SIREN, SIRET, routing code and addressing identifier; 404 is nil")
    func lookups() async throws {
        try await DirectorySandbox.with { url, http in
            let client = DirectoryClient(configuration: DirectorySandbox.clientConfiguration(url: url), http: http)
            let company = try #require(try await client.company(siren: "732829320"))
            #expect(company.businessName == "Acheteur Exemple SA")
            #expect(company.entityType == "PrivateVatRegistered")
            let facility = try #require(try await client.facility(siret: "31514329600017"))
            #expect(facility.facilityType == "P")
            #expect(facility.address?.locality == "Grenoble")
            #expect(facility.legalUnit?.entityType == "Public")
            let routing = try #require(try await client.routingCode(siret: "31514329600017", code: "ACHATS"))
            #expect(routing.routingCodeName == "Service des achats")
            #expect(routing.facility?.siret == "31514329600017")
            let line = try #require(try await client.directoryLine(addressingIdentifier: "315143296_ACHATS"))
            #expect(line.platformType == "WK")
            #expect(line.directoryLineStatus == "Enabled")
            #expect(line.routingCode?.routingIdentifierType == "0224")
            #expect(line.legalUnit?.businessName == "Collectivité Exemple")

            let noCompany = try await client.company(siren: "123456789")
            let noFacility = try await client.facility(siret: "12345678900011")
            let noRouting = try await client.routingCode(siret: "31514329600017", code: "NOPE")
            let noLine = try await client.directoryLine(addressingIdentifier: "no-such-line")
            #expect(noCompany == nil)
            #expect(noFacility == nil)
            #expect(noRouting == nil)
            #expect(noLine == nil)
            #expect(try await client.healthy())
        }
    }

    @Test("the four searches send the spec's body and read total and page")
    func searches() async throws {
        try await DirectorySandbox.with { url, http in
            let client = DirectoryClient(configuration: DirectorySandbox.clientConfiguration(url: url), http: http)
            let lines = try await client.searchDirectoryLines(AFNORDirectory.Search(
                filters: ["siren": .strict("315143296")],
                sorting: [AFNORDirectory.Sorting(field: "addressingIdentifier", order: "descending")]))
            #expect(lines.totalNumberOfResults == 2)
            #expect(lines.results.compactMap(\.addressingIdentifier) == ["315143296_ACHATS", "315143296"])
            let companies = try await client.searchCompanies(AFNORDirectory.Search(
                filters: ["businessName": .contains("exemple")], limit: 1, ignore: 1))
            #expect(companies.totalNumberOfResults == 2)
            #expect(companies.results.count == 1)
            let facilities = try await client.searchFacilities(AFNORDirectory.Search(
                filters: ["postalCode": .startWith("75")]))
            #expect(facilities.results.compactMap(\.siret) == ["73282932000074"])
            let codes = try await client.searchRoutingCodes(AFNORDirectory.Search(
                filters: ["siret": .strict("31514329600017")], include: ["siret"]))
            #expect(codes.results.compactMap(\.routingIdentifier) == ["ACHATS"])
            #expect(codes.results.first?.facility?.name == "Collectivité Exemple - services techniques")
        }
    }

    @Test("a buyer is found at the most specific line it names; unknown buyers are not found, with the reason")
    func buyerLookups() async throws {
        try await DirectorySandbox.with { url, http in
            // Page size 1: the SIREN's two lines come on two pages.
            let client = DirectoryClient(
                configuration: DirectorySandbox.clientConfiguration(url: url, pageSize: 1), http: http)
            let tenant = TenantID("t1")
            let company = try await client.lookUp(BuyerIdentity(siren: "732829320"), tenant: tenant).entry
            #expect(company?.addressingIdentifier == "732829320")
            #expect(company?.platform.type == "WK")
            #expect(company?.scheme == "0225")
            #expect(company?.businessName == "Acheteur Exemple SA")

            let service = try await client.lookUp(
                BuyerIdentity(siret: "31514329600017", routingCode: "ACHATS"), tenant: tenant).entry
            #expect(service?.addressingIdentifier == "315143296_ACHATS")
            #expect(service?.siren == "315143296")
            #expect(service?.routingCode == "ACHATS")
            // The SIRET without a routing code has no line of its own: the SIREN's line applies (the PPF).
            let establishment = try await client.lookUp(BuyerIdentity(siret: "31514329600017"), tenant: tenant).entry
            #expect(establishment?.addressingIdentifier == "315143296")
            #expect(establishment?.platform.type == "DFH")

            let byAddress = try await client.lookUp(BuyerIdentity(electronicAddress: "315143296_ACHATS"), tenant: tenant)
            #expect(byAddress.entry?.siret == "31514329600017")

            let unknown = try await client.lookUp(BuyerIdentity(siren: "123456789"), tenant: tenant)
            #expect(unknown == .notFound(reason: "the directory knows no company with this SIREN"))
            let unknownAddress = try await client.lookUp(BuyerIdentity(electronicAddress: "nowhere"), tenant: tenant)
            #expect(unknownAddress.entry == nil)
            let malformed = try await client.lookUp(BuyerIdentity(siren: "12345"), tenant: tenant)
            #expect(malformed.entry == nil)
        }
    }

    @Test("errors carry the spec's body and say whether to retry")
    func errors() async throws {
        try await DirectorySandbox.with { url, http in
            let client = DirectoryClient(configuration: DirectorySandbox.clientConfiguration(url: url), http: http)
            do {
                _ = try await client.searchCompanies(AFNORDirectory.Search(filters: ["siren": .contains("7")]))
                Issue.record("a refused operator must fail")
            } catch let error as DirectoryClientError {
                guard case .service(let status, let path, let body) = error else {
                    Issue.record("unexpected \(error)")
                    return
                }
                #expect(status == 400)
                #expect(path == "/v1/siren/search")
                #expect(body?.errorCode == "INVALID_REQUEST")
                #expect(!error.isTransient)
            }
            await #expect(throws: DirectoryClientError.invalidRequest("a SIREN has 9 digits, got \"12345\"")) {
                try await client.company(siren: "12345")
            }
            let wrongSecret = DirectoryClient(
                configuration: DirectorySandbox.clientConfiguration(url: url, secret: "wrong"), http: http)
            do {
                _ = try await wrongSecret.lookUp(BuyerIdentity(siren: "732829320"), tenant: TenantID("t1"))
                Issue.record("a wrong secret must fail")
            } catch let failure as DirectoryFailure {
                #expect(!failure.isTransient)
                #expect(failure.description.contains("401"))
            }
        }
    }

    @Test("a directory answering 5xx, or not at all, is transient")
    func transientFailures() async throws {
        var faults = FaultSettings()
        faults.errorRate = 1
        try await DirectorySandbox.with(faults: faults) { url, http in
            let client = DirectoryClient(configuration: DirectorySandbox.clientConfiguration(url: url), http: http)
            do {
                _ = try await client.lookUp(BuyerIdentity(siren: "732829320"), tenant: TenantID("t1"))
                Issue.record("a failing directory must fail")
            } catch let failure as DirectoryFailure {
                #expect(failure.isTransient, "\(failure)")
            }
        }
        // A port nobody listens on: bind one, note it, close it.
        let channel = try await ServerBootstrap(group: MultiThreadedEventLoopGroup.singleton)
            .bind(host: "127.0.0.1", port: 0).get()
        let port = channel.localAddress?.port ?? 1
        try await channel.close()
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let client = DirectoryClient(
            configuration: DirectorySandbox.clientConfiguration(url: "http://127.0.0.1:\(port)"), http: http)
        let outcome: Result<DirectoryAnswer, any Error>
        do {
            outcome = .success(try await client.lookUp(BuyerIdentity(siren: "732829320"), tenant: TenantID("t1")))
        } catch {
            outcome = .failure(error)
        }
        try await http.shutdown()
        #expect(throws: DirectoryFailure.self) { try outcome.get() }
        if case .failure(let failure as DirectoryFailure) = outcome {
            #expect(failure.isTransient, "\(failure)")
        }
    }
}
