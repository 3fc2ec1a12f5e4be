import HTTPTypes
import Hummingbird
import Server

/// A router stand-in that records what ``APIRoutes`` registers: `GET /v1/invoices/{id}` for each route.
final class RouteRecorder: RouterMethods, @unchecked Sendable {
    typealias Context = PasserelleRequestContext
    private(set) var routes: [String] = []

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        routes.append("\(method.rawValue) \(Self.openAPIPath(path.description))")
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self { self }

    /// `/v1/invoices/:id` → `/v1/invoices/{id}`
    static func openAPIPath(_ path: String) -> String {
        let trimmed = path.hasPrefix("/") ? path : "/" + path
        return trimmed.split(separator: "/", omittingEmptySubsequences: false).map { segment in
            segment.hasPrefix(":") ? "{\(segment.dropFirst())}" : String(segment)
        }.joined(separator: "/")
    }

    /// Every route of the v1 API.
    static func apiRoutes(services: GatewayServices) -> [String] {
        let recorder = RouteRecorder()
        APIRoutes.register(on: recorder, services: services)
        return recorder.routes
    }
}
