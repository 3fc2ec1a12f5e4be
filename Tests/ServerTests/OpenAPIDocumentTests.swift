import Foundation
import Gateway
import Testing

@Suite("API: the OpenAPI document")
struct OpenAPIDocumentTests {
    static let methods: Set<String> = ["get", "put", "post", "delete", "patch", "head", "options"]

    @Test("every registered route is in openapi/passerelle-v1.json, and every documented operation is registered", arguments: [TestBackend.sqlite])
    func routesMatchTheDocument(backend: TestBackend) async throws {
        try await APITestGateway.with(backend) { gateway in
            let registered = RouteRecorder.apiRoutes(services: gateway.services)
            #expect(registered.count == Set(registered).count, "a route is registered twice")
            let document = JSON(parsing: try Payloads.repositoryFile("openapi/passerelle-v1.json"))
            #expect(document["openapi"].string == "3.1.0")
            let paths = try #require(document["paths"].value as? [String: Any])
            var documented = Set<String>()
            for (path, item) in paths {
                for method in (item as? [String: Any] ?? [:]).keys where Self.methods.contains(method) {
                    documented.insert("\(method.uppercased()) \(path)")
                }
            }
            let missing = Set(registered).subtracting(documented).sorted()
            let extra = documented.subtracting(registered).sorted()
            #expect(missing.isEmpty, "registered but not documented: \(missing)")
            #expect(extra.isEmpty, "documented but not registered: \(extra)")
            #expect(registered.count >= 30)
        }
    }
}
