import Foundation

/// The sandbox's state written as JSON by `POST /sandbox/snapshot`: every flow's metadata (with its owner and
/// base64 content) and the statuses of every tracked invoice. For inspection after an acceptance run.
struct SandboxSnapshot: Codable, Sendable {
    struct SnapshotFlow: Codable, Sendable {
        var owner: String
        var metadata: FlowMetadata
        var contentBase64: String
    }

    struct SnapshotInvoice: Codable, Sendable {
        var flowId: String
        var number: String
        var sellerSIREN: String
        var buyerSIREN: String?
        var statuses: [String]
    }

    struct Summary: Codable, Sendable {
        var takenAt: Date
        var flows: Int
        var invoices: Int
    }

    var takenAt: Date
    var flows: [SnapshotFlow]
    var invoices: [SnapshotInvoice]

    var summary: Summary { Summary(takenAt: takenAt, flows: flows.count, invoices: invoices.count) }
}

extension SandboxPlatform {
    func snapshot() -> SandboxSnapshot {
        let stored = flowOrder.compactMap { flows[$0] }
        return SandboxSnapshot(
            takenAt: clock.now(),
            flows: stored.map {
                .init(owner: $0.owner, metadata: $0.metadata, contentBase64: Data($0.original).base64EncodedString())
            },
            invoices: stored.compactMap { invoices[$0.metadata.flowId] }.map {
                .init(flowId: $0.flowId, number: $0.number, sellerSIREN: $0.sellerSIREN, buyerSIREN: $0.buyerSIREN,
                      statuses: $0.statuses.map(\.code))
            })
    }
}
