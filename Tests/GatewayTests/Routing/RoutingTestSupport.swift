import Foundation
import Gateway
import GatewayStorage
import Logging
import Synchronization

/// A platform port that records every request it gets and answers as told (submitted by default).
final class RecordingPort: DispatchPort {
    struct Down: Error, CustomStringConvertible {
        var description: String { "the platform is down" }
    }

    let name: String
    private let state = Mutex<(requests: [DispatchRequest], failuresLeft: Int)>(([], 0))

    init(name: String) { self.name = name }

    var requests: [DispatchRequest] { state.withLock { $0.requests } }

    /// The next `count` calls throw.
    func failNext(_ count: Int) { state.withLock { $0.failuresLeft = count } }

    func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        let fail = state.withLock { state -> Bool in
            state.requests.append(request)
            guard state.failuresLeft > 0 else { return false }
            state.failuresLeft -= 1
            return true
        }
        if fail { throw Down() }
        return .submitted(platformID: "\(name)-\(request.invoice.documentKey.number)")
    }
}

extension GatewayHarness {
    /// A worker whose pipeline sends through `dispatcher` (retries after 1 s, no jitter).
    func worker(dispatcher: any DispatchPort) -> PipelineWorker {
        var logger = Logger(label: "test.routing")
        logger.logLevel = .critical
        return PipelineWorker(context: PipelineContext(
            store: store, clock: clock, dispatcher: dispatcher, webhooks: webhooks,
            configuration: PipelineConfiguration(
                workerID: "routing-worker", batchSize: 8, leaseDuration: .seconds(60),
                retry: RetryPolicy(base: .seconds(1), maximum: .seconds(60), jitter: 0)),
            logger: logger))
    }

    /// The decision of the invoice's `invoice.routed` event, if any.
    func routedDecision(_ id: InvoiceID, tenant: TenantID = Fixtures.tenantA) async throws -> RouteDecision? {
        let events = try await self.events(id, tenant: tenant).filter { $0.type == "invoice.routed" }
        return events.first.flatMap { RouteDecision(detailJSON: $0.detailJSON) }
    }
}

extension RoutingFacts {
    /// Facts of a synthetic invoice for the rule tests.
    static func synthetic(_ number: String, seller: String = "123456782", customer: String? = nil,
                          siren: String? = nil, siret: String? = nil, country: String? = "FR",
                          batch: String? = nil, preferred: DeliveryFormat = .cii) -> RoutingFacts {
        RoutingFacts(customerCode: customer, buyerSIREN: siren, buyerSIRET: siret, buyerCountry: country,
                     batchID: batch, seller: seller, number: number, preferredFormat: preferred)
    }
}
