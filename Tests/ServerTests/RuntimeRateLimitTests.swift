import Foundation
import Gateway
import Testing

@testable import Server

@Suite("Runtime rate limits")
struct RuntimeRateLimitTests {
    @Test("over the default rate a key gets 429 with Retry-After; another key is not affected")
    func defaultRate() async throws {
        try await RuntimeTestServer.with(configure: { configuration in
            configuration.limits.ratePerSecond = 1
            configuration.limits.rateBurst = 3
        }) { server in
            let key = try await server.makeKey(scopes: [.invoicesRead])
            var statuses: [Int] = []
            var limited: RuntimeTestServer.Reply?
            for _ in 0..<5 {
                let reply = try await server.get("/test/whoami", bearer: key.secret)
                statuses.append(reply.status)
                if reply.status == 429 { limited = reply }
            }
            #expect(statuses.prefix(3) == [200, 200, 200])
            #expect(statuses.suffix(2) == [429, 429])
            let refused = try #require(limited)
            #expect(refused.headers.first(name: "Content-Type") == "application/problem+json")
            let retryAfter = try #require(refused.headers.first(name: "Retry-After").flatMap(Int.init))
            #expect((1...2).contains(retryAfter))
            #expect(refused.body.contains("1 requests per second"))

            let other = try await server.makeKey(scopes: [.invoicesRead])
            #expect(try await server.get("/test/whoami", bearer: other.secret).status == 200)

            try await Task.sleep(for: .seconds(Double(retryAfter)))
            #expect(try await server.get("/test/whoami", bearer: key.secret).status == 200)
            let metrics = try await server.get("/metrics").body
            #expect(RuntimeHTTPTests.value(in: metrics, "passerelle_rate_limited_total") == 2)
        }
    }

    @Test("a key's own limit overrides the default")
    func perKeyRate() async throws {
        try await RuntimeTestServer.with(configure: { configuration in
            configuration.limits.ratePerSecond = 1
            configuration.limits.rateBurst = 1
        }) { server in
            let fast = try await server.makeKey(scopes: [.invoicesRead], rateLimit: 50)
            for _ in 0..<20 {
                #expect(try await server.get("/test/whoami", bearer: fast.secret).status == 200)
            }
            let slow = try await server.makeKey(scopes: [.invoicesRead])
            #expect(try await server.get("/test/whoami", bearer: slow.secret).status == 200)
            #expect(try await server.get("/test/whoami", bearer: slow.secret).status == 429)
        }
    }

    @Test("token bucket: burst, refill, retry delay")
    func bucket() {
        var bucket = TokenBucket(ratePerSecond: 2, capacity: 4, now: 0)
        for _ in 0..<4 { #expect(bucket.take(now: 0) != .limited(retryAfterSeconds: 1)) }
        #expect(bucket.take(now: 0) == .limited(retryAfterSeconds: 1))
        #expect(bucket.take(now: 0.5) == .allowed(remaining: 0))
        #expect(bucket.take(now: 0.5) == .limited(retryAfterSeconds: 1))
        #expect(!bucket.isFull(now: 1))
        #expect(bucket.isFull(now: 10))
        var slow = TokenBucket(ratePerSecond: 1, capacity: 1, now: 0)
        _ = slow.take(now: 0)
        #expect(slow.take(now: 0) == .limited(retryAfterSeconds: 1))
        let limiter = RateLimiter(defaultRate: 0, defaultBurst: nil)
        #expect(limiter.rule(forKeyRate: nil) == nil)
        #expect(limiter.rule(forKeyRate: 5) == RateLimiter.Rule(ratePerSecond: 5, burst: 10))
    }
}
