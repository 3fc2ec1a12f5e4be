import Foundation
import Hummingbird
import Logging
import ServiceLifecycle

/// A real HTTP server on a free loopback port that records the webhook calls it receives.
actor ReceivedCalls {
    struct Call: Sendable {
        var body: [UInt8]
        var signature: String?
        var timestamp: String?
    }

    private(set) var calls: [Call] = []

    func add(_ call: Call) { calls.append(call) }
}

enum WebhookReceiver {
    static func header(_ name: String, _ request: Request) -> String? {
        request.headers.first { $0.name.canonicalName == name }?.value
    }

    static func with<T: Sendable>(_ body: @Sendable (String, ReceivedCalls) async throws -> T) async throws -> T {
        let received = ReceivedCalls()
        let router = Router()
        router.post("/hook") { request, _ -> HTTPResponse.Status in
            let buffer = try await request.body.collect(upTo: 1 << 20)
            await received.add(.init(body: Array(buffer.readableBytesView),
                                     signature: header("afnor-signature", request),
                                     timestamp: header("afnor-signature-timestamp", request)))
            return .ok
        }
        let (ports, continuation) = AsyncStream.makeStream(of: Int.self)
        var logger = Logger(label: "webhook-receiver")
        logger.logLevel = .error
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
            guard let port = await iterator.next() else { throw HarnessFailure("the receiver did not start") }
            do {
                let value = try await body("http://127.0.0.1:\(port)/hook", received)
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
