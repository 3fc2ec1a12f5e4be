import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A real HTTP endpoint playing the ERP's webhook receiver: records every event the gateway delivers (200).
actor ERPReceiver {
    struct Event: Sendable {
        var type: String
        var invoiceID: String
        var invoiceNumber: String
        var statusCode: String?
        var reasons: [(code: String, text: String?)]
        var paymentAmount: String?
    }

    private(set) var events: [Event] = []

    func record(_ body: [UInt8]) {
        guard let object = try? JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else { return }
        let status = object["status"] as? [String: Any]
        let reasons = (status?["reasons"] as? [[String: Any]] ?? []).map {
            (code: $0["code"] as? String ?? "", text: $0["text"] as? String)
        }
        events.append(Event(
            type: object["type"] as? String ?? "", invoiceID: object["invoiceID"] as? String ?? "",
            invoiceNumber: object["invoiceNumber"] as? String ?? "", statusCode: status?["code"] as? String,
            reasons: reasons, paymentAmount: (object["payment"] as? [String: Any])?["amount"] as? String))
    }

    /// The status codes delivered for an invoice number, in delivery order.
    func statusCodes(of number: String) -> [String] {
        events.filter { $0.invoiceNumber == number }.compactMap(\.statusCode)
    }

    func statusEvents(of number: String) -> [Event] {
        events.filter { $0.invoiceNumber == number && $0.statusCode != nil }
    }

    /// Runs the receiver on a free loopback port for the duration of `body`, which gets its URL.
    func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/erp/hook") { request, _ -> Response in
            let bytes = try await request.body.collect(upTo: 1 << 20)
            await self.record(Array(buffer: bytes))
            return Response(status: .ok)
        }
        var logger = Logger(label: "erp-receiver")
        logger.logLevel = .error
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        let application = Application(
            router: router, configuration: .init(address: .hostname("127.0.0.1", port: 0)),
            onServerRunning: { channel in
                continuation.yield(channel.localAddress?.port ?? 0)
                continuation.finish()
            }, logger: logger)
        let group = ServiceGroup(configuration: .init(services: [application], logger: logger))
        return try await withThrowingTaskGroup(of: Void.self) { tasks in
            tasks.addTask { try await group.run() }
            var iterator = ports.makeAsyncIterator()
            guard let port = await iterator.next(), port != 0 else {
                await group.triggerGracefulShutdown()
                throw InboundTestFailure("the ERP receiver did not start")
            }
            do {
                let value = try await body("http://127.0.0.1:\(port)/erp/hook")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                try? await tasks.waitForAll()
                throw error
            }
        }
    }
}
