import Crypto
import Foundation
import NIOHTTP1

extension FlowClient {
    /// `POST /v1/flows`: sends one file with its `flowInfo` (the SHA-256 computed here unless `sha256` is given, so
    /// that the platform can check the file arrived whole). The answer is the 202 `FullFlowInfo` and its bytes.
    ///
    /// The platform acknowledges the flow later (`Pending` → `Ok` or `Error`, e.g. `AlreadyExistingFlow` for a file
    /// it already has): read it with ``flow(id:)``.
    public func submit(file: [UInt8], name: String, syntax: FlowSyntax, trackingId: String? = nil,
                       processingRule: FlowProcessingRule? = nil, profile: FlowProfile? = nil,
                       sha256: String? = nil) async throws(FlowClientError) -> SubmittedFlow
    {
        let operation = "POST /v1/flows"
        let info = FlowInfo(trackingId: trackingId, name: name, processingRule: processingRule, flowSyntax: syntax,
                            flowProfile: profile, sha256: sha256 ?? Self.sha256Hex(file))
        let boundary = "passerelle-" + UUID().uuidString.lowercased()
        let body = FlowMultipart.body(
            boundary: boundary,
            parts: [
                .init(name: "flowInfo", contentType: "application/json",
                      bytes: try Self.encode(info, operation: operation)),
                .init(name: "file", fileName: name, contentType: Self.mediaType(of: syntax), bytes: file),
            ])
        let answer = try await call(.POST, "/v1/flows", body: body,
                                    contentType: "multipart/form-data; boundary=\(boundary)", expected: [200, 201, 202],
                                    operation: operation)
        return SubmittedFlow(info: try Self.decode(FullFlowInfo.self, answer, operation: operation),
                             receipt: answer.body)
    }

    /// `POST /v1/flows/search`: one page of the flows matching `filters` (at least one criterion), `limit` at most
    /// (the spec allows 1 to 100); pass the page's `nextCursor` back as `cursor` for the next one.
    public func search(where filters: FlowSearchFilters, cursor: String? = nil, limit: Int? = nil)
        async throws(FlowClientError) -> FlowSearchPage
    {
        let operation = "POST /v1/flows/search"
        let body = try Self.encode(FlowSearchParams(limit: limit, cursor: cursor, where: filters), operation: operation)
        let answer = try await call(.POST, "/v1/flows/search", body: body, contentType: "application/json",
                                    operation: operation)
        return try Self.decode(FlowSearchPage.self, answer, operation: operation)
    }

    /// Every flow matching `filters`, page after page (`pageSize` at a time), fetched as the sequence is read.
    public func searchAll(where filters: FlowSearchFilters, pageSize: Int = 100) -> FlowSearchResults {
        FlowSearchResults(client: self, filters: filters, pageSize: pageSize)
    }

    /// `GET /v1/flows/{flowId}`: the flow's metadata.
    public func flow(id: String) async throws(FlowClientError) -> Flow {
        let document = try await flow(id: id, docType: .metadata)
        let operation = "GET /v1/flows/\(id)"
        return try Self.decode(Flow.self, Answer(status: 200, headers: [:], body: document.bytes), operation: operation)
    }

    /// `GET /v1/flows/{flowId}?docType=…`: the metadata JSON, the original file, the converted document or the
    /// readable view, as bytes.
    public func flow(id: String, docType: FlowDocType) async throws(FlowClientError) -> FlowDocument {
        let operation = "GET /v1/flows/\(id)?docType=\(docType.rawValue)"
        let answer = try await call(.GET, "/v1/flows/\(Self.segment(id))?docType=\(docType.rawValue)",
                                    operation: operation)
        return FlowDocument(bytes: answer.body, fileName: Self.fileName(answer.headers),
                            contentType: answer.headers.first(name: "Content-Type"))
    }

    /// `GET /v1/healthcheck`.
    public func healthCheck() async throws(FlowClientError) {
        _ = try await call(.GET, "/v1/healthcheck", operation: "GET /v1/healthcheck")
    }

    /// Lowercase hex SHA-256, as `flowInfo.sha256` wants it (`^[a-f0-9]{64}$`).
    public static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }

    static func mediaType(of syntax: FlowSyntax) -> String {
        syntax == .facturX ? "application/pdf" : "application/xml"
    }

    /// The `filename` of `Content-Disposition: attachment;filename=…` (quoted or not).
    static func fileName(_ headers: HTTPHeaders) -> String? {
        guard let disposition = headers.first(name: "Content-Disposition") else { return nil }
        for parameter in disposition.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1)
            guard pair.count == 2, pair[0].trimmingCharacters(in: .whitespaces).lowercased() == "filename" else {
                continue
            }
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            return value.isEmpty ? nil : value
        }
        return nil
    }
}

/// The flows of a search, read page after page while the platform gives a `nextCursor`.
public struct FlowSearchResults: AsyncSequence, Sendable {
    public typealias Element = Flow
    let client: FlowClient
    let filters: FlowSearchFilters
    let pageSize: Int

    public struct AsyncIterator: AsyncIteratorProtocol {
        let client: FlowClient
        let filters: FlowSearchFilters
        let pageSize: Int
        var buffered: [Flow] = []
        var cursor: String?
        var finished = false

        public mutating func next() async throws -> Flow? {
            while buffered.isEmpty {
                guard !finished else { return nil }
                let page = try await client.search(where: filters, cursor: cursor, limit: pageSize)
                buffered = page.results.reversed()
                cursor = page.nextCursor
                finished = page.nextCursor == nil
            }
            return buffered.popLast()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(client: client, filters: filters, pageSize: pageSize)
    }

    /// Every flow, in the platform's order.
    public func collect() async throws -> [Flow] {
        var flows: [Flow] = []
        for try await flow in self { flows.append(flow) }
        return flows
    }
}
