/// What can go wrong on purpose (sandbox-only), each a probability between 0 and 1 drawn with the run's seed.
public struct FaultSettings: Codable, Sendable, Hashable {
    /// Share of API requests answered late, after `latencyMinMs`…`latencyMaxMs` milliseconds.
    public var latencyRate: Double = 0
    public var latencyMinMs: Int = 0
    public var latencyMaxMs: Int = 0
    /// Share of API requests answered 500 INTERNAL_ERROR or 503 RESOURCE_ERROR (half each).
    public var errorRate: Double = 0
    /// Share of API requests never answered (the connection stays open until `hangSeconds` or shutdown).
    public var timeoutRate: Double = 0
    public var hangSeconds: Int = 300
    /// Share of API requests whose connection is closed without an answer.
    public var dropRate: Double = 0
    /// Share of webhook calls sent twice.
    public var webhookDuplicateRate: Double = 0
    /// Share of webhook batches (several events at once) sent in reverse order.
    public var webhookReorderRate: Double = 0

    public init() {}

    enum CodingKeys: String, CodingKey {
        case latencyRate, latencyMinMs, latencyMaxMs, errorRate, timeoutRate, hangSeconds, dropRate
        case webhookDuplicateRate, webhookReorderRate
    }

    /// Every field optional in the file: absent means 0 (or the default).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        func rate(_ key: CodingKeys) throws -> Double {
            let value = try container.decodeIfPresent(Double.self, forKey: key) ?? 0
            guard (0...1).contains(value) else {
                throw DecodingError.dataCorruptedError(forKey: key, in: container,
                                                       debugDescription: "a rate is between 0 and 1, not \(value)")
            }
            return value
        }
        latencyRate = try rate(.latencyRate)
        latencyMinMs = max(0, try container.decodeIfPresent(Int.self, forKey: .latencyMinMs) ?? 0)
        latencyMaxMs = max(latencyMinMs, try container.decodeIfPresent(Int.self, forKey: .latencyMaxMs) ?? latencyMinMs)
        errorRate = try rate(.errorRate)
        timeoutRate = try rate(.timeoutRate)
        hangSeconds = max(1, try container.decodeIfPresent(Int.self, forKey: .hangSeconds) ?? 300)
        dropRate = try rate(.dropRate)
        webhookDuplicateRate = try rate(.webhookDuplicateRate)
        webhookReorderRate = try rate(.webhookReorderRate)
    }
}
