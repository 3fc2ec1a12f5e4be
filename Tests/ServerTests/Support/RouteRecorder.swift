import HTTPTypes
import Hummingbird
import Server

/// A router stand-in that records what ``APIRoutes`` registers: `GET /v1/invoices/{id}` for each route.
final class RouteRecorder: RouterMethods {
    typealias Context = PasserelleRequestContext
    private(set) var routes: [String] = []

    @discardableResult
    func on<Responder: HTTPResponder>(_ path: RouterPath, method: HTTPRequest.Method, responder: Responder) -> Self
    where Responder.Context == Context {
        // RouterPath describes captures as `{id}`, the OpenAPI way.
        routes.append("\(method.rawValue) \(path.description)")
        return self
    }

    @discardableResult
    func add(middleware: any MiddlewareProtocol<Request, Response, Context>) -> Self { self }

    /// Every route of the v1 API.
    static func apiRoutes(services: GatewayServices) -> [String] {
        let recorder = RouteRecorder()
        APIRoutes.register(on: recorder, services: services)
        return recorder.routes
    }
}
