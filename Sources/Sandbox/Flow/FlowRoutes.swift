import Foundation
import Hummingbird
import NIOCore

/// The AFNOR Flow Service 1.3.0 under `/flow-service` (the spec's default service name): submit, search and
/// download flows, manage webhooks, health.
struct FlowRoutes {
    let platform: SandboxPlatform
    let queue: WebhookQueue
    let documents: FlowDocuments
    let maximumFlowBytes: Int

    func register(on router: Router<SandboxContext>) {
        let flow = router.group("flow-service/v1")
        flow.post("flows") { request, context in try await submit(request, context) }
        flow.post("flows/search") { request, context in try await search(request, context) }
        flow.get("flows/{flowId}") { request, context in try await get(request, context) }
        flow.get("webhooks") { _, context in JSONResponse.make(await platform.listWebhooks(owner: try context.owner())) }
        flow.post("webhooks") { request, context in try await createWebhook(request, context) }
        flow.delete("webhooks/{webhookUid}") { _, context in
            let id = try context.parameters.require("webhookUid")
            guard await platform.deleteWebhook(owner: try context.owner(), id: id) else {
                throw APIError.notFound("no webhook \(id)")
            }
            return Response(status: .noContent)
        }
        flow.get("healthcheck") { _, _ in Response(status: .ok) }
    }

    private func submit(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let owner = try context.owner()
        guard let boundary = MultipartBody.boundary(contentType: request.headers[.contentType]) else {
            throw APIError.badRequest("the body must be multipart/form-data with the parts flowInfo and file",
                                      code: "INVALID_REQUEST")
        }
        let buffer: ByteBuffer
        do {
            buffer = try await request.body.collect(upTo: maximumFlowBytes + 64 * 1024)
        } catch {
            throw APIError.tooLarge("Provided file is too big: the limit is \(maximumFlowBytes) bytes")
        }
        let body: MultipartBody
        do {
            body = try MultipartBody(bytes: Array(buffer.readableBytesView), boundary: boundary)
        } catch {
            throw APIError.badRequest(error.description, code: "INVALID_REQUEST")
        }
        guard let infoPart = body.part(named: "flowInfo") else {
            throw APIError.badRequest("flowInfo: required part missing")
        }
        guard let filePart = body.part(named: "file") else { throw APIError.badRequest("file: required part missing") }
        guard filePart.body.count <= maximumFlowBytes else {
            throw APIError.tooLarge("Provided file is too big: the limit is \(maximumFlowBytes) bytes")
        }
        let info: FlowInfo
        do {
            info = try SandboxJSON.decoder().decode(FlowInfo.self, from: Data(infoPart.body))
        } catch let error as DecodingError {
            throw APIError.badRequest("flowInfo.\(error.located)", code: "INVALID_REQUEST")
        }
        try Self.check(info)
        let (answer, notifications) = await platform.submit(owner: owner, info: info, bytes: filePart.body)
        queue.enqueue(notifications)
        return JSONResponse.make(answer, status: .accepted)
    }

    /// The spec's constraints on `FlowInfo`: name ≤ 255, trackingId ≤ 64, sha256 `^[a-f0-9]{64}$`.
    static func check(_ info: FlowInfo) throws {
        guard !info.name.isEmpty, info.name.count <= 255 else {
            throw APIError.badRequest("flowInfo.name: 1 to 255 characters", code: "INVALID_REQUEST")
        }
        if let tracking = info.trackingId, tracking.count > 64 {
            throw APIError.badRequest("flowInfo.trackingId: at most 64 characters", code: "INVALID_REQUEST")
        }
        if let sha = info.sha256, sha.count != 64 || !sha.allSatisfy({ ("0"..."9").contains($0) || ("a"..."f").contains($0) }) {
            throw APIError.badRequest("flowInfo.sha256: 64 lowercase hexadecimal digits (^[a-f0-9]{64}$)",
                                      code: "INVALID_REQUEST")
        }
    }

    private func search(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let owner = try context.owner()
        let params = try await JSONResponse.decode(SearchFlowParams.self, from: request)
        guard !params.`where`.isEmpty else {
            throw APIError.badRequest("where: at least one criterion is required")
        }
        let limit = params.limit ?? 25
        guard (1...100).contains(limit) else {
            throw APIError.badRequest("limit: between 1 and 100", code: "INVALID_REQUEST")
        }
        var position = 0
        if let cursor = params.cursor {
            guard let decoded = FlowCursor.decode(cursor) else {
                throw APIError.badRequest("cursor: not a cursor this API returned", code: "INVALID_REQUEST")
            }
            position = decoded
        }
        let content = await platform.search(owner: owner, filters: params.`where`, limit: limit, after: position)
        return JSONResponse.make(content)
    }

    private func get(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let owner = try context.owner()
        let id = try context.parameters.require("flowId")
        let docType: FlowDocType
        if let text = request.uri.queryParameters.get("docType") {
            guard let value = FlowDocType(rawValue: text) else {
                throw APIError.badRequest("docType: one of Metadata, Original, Converted, ReadableView",
                                          code: "INVALID_REQUEST")
            }
            docType = value
        } else {
            docType = .metadata
        }
        guard let flow = await platform.flow(owner: owner, id: id) else { throw APIError.notFound("no flow \(id)") }
        guard docType != .metadata else { return JSONResponse.make(flow.metadata) }
        guard let document = documents.document(docType, of: flow) else {
            throw APIError.notFound("flow \(id) has no \(docType.rawValue) document")
        }
        return Response(
            status: .ok,
            headers: [.contentType: "application/octet-stream",
                      .contentDisposition: "attachment;filename=\(document.name)"],
            body: ResponseBody(byteBuffer: ByteBuffer(bytes: document.bytes)))
    }

    private func createWebhook(_ request: Request, _ context: SandboxContext) async throws -> Response {
        let owner = try context.owner()
        let params = try await JSONResponse.decode(WebhookParams.self, from: request)
        guard let url = URL(string: params.callbackUrl), let scheme = url.scheme?.lowercased(),
              scheme == "http" || scheme == "https", url.host != nil else {
            throw APIError.badRequest("callbackUrl: an absolute http(s) URL", code: "INVALID_REQUEST")
        }
        return JSONResponse.make(await platform.createWebhook(owner: owner, params: params), status: .created)
    }
}
