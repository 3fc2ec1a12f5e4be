@testable import Channels
import Foundation
import Gateway
import Testing

/// The dispatch port: one deposit per submission key.
@Suite("ChorusPro dispatcher") struct ChorusProDispatcherTests {
    static func request(for record: InvoiceRecord, bytes: [UInt8], key: String) -> DispatchRequest {
        DispatchRequest(
            tenant: record.tenant, invoice: record,
            document: StoredDocument(tenant: record.tenant, invoiceID: record.id, kind: .cii,
                                     mediaType: "application/xml", bytes: bytes, sha256: "", createdAt: Date()),
            submissionKey: key)
    }

    @Test func theSameSubmissionKeyTwiceDepositsOnce() async throws {
        try await ChorusProGateway.with { harness, gateway in
            let bytes = ChorusProSamples.cii(number: "B2G-1")
            let record = try await gateway.receive(bytes)
            let request = Self.request(for: record, bytes: bytes, key: "invoice:\(record.id.rawValue)")
            let first = try await gateway.dispatcher.dispatch(request)
            // A second dispatcher (another process after a crash) with the same key.
            let second = try await ChorusProDispatcher(client: harness.client(), store: gateway.store)
                .dispatch(request)
            guard case .submitted(let flow, let receipt) = first, case .submitted(let again, _) = second else {
                Issue.record("not submitted: \(first) \(second)")
                return
            }
            #expect(again == flow)
            // The deposit's answer comes back as the platform receipt, for the archive.
            let answer = try JSONSerialization.jsonObject(with: Data(try #require(receipt))) as? [String: Any]
            #expect(answer?["numeroFluxDepot"] as? String == flow)
            let deposits = try await gateway.events(record.id).filter { $0.type == "chorus-pro.deposited" }
            #expect(deposits.count == 1)
            #expect(deposits.first?.detailJSON?.contains(flow) == true)

            // The stand-in numbers flows in sequence: a probe deposited now is its second flow.
            let probe = try await harness.client().deposit(file: ChorusProSamples.cii(number: "PROBE"),
                                                           fileName: "probe.xml", syntax: "IN_DP_E1_CII_16B")
            #expect(probe.numeroFluxDepot == "CPP" + String(repeating: "0", count: 21) + "2")
            try await harness.advance(seconds: 121)
            #expect(try await harness.client().report(flow: flow).isIntegrated)
            #expect(try await harness.client().invoices(number: "B2G-1").count == 1)
        }
    }

    @Test func theFileNameIsDerivedFromTheKey() async throws {
        try await ChorusProGateway.with { _, gateway in
            let bytes = ChorusProSamples.cii(number: "B2G/2 é")
            let record = try await gateway.receive(bytes)
            let one = ChorusProDispatcher.fileName(for: Self.request(for: record, bytes: bytes, key: "invoice:a"))
            let again = ChorusProDispatcher.fileName(for: Self.request(for: record, bytes: bytes, key: "invoice:a"))
            let other = ChorusProDispatcher.fileName(for: Self.request(for: record, bytes: bytes, key: "invoice:b"))
            #expect(one == again)
            #expect(one != other)
            #expect(one.hasPrefix("PASSERELLE_") && one.hasSuffix("_B2G_2__.xml"))
        }
    }

    @Test func anotherKeyForTheSameInvoiceIsRefusedByChorusProAsADuplicate() async throws {
        try await ChorusProGateway.with { harness, gateway in
            let bytes = ChorusProSamples.cii(number: "B2G-3")
            let record = try await gateway.receive(bytes)
            let first = try await gateway.dispatcher.dispatch(Self.request(for: record, bytes: bytes, key: "k1"))
            let second = try await gateway.dispatcher.dispatch(Self.request(for: record, bytes: bytes, key: "k2"))
            guard case .submitted(let flow1, _) = first, case .submitted(let flow2, _) = second else {
                Issue.record("not submitted: \(first) \(second)")
                return
            }
            #expect(flow1 != flow2)
            try await harness.advance(seconds: 121)
            #expect(try await harness.client().report(flow: flow1).isIntegrated)
            let duplicate = try await harness.client().report(flow: flow2)
            #expect(duplicate.isRejected)
            #expect(duplicate.listeErreurDP.first?.libelleErreurDP?.contains("doublon") == true)
        }
    }

    @Test func aRefusedDepositIsAPermanentStepFailure() async throws {
        try await ChorusProGateway.with { harness, gateway in
            let bytes = ChorusProSamples.cii(number: "B2G-4")
            let record = try await gateway.receive(bytes)
            let dispatcher = ChorusProDispatcher(client: harness.client(password: "wrong"), store: gateway.store)
            do {
                _ = try await dispatcher.dispatch(Self.request(for: record, bytes: bytes, key: "k"))
                Issue.record("a refused account deposited")
            } catch let failure as StepFailure {
                #expect(failure.permanent)
                #expect(failure.message.contains("technical account"))
            }
        }
    }
}
