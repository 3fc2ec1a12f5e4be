@testable import Channels
import EInvoice
import Foundation
import Gateway
import Sandbox
import Testing

/// A B2G invoice through the real pipeline (SQLite) to the stand-in, and its Chorus Pro statuses back as lifecycle
/// statuses.
@Suite("ChorusPro pipeline") struct ChorusProPipelineTests {
    static let day = 86_400.0

    @Test func aPaidInvoiceComesBackAsDepositedAvailableApprovedAndPaid() async throws {
        try await ChorusProGateway.with { harness, gateway in
            let record = try await gateway.receive(ChorusProSamples.cii(number: "MAIRIE-2026-001"))
            try await gateway.worker.drain()
            let submitted = try #require(try await gateway.invoice(record.id))
            #expect(submitted.state == .submitted)
            let events = try await gateway.events(record.id)
            let flow = try #require(ChorusProStatusFollower.flow(in: events))
            #expect(flow.hasPrefix("CPP"))
            #expect(events.contains { $0.type == "chorus-pro.deposited" })

            let follower = gateway.follower
            var round = try await follower.round()
            #expect(round == .init(followed: 1, recorded: 0, failed: 0))

            try await harness.advance(seconds: 121)
            round = try await follower.round()
            #expect(round.recorded == 1)
            #expect(try await gateway.statusCodes(record.id) == ["200"])

            try await harness.advance(seconds: 6 * Self.day)
            round = try await follower.round()
            #expect(round.recorded == 3)
            // MANDATEE after SERVICE_FAIT gives no second 205; the accounting steps give nothing.
            #expect(try await gateway.statusCodes(record.id) == ["200", "203", "205", "211"])
            let summary = try #require(try await gateway.summary(record.id))
            #expect(summary.current == .paymentSent)
            let payments = try await gateway.payments(record.id)
            #expect(payments.count == 1)
            #expect(payments.first?.amount == submitted.totalWithVAT)

            // Nothing is sent twice, and an invoice whose payment is known is no longer followed.
            round = try await follower.round()
            #expect(round == .init(followed: 0, recorded: 0, failed: 0))
            #expect(try await gateway.events(record.id).filter { $0.type == "invoice.status" }.count == 4)
        }
    }

    @Test func aRefusalByThePublicBuyerIs210() async throws {
        try await ChorusProGateway.with(path: .refused) { harness, gateway in
            let record = try await gateway.receive(ChorusProSamples.cii(number: "MAIRIE-2026-002"))
            try await gateway.worker.drain()
            try await harness.advance(seconds: 121 + 2 * Self.day)
            _ = try await gateway.follower.round()
            #expect(try await gateway.statusCodes(record.id) == ["200", "203", "210"])
            let summary = try #require(try await gateway.summary(record.id))
            #expect(summary.current == .refused)
            #expect(summary.reason?.text.contains("engagement juridique") == true)
        }
    }

    @Test func aSuspensionIs208ThenCompletion209() async throws {
        try await ChorusProGateway.with(path: .suspended) { harness, gateway in
            let record = try await gateway.receive(ChorusProSamples.cii(number: "MAIRIE-2026-003"))
            try await gateway.worker.drain()
            try await harness.advance(seconds: 121 + Self.day + 60)
            _ = try await gateway.follower.round()
            #expect(try await gateway.summary(record.id)?.current == .suspended)
            try await harness.advance(seconds: 6 * Self.day)
            _ = try await gateway.follower.round()
            #expect(try await gateway.statusCodes(record.id) == ["200", "203", "208", "209", "205", "211"])
        }
    }

    @Test func aFlowRejectedByChorusProIs213() async throws {
        try await ChorusProGateway.with { harness, gateway in
            // The same invoice reached Chorus Pro before (another tool, or an answer lost on the wire): the
            // gateway's deposit is refused as a duplicate.
            let bytes = ChorusProSamples.cii(number: "MAIRIE-2026-004")
            _ = try await harness.client().deposit(file: bytes, fileName: "earlier.xml", syntax: "IN_DP_E1_CII_16B")
            let record = try await gateway.receive(bytes)
            try await gateway.worker.drain()
            #expect(try await gateway.invoice(record.id)?.state == .submitted)
            try await harness.advance(seconds: 121)
            let round = try await gateway.follower.round()
            #expect(round.recorded == 1)
            #expect(try await gateway.statusCodes(record.id) == ["213"])
            let summary = try #require(try await gateway.summary(record.id))
            #expect(summary.current == .rejected)
            #expect(summary.reason?.text.contains("doublon") == true)
            #expect(try await gateway.follower.round().followed == 0)
        }
    }

    @Test func anInvoiceToRecycleIsARoutingError221() async throws {
        try await ChorusProGateway.with(path: .recycled) { harness, gateway in
            let record = try await gateway.receive(ChorusProSamples.cii(number: "MAIRIE-2026-005"))
            try await gateway.worker.drain()
            try await harness.advance(seconds: 121 + 2 * Self.day)
            _ = try await gateway.follower.round()
            #expect(try await gateway.statusCodes(record.id) == ["200", "203", "221"])
            #expect(try await gateway.summary(record.id)?.current == .routingError)
        }
    }

    @Test func aTransientFailureLeavesTheInvoiceToTheNextRetry() async throws {
        try await ChorusProGateway.with { harness, gateway in
            let record = try await gateway.receive(ChorusProSamples.cii(number: "MAIRIE-2026-006"))
            try await harness.faults(["errorRate": 1])
            try await gateway.worker.drain()
            let jobs = try await gateway.store.read { try await $0.jobs(invoice: record.id, tenant: ChorusProGateway.tenant) }
            #expect(try await gateway.invoice(record.id)?.state != .submitted)
            #expect(jobs.contains { $0.kind == .dispatch && $0.state == .pending && $0.attempts == 1 })
            #expect(try await gateway.events(record.id).allSatisfy { $0.type != "chorus-pro.deposited" })
        }
    }
}
