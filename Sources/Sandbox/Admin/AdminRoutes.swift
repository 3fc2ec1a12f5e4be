import Foundation
import Hummingbird

/// Sandbox-only routes under `/sandbox` (not part of any AFNOR API; a real platform has none of them): move time
/// forward, change the faults, see the webhook calls, snapshot the state.
struct AdminRoutes {
    let platform: SandboxPlatform
    let clock: SandboxClock
    let queue: WebhookQueue
    let dispatcher: WebhookDispatcher
    let faults: FaultController
    let snapshotPath: String?

    struct AdvanceRequest: Codable {
        var seconds: Double
    }

    struct AdvanceAnswer: Codable {
        var now: Date
        var webhookCalls: Int
        var nextEventAt: Date?
    }

    func register(on router: Router<SandboxContext>) {
        let admin = router.group("sandbox")
        admin.post("advance") { request, _ in
            let body = try await JSONResponse.decode(AdvanceRequest.self, from: request)
            guard body.seconds >= 0, body.seconds.isFinite else {
                throw APIError.badRequest("seconds: a number of sandbox seconds, 0 or more", code: "INVALID_REQUEST")
            }
            let before = dispatcher.deliveries.count
            clock.advance(by: body.seconds)
            queue.enqueue(await platform.runDue())
            await queue.drained()
            return JSONResponse.make(AdvanceAnswer(now: clock.now(), webhookCalls: dispatcher.deliveries.count - before,
                                                   nextEventAt: await platform.nextDue()))
        }
        admin.get("faults") { _, _ in JSONResponse.make(faults.current) }
        admin.put("faults") { request, _ in
            let settings = try await JSONResponse.decode(FaultSettings.self, from: request)
            faults.replace(settings)
            return JSONResponse.make(settings)
        }
        admin.get("deliveries") { _, _ in JSONResponse.make(dispatcher.deliveries) }
        admin.get("invoices/{flowId}/statuses") { _, context in
            let id = try context.parameters.require("flowId")
            return JSONResponse.make(await platform.statuses(ofInvoiceFlow: id))
        }
        admin.post("snapshot") { _, _ in
            guard let snapshotPath else {
                throw APIError(status: .conflict, errorCode: "NO_SNAPSHOT_PATH",
                               errorMessage: "start the sandbox with a snapshot file to take snapshots")
            }
            let snapshot = await platform.snapshot()
            do {
                try Data(SandboxJSON.encode(snapshot)).write(to: URL(fileURLWithPath: snapshotPath), options: .atomic)
            } catch {
                throw APIError(status: .internalServerError, errorCode: "INTERNAL_ERROR",
                               errorMessage: "cannot write \(snapshotPath): \(error.localizedDescription)")
            }
            return JSONResponse.make(snapshot.summary)
        }
    }
}
