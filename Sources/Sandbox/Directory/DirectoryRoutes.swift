import Foundation
import Hummingbird
import NIOCore

/// The AFNOR Directory Service 1.3.0 under `/directory-service`: companies by SIREN, facilities by SIRET, routing
/// codes, directory lines (the addressing identifier and the platform type), search and lookups.
struct DirectoryRoutes {
    let directory: Directory

    private static let sirenFilters = ["siren": ["strict"], "businessName": ["contains", "strict", "startWith"],
                                       "entityType": ["strict"], "administrativeStatus": ["strict"]]
    private static let siretFilters = [
        "siret": ["strict"], "siren": ["strict"], "facilityType": ["strict"],
        "name": ["contains", "strict", "startWith"], "addressLines": ["contains", "startWith"],
        "postalCode": ["startWith", "strict"], "countrySubdivision": ["strict"],
        "locality": ["contains", "strict", "startWith"], "administrativeStatus": ["strict"],
    ]
    private static let routingFilters = [
        "routingIdentifier": ["contains", "strict"], "siret": ["strict"], "routingCodeName": ["contains", "strict"],
        "administrativeStatus": ["strict"], "addressLines": ["contains", "startWith"],
        "postalCode": ["startWith", "strict"], "locality": ["contains", "strict", "startWith"],
    ]
    private static let lineFilters = ["addressingIdentifier": ["contains", "strict"], "siren": ["strict"],
                                      "siret": ["strict"], "routingIdentifier": ["contains", "strict"],
                                      "addressingSuffix": ["contains", "strict"]]

    func register(on router: Router<SandboxContext>) {
        let group = router.group("directory-service/v1")
        group.post("siren/search") { request, _ in
            try await search(request, allowed: Self.sirenFilters) { _ in directory.legalUnits.map { encode($0) } }
        }
        group.get("siren/code-insee:{siren}") { request, context in
            let siren = try pathValue(context, "siren", pattern: 9)
            guard let unit = directory.legalUnit(siren: siren) else { throw APIError.notFound("no company \(siren)") }
            return object(encode(unit), request: request)
        }
        group.post("siret/search") { request, _ in
            try await search(request, allowed: Self.siretFilters) { include in
                directory.facilities.map { encode(withRelations($0, include: include)) }
            }
        }
        group.get("siret/code-insee:{siret}") { request, context in
            let siret = try pathValue(context, "siret", pattern: 14)
            guard let facility = directory.facility(siret: siret) else { throw APIError.notFound("no facility \(siret)") }
            return object(encode(withRelations(facility, include: includes(request))), request: request)
        }
        group.post("routing-code/search") { request, _ in
            try await search(request, allowed: Self.routingFilters) { include in
                directory.routingCodes.map { encode(withRelations($0, include: include)) }
            }
        }
        group.get("routing-code/siret:{siret}/code:{routingIdentifier}") { request, context in
            let siret = try pathValue(context, "siret", pattern: 14)
            let code = try context.parameters.require("routingIdentifier")
            guard let routing = directory.routingCodes.first(where: { $0.siret == siret && $0.routingIdentifier == code })
            else { throw APIError.notFound("no routing code \(code) for facility \(siret)") }
            return object(encode(withRelations(routing, include: includes(request))), request: request)
        }
        group.post("directory-line/search") { request, _ in
            try await search(request, allowed: Self.lineFilters) { include in
                directory.directoryLines.map { encode(withRelations($0, include: include)) }
            }
        }
        group.get("directory-line/code:{addressingIdentifier}") { request, context in
            let address = try context.parameters.require("addressingIdentifier")
            guard address.count <= 125 else { throw APIError.badRequest("addressing-identifier: at most 125 characters") }
            guard let line = directory.directoryLines.first(where: { $0.addressingIdentifier == address }) else {
                throw APIError.notFound("no directory line \(address)")
            }
            return object(encode(withRelations(line, include: includes(request))), request: request)
        }
        group.get("healthcheck") { _, _ in Response(status: .ok) }
    }

    private func search(_ request: Request, allowed: [String: [String]],
                        resources: ([String]) -> [[String: Any]]) async throws -> Response {
        let buffer = try await request.body.collect(upTo: 1 << 20)
        let json: [String: Any]
        if buffer.readableBytes == 0 {
            json = [:]
        } else {
            guard let object = try? JSONSerialization.jsonObject(with: Data(buffer.readableBytesView)) as? [String: Any]
            else { throw APIError.badRequest("the body must be a JSON object", code: "INVALID_REQUEST") }
            json = object
        }
        let search = try DirectorySearchRequest(json: json, allowed: allowed)
        return raw(search.answer(over: resources(search.include)))
    }

    private func pathValue(_ context: SandboxContext, _ name: String, pattern digits: Int) throws -> String {
        let value = try context.parameters.require(name)
        guard value.count == digits, value.allSatisfy(\.isASCIIDigitCharacter) else {
            throw APIError.badRequest("\(name): \(digits) digits", code: "INVALID_REQUEST")
        }
        return value
    }

    /// `include` and `fields` query parameters (`explode: false`: comma-separated).
    private func includes(_ request: Request) -> [String] {
        request.uri.queryParameters.get("include")?.split(separator: ",").map(String.init) ?? []
    }

    private func object(_ resource: [String: Any], request: Request) -> Response {
        let fields = request.uri.queryParameters.get("fields")?.split(separator: ",").map(String.init) ?? []
        guard !fields.isEmpty else { return raw(resource) }
        let kept = Set(fields).union(["legalUnit", "facility", "routingCode"])
        return raw(resource.filter { kept.contains($0.key) })
    }

    private func raw(_ object: [String: Any]) -> Response {
        let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys, .withoutEscapingSlashes]))
            ?? Data("{}".utf8)
        return Response(status: .ok, headers: [.contentType: "application/json"],
                        body: ResponseBody(byteBuffer: ByteBuffer(bytes: data)))
    }

    private func encode(_ value: some Encodable) -> [String: Any] {
        guard let data = try? SandboxJSON.encoder().encode(value),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else { return [:] }
        return object
    }

    // MARK: Relations (`include`)

    private func withRelations(_ facility: Facility, include: [String]) -> Facility {
        var facility = facility
        facility.legalUnit = include.contains("siren") ? directory.legalUnit(siren: facility.resolvedSIREN) : nil
        return facility
    }

    private func withRelations(_ routing: RoutingCode, include: [String]) -> RoutingCode {
        var routing = routing
        routing.facility = include.contains("siret") ? directory.facility(siret: routing.siret) : nil
        routing.legalUnit = include.contains("siren") ? directory.legalUnit(siren: String(routing.siret.prefix(9))) : nil
        return routing
    }

    private func withRelations(_ line: DirectoryLine, include: [String]) -> DirectoryLine {
        var line = line
        line.legalUnit = include.contains("siren") ? directory.legalUnit(siren: line.siren) : nil
        line.facility = include.contains("siret") ? line.siret.flatMap { directory.facility(siret: $0) } : nil
        if include.contains("routingCode"), let code = line.routingIdentifier,
           let routing = directory.routingCodes.first(where: {
               $0.routingIdentifier == code && (line.siret == nil || $0.siret == line.siret) }) {
            line.routingCode = DirectoryLineRoutingCode(
                routingIdentifier: routing.routingIdentifier, routingIdentifierType: routing.routingIdentifierType,
                routingCodeName: routing.routingCodeName, managesLegalCommitment: routing.managesLegalCommitmentCode,
                administrativeStatus: routing.administrativeStatus, address: routing.address)
        } else if !include.contains("routingCode") {
            line.routingCode = nil
        }
        return line
    }
}
