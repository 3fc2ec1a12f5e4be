import AsyncHTTPClient
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Sandbox

/// An in-process sandbox platform on a free loopback port, time stopped (it moves with ``advance(seconds:)``), and
/// an admin client for the test's own look at it.
struct PlatformSandbox: Sendable {
    static let clientID = "passerelle-gateway"
    static let clientSecret = "gateway-secret-for-tests"

    let url: String
    let client: HTTPClient
    let token: String

    var flowURL: String { url + "/flow-service" }
    var tokenURL: String { url + "/auth-service/token" }

    static func configuration(scenario: String, seed: UInt64 = 7) throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.clients = [ClientCredentials(clientId: clientID, clientSecret: clientSecret)]
        configuration.timeScale = 0
        configuration.seed = seed
        configuration.scenario = try ScenarioFile.parse(scenario)
        return configuration
    }

    static func with<Value: Sendable>(_ configuration: SandboxConfiguration,
                                      _ body: @Sendable (PlatformSandbox) async throws -> Value) async throws -> Value {
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let client = HTTPClient(eventLoopGroupProvider: .singleton)
        let stopper = SandboxServer.Stopper()
        defer { stopper.stop() }
        let result: Result<Value, any Error> = await withTaskGroup(of: Void.self) { group in
            group.addTask {
                var logger = Logger(label: "sandbox")
                logger.logLevel = .error
                do {
                    try await SandboxServer.run(configuration, logger: logger, stopper: stopper) { started in
                        continuation.yield(started.url)
                        continuation.finish()
                    }
                } catch {
                    continuation.finish()
                }
            }
            var iterator = urls.makeAsyncIterator()
            guard let url = await iterator.next() else {
                return .failure(InboundTestFailure("the sandbox did not start"))
            }
            let outcome: Result<Value, any Error>
            do {
                let token = try await Self.token(url: url, client: client)
                outcome = .success(try await body(PlatformSandbox(url: url, client: client, token: token)))
            } catch {
                outcome = .failure(error)
            }
            stopper.stop()
            await group.waitForAll()
            return outcome
        }
        try await client.shutdown()
        return try result.get()
    }

    static func token(url: String, client: HTTPClient) async throws -> String {
        var request = HTTPClientRequest(url: url + "/auth-service/token")
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.body = .bytes(ByteBuffer(string:
            "grant_type=client_credentials&client_id=\(clientID)&client_secret=\(clientSecret)"))
        let response = try await client.execute(request, timeout: .seconds(30))
        let body = try await response.body.collect(upTo: 1 << 20)
        guard let object = try JSONSerialization.jsonObject(with: Data(Array(buffer: body))) as? [String: Any],
            let token = object["access_token"] as? String
        else { throw InboundTestFailure("the sandbox gave no token") }
        return token
    }

    /// A call to the sandbox (admin routes and the Flow Service) with the test's token; the JSON answer.
    func call(_ method: HTTPMethod, _ path: String, json: [String: Any]? = nil) async throws -> (Int, Any?) {
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: Array(try JSONSerialization.data(withJSONObject: json))))
        }
        let response = try await client.execute(request, timeout: .seconds(120))
        let body = try await response.body.collect(upTo: 64 << 20)
        let object = body.readableBytes == 0 ? nil : try? JSONSerialization.jsonObject(with: Data(Array(buffer: body)))
        return (Int(response.status.code), object)
    }

    /// Moves sandbox time: every status due is emitted and its webhooks called before the answer.
    @discardableResult
    func advance(seconds: Double) async throws -> [String: Any] {
        let (status, object) = try await call(.POST, "/sandbox/advance", json: ["seconds": seconds])
        guard status == 200, let answer = object as? [String: Any] else {
            throw InboundTestFailure("POST /sandbox/advance answered \(status)")
        }
        return answer
    }

    func setFaults(_ faults: [String: Any]) async throws {
        let (status, _) = try await call(.PUT, "/sandbox/faults", json: faults)
        guard status == 200 || status == 204 else { throw InboundTestFailure("PUT /sandbox/faults answered \(status)") }
    }

    /// Every flow matching `filters` (faults must be off: this is the test's own look).
    func flows(where filters: [String: Any]) async throws -> [[String: Any]] {
        var all: [[String: Any]] = []
        var cursor: String?
        repeat {
            var json: [String: Any] = ["where": filters, "limit": 100]
            if let cursor { json["cursor"] = cursor }
            let (status, object) = try await call(.POST, "/flow-service/v1/flows/search", json: json)
            guard status == 200, let page = object as? [String: Any] else {
                throw InboundTestFailure("search answered \(status)")
            }
            all += page["results"] as? [[String: Any]] ?? []
            cursor = page["nextCursor"] as? String
        } while cursor != nil
        return all
    }

    /// Every webhook call the sandbox made.
    func deliveries() async throws -> [[String: Any]] {
        let (_, object) = try await call(.GET, "/sandbox/deliveries")
        if let list = object as? [[String: Any]] { return list }
        return (object as? [String: Any])?["deliveries"] as? [[String: Any]] ?? []
    }
}
