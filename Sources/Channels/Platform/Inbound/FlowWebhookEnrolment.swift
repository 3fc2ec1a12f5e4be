import Foundation

/// Registers the gateway's webhook on a Flow platform, idempotently, and keeps its signing key in a file.
///
/// At each start: the file's webhook is reused when the platform still lists it; else a webhook the platform lists
/// with our callback URL and its signing key is adopted; else one is registered (`POST /v1/webhooks`, `In` /
/// `CustomerInvoiceLC`) — after deleting a webhook with our URL whose key the platform does not give back, so the
/// platform never calls us twice. The file (JSON, mode 0600) holds the webhook id, the callback URL and the
/// base64 signing key; a start where the platform does not answer uses the file's key.
public struct FlowWebhookEnrolment: Sendable {
    /// What the key file holds.
    public struct Record: Codable, Sendable, Hashable {
        public var webhookId: String
        public var callbackUrl: String
        public var signingKey: String
    }

    /// What was done at this start.
    public enum Outcome: String, Sendable {
        case reused, adopted, registered
        /// The platform did not answer; the key file's key is used.
        case offline
    }

    public let client: FlowClient
    public let callbackURL: String
    public let keyFile: String

    public init(client: FlowClient, callbackURL: String, keyFile: String) {
        self.client = client
        self.callbackURL = callbackURL
        self.keyFile = keyFile
    }

    /// The key kept by an earlier start for this callback URL (used until the platform confirms it); nil when none.
    public func savedKey() throws -> [UInt8]? {
        guard let saved = try Self.load(keyFile), saved.callbackUrl == callbackURL else { return nil }
        return Self.decode(saved.signingKey)
    }

    /// The signing key (raw bytes) and what was done.
    public func enrol() async throws -> (key: [UInt8], outcome: Outcome) {
        let saved = try Self.load(keyFile)
        let listed: FlowWebhookList
        do {
            listed = try await client.listWebhooks()
        } catch {
            guard let saved, saved.callbackUrl == callbackURL, let key = Self.decode(saved.signingKey) else {
                throw error
            }
            return (key, .offline)
        }
        if let saved, saved.callbackUrl == callbackURL, listed.webhookIds.contains(saved.webhookId),
           let key = Self.decode(saved.signingKey) {
            return (key, .reused)
        }
        let ours = (listed.webhooks ?? []).filter { $0.callbackUrl == callbackURL }
        if let adopted = ours.first(where: { $0.signingKey.flatMap(Self.decode) != nil }),
           let signingKey = adopted.signingKey, let key = Self.decode(signingKey) {
            try Self.save(Record(webhookId: adopted.webhookId, callbackUrl: callbackURL, signingKey: signingKey),
                          to: keyFile)
            return (key, .adopted)
        }
        for stale in ours { try await client.deleteWebhook(id: stale.webhookId) }
        let registration = try await client.registerWebhook(FlowWebhookParams(
            callbackUrl: callbackURL, flowTypes: [.customerInvoiceLC], flowDirection: .incoming))
        guard let key = Self.decode(registration.signingKey) else {
            throw FlowWebhookEnrolmentError(
                "the platform's signingKey for webhook \(registration.webhookId) is not base64")
        }
        try Self.save(Record(webhookId: registration.webhookId, callbackUrl: callbackURL,
                             signingKey: registration.signingKey), to: keyFile)
        return (key, .registered)
    }

    static func decode(_ base64: String) -> [UInt8]? {
        guard let data = Data(base64Encoded: base64), !data.isEmpty else { return nil }
        return Array(data)
    }

    static func load(_ path: String) throws -> Record? {
        guard FileManager.default.fileExists(atPath: path) else { return nil }
        do {
            return try JSONDecoder().decode(Record.self, from: Data(contentsOf: URL(fileURLWithPath: path)))
        } catch {
            throw FlowWebhookEnrolmentError("\(path): not a webhook key file (\(error))")
        }
    }

    static func save(_ record: Record, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
        try encoder.encode(record).write(to: url, options: .atomic)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
    }
}

/// The webhook could not be enrolled; the text says why.
public struct FlowWebhookEnrolmentError: Error, Sendable, CustomStringConvertible {
    public var description: String
    init(_ description: String) { self.description = description }
}
