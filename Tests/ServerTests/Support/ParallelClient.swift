import AsyncHTTPClient
import Foundation
import NIOCore

/// Sends many requests at once, each on its own connection (the test frameworks' clients share a few), to the
/// server a live test runs.
struct ParallelClient {
    var port: Int

    struct Reply: Sendable {
        var status: Int
        var body: [UInt8]
        var json: JSON { JSON(parsing: body) }
        var text: String { String(decoding: body, as: UTF8.self) }
    }

    /// POSTs `body` `count` times concurrently.
    func post(_ path: String, count: Int, body: [UInt8], headers: [(String, String)]) async throws -> [Reply] {
        var configuration = HTTPClient.Configuration()
        configuration.connectionPool = .init(idleTimeout: .seconds(30), concurrentHTTP1ConnectionsPerHostSoftLimit: count)
        configuration.timeout = .init(connect: .seconds(60), read: .seconds(120))
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: configuration)
        do {
            let replies = try await withThrowingTaskGroup(of: Reply.self) { group in
                for _ in 0..<count {
                    group.addTask {
                        var request = HTTPClientRequest(url: "http://127.0.0.1:\(port)\(path)")
                        request.method = .POST
                        for (name, value) in headers { request.headers.add(name: name, value: value) }
                        request.body = .bytes(ByteBuffer(bytes: body))
                        let response = try await client.execute(request, timeout: .seconds(120))
                        let bytes = try await response.body.collect(upTo: 1 << 20)
                        return Reply(status: Int(response.status.code), body: Array(bytes.readableBytesView))
                    }
                }
                var replies: [Reply] = []
                for try await reply in group { replies.append(reply) }
                return replies
            }
            try await client.shutdown()
            return replies
        } catch {
            try? await client.shutdown()
            throw error
        }
    }
}
