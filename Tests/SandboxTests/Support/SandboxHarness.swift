import AsyncHTTPClient
import Crypto
import Foundation
import Logging
import NIOCore
import NIOHTTP1
import Sandbox
import Testing

struct HarnessFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}

/// A sandbox started on a free loopback port for one test, with an HTTP client and helpers; stopped afterwards.
struct SandboxHarness: Sendable {
    let url: String
    let client: HTTPClient
    static let clientId = "erp-test"
    static let clientSecret = "s3cret-for-tests"

    struct Answer: Sendable {
        var status: Int
        var headers: HTTPHeaders
        var body: [UInt8]

        var text: String { String(decoding: body, as: UTF8.self) }

        func json() throws -> [String: Any] {
            guard let object = try JSONSerialization.jsonObject(with: Data(body)) as? [String: Any] else {
                throw HarnessFailure("not a JSON object: \(text)")
            }
            return object
        }
    }

    /// A configuration with the test client, time stopped (scale 0) and a fixed seed.
    static func configuration() -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.clients = [ClientCredentials(clientId: clientId, clientSecret: clientSecret),
                                 ClientCredentials(clientId: "other-client", clientSecret: "other-secret")]
        configuration.timeScale = 0
        configuration.seed = 42
        configuration.startDate = Date(timeIntervalSince1970: 1_790_000_000)
        return configuration
    }

    static func with<T: Sendable>(_ configuration: SandboxConfiguration = configuration(),
                                  clientConfiguration: HTTPClient.Configuration = .init(),
                                  _ body: @Sendable (SandboxHarness) async throws -> T) async throws -> T {
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let client = HTTPClient(eventLoopGroupProvider: .singleton, configuration: clientConfiguration)
        let stopper = SandboxServer.Stopper()
        do {
            let result = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    var logger = Logger(label: "sandbox-test")
                    logger.logLevel = .warning
                    try await SandboxServer.run(configuration, logger: logger, stopper: stopper) { started in
                        continuation.yield(started.url)
                        continuation.finish()
                    }
                    return nil
                }
                var iterator = urls.makeAsyncIterator()
                guard let url = await iterator.next() else { throw HarnessFailure("the sandbox did not start") }
                do {
                    let value = try await body(SandboxHarness(url: url, client: client))
                    stopper.stop()
                    try await group.waitForAll()
                    return value
                } catch {
                    stopper.stop()
                    try? await group.waitForAll()
                    throw error
                }
            }
            try await client.shutdown()
            return result
        } catch {
            try? await client.shutdown()
            throw error
        }
    }

    func request(_ method: HTTPMethod, _ path: String, token: String? = nil, json: Any? = nil,
                 body: [UInt8]? = nil, headers: [(String, String)] = []) async throws -> Answer {
        var request = HTTPClientRequest(url: url + path)
        request.method = method
        if let token { request.headers.add(name: "Authorization", value: "Bearer \(token)") }
        for (name, value) in headers { request.headers.add(name: name, value: value) }
        if let json {
            request.headers.add(name: "Content-Type", value: "application/json")
            request.body = .bytes(ByteBuffer(bytes: try JSONSerialization.data(withJSONObject: json)))
        } else if let body {
            request.body = .bytes(ByteBuffer(bytes: body))
        }
        let response = try await client.execute(request, timeout: .seconds(30))
        let buffer = try await response.body.collect(upTo: 64 << 20)
        return Answer(status: Int(response.status.code), headers: response.headers, body: Array(buffer.readableBytesView))
    }

    func token(clientId: String = clientId, secret: String = clientSecret) async throws -> String {
        let form = "grant_type=client_credentials&client_id=\(clientId)&client_secret=\(secret)"
        let answer = try await request(.POST, "/auth-service/token", body: Array(form.utf8),
                                       headers: [("Content-Type", "application/x-www-form-urlencoded")])
        guard answer.status == 200, let token = try answer.json()["access_token"] as? String else {
            throw HarnessFailure("no token: \(answer.status) \(answer.text)")
        }
        return token
    }

    /// `POST /v1/flows` with a `flowInfo` JSON part and the file.
    func submit(token: String, flowInfo: [String: Any], file: [UInt8], fileName: String = "invoice.xml") async throws
        -> Answer
    {
        let boundary = "sandbox-test-\(UUID().uuidString)"
        var body: [UInt8] = []
        body += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"flowInfo\"\r\n".utf8)
        body += Array("Content-Type: application/json\r\n\r\n".utf8)
        body += Array(try JSONSerialization.data(withJSONObject: flowInfo))
        body += Array("\r\n--\(boundary)\r\nContent-Disposition: form-data; name=\"file\"; filename=\"\(fileName)\"\r\n".utf8)
        body += Array("Content-Type: application/xml\r\n\r\n".utf8)
        body += file
        body += Array("\r\n--\(boundary)--\r\n".utf8)
        return try await request(.POST, "/flow-service/v1/flows", token: token, body: body,
                                 headers: [("Content-Type", "multipart/form-data; boundary=\(boundary)")])
    }

    func advance(token: String, seconds: Double) async throws -> Answer {
        try await request(.POST, "/sandbox/advance", token: token, json: ["seconds": seconds])
    }

    func search(token: String, where filters: [String: Any], limit: Int? = nil, cursor: String? = nil) async throws
        -> Answer
    {
        var json: [String: Any] = ["where": filters]
        if let limit { json["limit"] = limit }
        if let cursor { json["cursor"] = cursor }
        return try await request(.POST, "/flow-service/v1/flows/search", token: token, json: json)
    }
}

/// The shared corpus and reference files (../shared next to the repository, or PASSERELLE_CORPUS).
enum Fixtures {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
    }

    static var corpus: URL {
        if let path = ProcessInfo.processInfo.environment["PASSERELLE_CORPUS"] { return URL(fileURLWithPath: path) }
        return repositoryRoot.appendingPathComponent("../shared/corpus").standardized
    }

    static func corpusFile(_ relative: String) throws -> [UInt8] {
        let url = corpus.appendingPathComponent(relative)
        guard let data = FileManager.default.contents(atPath: url.path) else {
            throw HarnessFailure("corpus file \(url.path) not found; set PASSERELLE_CORPUS")
        }
        return Array(data)
    }

    static func sha256(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { String(format: "%02x", $0) }.joined()
    }
}
