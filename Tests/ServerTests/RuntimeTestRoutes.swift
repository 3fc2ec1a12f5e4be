import Gateway
import Hummingbird

@testable import Server

/// Routes the runtime tests call behind the real middlewares, independent of the v1 API.
enum RuntimeTestRoutes {
    @Sendable static func register(on router: Router<PasserelleRequestContext>) {
        router.get("/test/whoami") { _, context in
            let principal = try context.require(.invoicesRead)
            return "\(principal.tenant.rawValue) \(principal.actor) \(principal.scopes.map(\.rawValue).sorted().joined(separator: ","))"
        }
        router.post("/test/echo") { request, context in
            _ = try context.require(.invoicesWrite)
            let body = try await request.body.collect(upTo: 64 << 20)
            return "\(body.readableBytes)"
        }
        router.get("/test/boom") { _, _ -> String in
            throw LeakyError()
        }
        router.get("/test/database-down") { _, _ -> String in
            throw StoreError.unavailable("SELECT secret FROM credentials: connection refused")
        }
    }

    /// An error whose description holds what must never reach a client.
    struct LeakyError: Error, CustomStringConvertible {
        var description: String { "SELECT * FROM api_keys WHERE secret = 'psk_leak' at Runtime.swift:42" }
    }
}
