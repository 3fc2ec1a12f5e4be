import Crypto
import Foundation
import Sandbox
import Server
import Testing

/// Our check of `Afnor-Signature` against the sandbox's signer (an independent implementation of the spec).
@Suite("PlatformInbound signature")
struct PlatformInboundSignatureTests {
    static let key = Array(SHA256.hash(data: Array("platform key".utf8)))
    static let otherKey = Array(SHA256.hash(data: Array("another key".utf8)))
    static let body = Array(#"{"flowId":"F-1","flowType":"CustomerInvoiceLC","flowDirection":"In"}"#.utf8)
    static let now = Date(timeIntervalSince1970: 1_800_000_000)
    static let epoch: Int64 = 1_800_000_000

    func verify(body: [UInt8] = body, signature: String?, timestamp: String?, keys: [[UInt8]] = [key],
                now: Date = now) throws(PlatformWebhookSignature.Refusal) {
        try PlatformWebhookSignature.verify(body: body, signature: signature, timestamp: timestamp, keys: keys,
                                            platform: "sandbox", now: now, tolerance: .seconds(300))
    }

    @Test("a call signed by the sandbox is accepted, and our signer agrees with the sandbox's byte for byte")
    func sandboxSignatureAccepted() throws {
        let signature = WebhookSigning.signature(payload: Self.body, epochSeconds: Self.epoch, key: Self.key)
        #expect(PlatformWebhookSignature.sign(body: Self.body, epochSeconds: Self.epoch, key: Self.key) == signature)
        try verify(signature: signature, timestamp: String(Self.epoch))
        // At the edges of the window.
        try verify(signature: signature, timestamp: String(Self.epoch), now: Self.now.addingTimeInterval(300))
        try verify(signature: signature, timestamp: String(Self.epoch), now: Self.now.addingTimeInterval(-300))
    }

    @Test("a changed body, another key, another timestamp or a garbled signature is refused as a bad signature")
    func tamperedRefused() {
        let signature = WebhookSigning.signature(payload: Self.body, epochSeconds: Self.epoch, key: Self.key)
        var changed = Self.body
        changed[changed.count - 2] = UInt8(ascii: "X")
        #expect(throws: PlatformWebhookSignature.Refusal.badSignature) {
            try verify(body: changed, signature: signature, timestamp: String(Self.epoch))
        }
        #expect(throws: PlatformWebhookSignature.Refusal.badSignature) {
            try verify(signature: signature, timestamp: String(Self.epoch), keys: [Self.otherKey])
        }
        #expect(throws: PlatformWebhookSignature.Refusal.badSignature) {
            try verify(signature: signature, timestamp: String(Self.epoch + 1))
        }
        #expect(throws: PlatformWebhookSignature.Refusal.badSignature) {
            try verify(signature: Data(repeating: 7, count: 32).base64EncodedString(), timestamp: String(Self.epoch))
        }
        #expect(throws: PlatformWebhookSignature.Refusal.unreadableSignature) {
            try verify(signature: "not base64 ***", timestamp: String(Self.epoch))
        }
    }

    @Test("a timestamp more than the tolerance away from our clock is refused as stale, even when well signed")
    func staleRefused() {
        let old = Self.epoch - 301
        let signature = WebhookSigning.signature(payload: Self.body, epochSeconds: old, key: Self.key)
        #expect(throws: PlatformWebhookSignature.Refusal.staleTimestamp(epoch: old, now: Self.epoch, tolerance: 300)) {
            try verify(signature: signature, timestamp: String(old))
        }
        let future = Self.epoch + 301
        let ahead = WebhookSigning.signature(payload: Self.body, epochSeconds: future, key: Self.key)
        #expect(throws: PlatformWebhookSignature.Refusal.self) { try verify(signature: ahead, timestamp: String(future)) }
    }

    @Test("missing headers, an unreadable timestamp and a platform without a key are refused with their own reason")
    func missingParts() {
        let signature = WebhookSigning.signature(payload: Self.body, epochSeconds: Self.epoch, key: Self.key)
        #expect(throws: PlatformWebhookSignature.Refusal.missingSignature) {
            try verify(signature: nil, timestamp: String(Self.epoch))
        }
        #expect(throws: PlatformWebhookSignature.Refusal.missingTimestamp) {
            try verify(signature: signature, timestamp: nil)
        }
        #expect(throws: PlatformWebhookSignature.Refusal.unreadableTimestamp("yesterday")) {
            try verify(signature: signature, timestamp: "yesterday")
        }
        #expect(throws: PlatformWebhookSignature.Refusal.noSigningKey(platform: "sandbox")) {
            try verify(signature: signature, timestamp: String(Self.epoch), keys: [])
        }
    }

    @Test("after a key rotation the previous key is still accepted, the one before it no more")
    func rotation() throws {
        let keys = PlatformSigningKeys([Self.otherKey])
        keys.install(Self.key)
        let third = Array(SHA256.hash(data: Array("third".utf8)))
        let signedWithOld = WebhookSigning.signature(payload: Self.body, epochSeconds: Self.epoch, key: Self.otherKey)
        try verify(signature: signedWithOld, timestamp: String(Self.epoch), keys: keys.current)
        keys.install(third)
        #expect(throws: PlatformWebhookSignature.Refusal.badSignature) {
            try verify(signature: signedWithOld, timestamp: String(Self.epoch), keys: keys.current)
        }
        #expect(keys.current == [third, Self.key])
    }
}
