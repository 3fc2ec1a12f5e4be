import AsyncHTTPClient
@testable import Channels
import Foundation
import Logging
import Sandbox

/// A sandbox (Directory Service seeded from examples/sandbox/directory.yaml) on a free loopback port for one test,
/// and a ``DirectoryClient`` of it; both stopped afterwards, also when the test throws.
enum DirectorySandbox {
    static let clientID = "directory-test"
    static let clientSecret = "directory-secret"

    struct DidNotStart: Error {}

    static var directoryFile: String {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("examples/sandbox/directory.yaml").path
    }

    static func configuration(faults: FaultSettings = FaultSettings()) throws -> SandboxConfiguration {
        var configuration = SandboxConfiguration()
        configuration.clients = [ClientCredentials(clientId: clientID, clientSecret: clientSecret)]
        configuration.directory = try SandboxFiles.directory(path: directoryFile)
        configuration.timeScale = 0
        configuration.seed = 7
        configuration.faults = faults
        return configuration
    }

    /// The client's configuration for a sandbox at `url`.
    static func clientConfiguration(url: String, secret: String = clientSecret, pageSize: Int = 100)
        -> DirectoryClientConfiguration
    {
        DirectoryClientConfiguration(
            directoryURL: url + "/directory-service", tokenURL: url + "/auth-service/token", clientID: clientID,
            clientSecret: secret, requestTimeout: .seconds(10), pageSize: pageSize)
    }

    /// Runs `body` with the sandbox's URL and an HTTP client.
    static func with<T: Sendable>(faults: FaultSettings = FaultSettings(),
                                  _ body: @Sendable (_ url: String, _ http: HTTPClient) async throws -> T)
        async throws -> T
    {
        let configuration = try configuration(faults: faults)
        let (urls, continuation) = AsyncStream.makeStream(of: String.self)
        let http = HTTPClient(eventLoopGroupProvider: .singleton)
        let stopper = SandboxServer.Stopper()
        do {
            let result = try await withThrowingTaskGroup(of: T?.self) { group in
                group.addTask {
                    var logger = Logger(label: "directory-sandbox")
                    logger.logLevel = .critical
                    try await SandboxServer.run(configuration, logger: logger, stopper: stopper) { started in
                        continuation.yield(started.url)
                        continuation.finish()
                    }
                    return nil
                }
                var iterator = urls.makeAsyncIterator()
                guard let url = await iterator.next() else { throw DidNotStart() }
                do {
                    let value = try await body(url, http)
                    stopper.stop()
                    try await group.waitForAll()
                    return value
                } catch {
                    stopper.stop()
                    try? await group.waitForAll()
                    throw error
                }
            }
            try await http.shutdown()
            return result
        } catch {
            try? await http.shutdown()
            throw error
        }
    }
}
