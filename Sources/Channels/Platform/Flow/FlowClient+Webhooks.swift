import Foundation

extension FlowClient {
    /// `POST /v1/webhooks`: the platform will call `callbackUrl` with the `Flow` of each matching event, signed with
    /// the returned `signingKey` (`Afnor-Signature`).
    public func registerWebhook(_ params: FlowWebhookParams) async throws(FlowClientError) -> FlowWebhookRegistration {
        let operation = "POST /v1/webhooks"
        let answer = try await call(.POST, "/v1/webhooks", body: try Self.encode(params, operation: operation),
                                    contentType: "application/json", expected: [200, 201], operation: operation)
        return try Self.decode(FlowWebhookRegistration.self, answer, operation: operation)
    }

    /// `GET /v1/webhooks`.
    public func listWebhooks() async throws(FlowClientError) -> FlowWebhookList {
        let operation = "GET /v1/webhooks"
        let answer = try await call(.GET, "/v1/webhooks", operation: operation)
        return try Self.decode(FlowWebhookList.self, answer, operation: operation)
    }

    /// `DELETE /v1/webhooks/{webhookUid}`.
    public func deleteWebhook(id: String) async throws(FlowClientError) {
        _ = try await call(.DELETE, "/v1/webhooks/\(Self.segment(id))", expected: [200, 202, 204],
                           operation: "DELETE /v1/webhooks/\(id)")
    }
}
