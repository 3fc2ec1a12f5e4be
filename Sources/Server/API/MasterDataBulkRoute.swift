import Foundation
import Gateway
import Hummingbird

/// `POST /v1/{resource}:bulk`: many items in one transaction, each written or refused on its own, with a result per
/// item in the order of the request.
enum MasterDataBulkRoute<DTO: MasterDataDTO> {
    static var maximumItems: Int { 1_000 }

    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.post(RouterPath("\(MasterDataRoutes<DTO>.base):bulk")) { request, context in
            try await bulk(request, context: context, services: services)
        }
    }

    static func bulk(_ request: Request, context: PasserelleRequestContext, services: GatewayServices)
        async throws -> Response
    {
        let principal = try context.require(.masterDataWrite)
        _ = try QueryParameters(request, allowed: [])
        try APIBody.requireJSON(request)
        let bytes = try await APIBody.bytes(request, context: context)
        let elements = try elements(of: bytes)
        var results = [BulkResultDTO.Item?](repeating: nil, count: elements.count)
        var items: [DTO.Item] = []
        var expected: [Int?] = []
        var positions: [Int] = []
        for (index, range) in elements.enumerated() {
            do {
                let body = try APIBody.decode(DTO.self, from: Array(bytes[range]))
                guard let code = body.code, !code.isEmpty else {
                    throw APIBody.invalid([FieldProblem(field: "code", message: "is required")])
                }
                items.append(try MasterDataRoutes<DTO>.readItem(body, code: code))
                expected.append(body.expectedVersion)
                positions.append(index)
            } catch let problem as ProblemError {
                results[index] = .init(index: index, code: nil, status: "invalid",
                                       errors: problem.problem.errors ?? [])
            }
        }
        let written = try await services.masterData.upsert(items, tenant: principal.tenant, expectedVersions: expected)
        for (offset, result) in written.enumerated() {
            let position = positions[offset]
            let code = items[offset].code
            switch result {
            case .written(_, let version):
                results[position] = .init(index: position, code: code, status: "written", version: version)
            case .invalid(let problems):
                results[position] = .init(index: position, code: code, status: "invalid",
                                          errors: problems.map(\.fieldProblem))
            case .stale(let current):
                results[position] = .init(index: position, code: code, status: "stale", currentVersion: current)
            }
        }
        let report = BulkResultDTO(items: results.compactMap { $0 })
        await MasterDataRoutes<DTO>.audit(services).record(
            "\(DTO.Item.kind.rawValue).bulk", target: "\(report.total) items",
            outcome: "written \(report.written), invalid \(report.invalid), stale \(report.stale)",
            by: principal, context: context)
        return try APIResponse.json(report)
    }

    /// The byte ranges of the items: the body is an array of items, or `{"items": [...]}`.
    static func elements(of bytes: [UInt8]) throws -> [Range<Int>] {
        guard (try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])) != nil else {
            throw ProblemError(.badRequest, title: "Malformed JSON", detail: "The body is not valid JSON (RFC 8259).",
                               type: "https://passerelle.dev/problems/malformed-json")
        }
        let document = RawJSON.documentRange(bytes)
        var elements = RawJSON.elements(bytes, in: document)
        if elements == nil, let members = RawJSON.members(bytes, in: document), members.count == 1,
            members[0].key == "items"
        {
            elements = RawJSON.elements(bytes, in: members[0].value)
        }
        guard let elements else {
            throw APIBody.invalid([FieldProblem(field: "", message: "expected an array of \(DTO.resource) or {\"items\": [...]}")])
        }
        guard elements.count <= maximumItems else {
            throw ProblemError(.contentTooLarge, title: "Too many items",
                               detail: "A bulk call takes at most \(maximumItems) items; this one has \(elements.count). Split it.")
        }
        return elements
    }
}
