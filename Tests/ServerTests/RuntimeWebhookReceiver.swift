import Foundation
import Hummingbird
import Logging
import NIOCore
import ServiceLifecycle

/// A real HTTP endpoint standing in for an ERP: records every webhook it receives and answers with the statuses
/// of its script (then `thenStatus`).
actor RuntimeWebhookReceiver {
    struct Delivery: Sendable {
        var headers: [String: String]
        var body: [UInt8]
    }

    private(set) var received: [Delivery] = []
    private var script: [Int]
    private var thenStatus: Int
    /// How long each answer takes.
    private let delay: Duration

    init(script: [Int], then thenStatus: Int, delay: Duration = .zero) {
        self.script = script
        self.thenStatus = thenStatus
        self.delay = delay
    }

    var delayPerAnswer: Duration { delay }

    func answer(to delivery: Delivery) -> Int {
        received.append(delivery)
        return script.isEmpty ? thenStatus : script.removeFirst()
    }

    func setThenStatus(_ status: Int) {
        thenStatus = status
    }

    /// Runs the receiver on a free port for the duration of `body`, which gets its URL.
    func serve<Value: Sendable>(_ body: @Sendable (String) async throws -> Value) async throws -> Value {
        let router = Router()
        router.post("/hook") { request, _ -> Response in
            var headers: [String: String] = [:]
            for field in request.headers { headers[field.name.canonicalName] = field.value }
            let bytes = try await request.body.collect(upTo: 1 << 20)
            let status = await self.answer(to: Delivery(headers: headers, body: Array(buffer: bytes)))
            try await Task.sleep(for: await self.delayPerAnswer)
            return Response(status: .init(code: status), body: .init(byteBuffer: ByteBuffer(string: "ok")))
        }
        var logger = Logger(label: "receiver")
        logger.logLevel = .warning
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
            guard let port = await iterator.next() else { throw RuntimeTestFailure("the receiver did not start") }
            do {
                let value = try await body("http://127.0.0.1:\(port)/hook")
                await group.triggerGracefulShutdown()
                try await tasks.waitForAll()
                return value
            } catch {
                await group.triggerGracefulShutdown()
                throw error
            }
        }
    }
}
