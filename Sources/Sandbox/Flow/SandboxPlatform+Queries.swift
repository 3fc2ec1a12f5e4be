import Foundation

extension SandboxPlatform {
    /// A flow of this owner (another client's flows do not exist for it).
    func flow(owner: String, id: String) -> StoredFlow? {
        guard let flow = flows[id], flow.owner == owner else { return nil }
        return flow
    }

    /// `POST /v1/flows/search`: the owner's flows matching every filter, in creation order, `limit` at a time; the
    /// cursor is the opaque position after the last flow returned.
    func search(owner: String, filters: SearchFlowFilters, limit: Int, after position: Int) -> SearchFlowContent {
        var results: [FlowMetadata] = []
        var last = position
        var more = false
        for id in flowOrder {
            guard let flow = flows[id], flow.owner == owner, flow.sequence > position,
                  Self.matches(flow.metadata, filters) else { continue }
            if results.count == limit {
                more = true
                break
            }
            results.append(flow.metadata)
            last = flow.sequence
        }
        return SearchFlowContent(limit: limit, nextCursor: more ? FlowCursor.encode(last) : nil, filters: filters,
                                 results: results)
    }

    static func matches(_ flow: FlowMetadata, _ filters: SearchFlowFilters) -> Bool {
        if let after = filters.updatedAfter, !(flow.updatedAt > after) { return false }
        if let before = filters.updatedBefore, !(flow.updatedAt <= before) { return false }
        if let rules = filters.processingRule, !rules.isEmpty, !rules.contains(flow.processingRule) { return false }
        if let types = filters.flowType, !types.isEmpty, !types.contains(flow.flowType) { return false }
        if let directions = filters.flowDirection, !directions.isEmpty, !directions.contains(flow.flowDirection) {
            return false
        }
        if let tracking = filters.trackingId, flow.trackingId != tracking { return false }
        if let status = filters.ackStatus, flow.acknowledgement.status != status { return false }
        return true
    }

    // MARK: Webhooks

    func createWebhook(owner: String, params: WebhookParams) -> WebhookIdParam {
        var key = [UInt8](repeating: 0, count: 32)
        var generator = SystemRandomNumberGenerator()
        for index in key.indices { key[index] = UInt8.random(in: .min ... .max, using: &generator) }
        let webhook = RegisteredWebhook(id: UUID().uuidString.lowercased(), owner: owner, key: key,
                                        createdAt: clock.now(), params: params)
        webhooks[webhook.id] = webhook
        let item = webhook.listItem
        return WebhookIdParam(webhookId: item.webhookId, signingKey: item.signingKey, createdAt: item.createdAt)
    }

    func listWebhooks(owner: String) -> WebhookList {
        let items = webhooks.values.filter { $0.owner == owner }.sorted { $0.createdAt < $1.createdAt }.map(\.listItem)
        return WebhookList(count: items.count, webhookIds: items.map(\.webhookId), webhooks: items)
    }

    /// False when the owner has no such webhook.
    func deleteWebhook(owner: String, id: String) -> Bool {
        guard let webhook = webhooks[id], webhook.owner == owner else { return false }
        webhooks[id] = nil
        return true
    }

    /// The statuses emitted so far for the invoice of a flow (admin view).
    func statuses(ofInvoiceFlow flowId: String) -> [String] {
        invoices[flowId]?.statuses.map(\.code) ?? []
    }
}

/// The search cursor: an opaque base64 text holding the creation number of the last flow returned.
enum FlowCursor {
    static func encode(_ sequence: Int) -> String {
        Data("flows-after:\(sequence)".utf8).base64EncodedString()
    }

    static func decode(_ cursor: String) -> Int? {
        guard let data = Data(base64Encoded: cursor) else { return nil }
        let text = String(decoding: data, as: UTF8.self)
        guard text.hasPrefix("flows-after:"), let value = Int(text.dropFirst("flows-after:".count)), value >= 0
        else { return nil }
        return value
    }
}
