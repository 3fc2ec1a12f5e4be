import Hummingbird

/// Adds the v1 routes to the runtime's router. Every handler's error goes through ``APIErrorMapping``, so that each
/// answer of the API is either the handler's response or a problem document.
struct APIRouter<Methods: RouterMethods<PasserelleRequestContext>> {
    typealias Handler = @Sendable (Request, PasserelleRequestContext) async throws -> Response

    let methods: Methods

    func get(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .get, handler) }
    func post(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .post, handler) }
    func put(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .put, handler) }
    func delete(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .delete, handler) }

    private func on(_ path: RouterPath, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        methods.on(path, method: method) { request, context in
            do {
                return try await handler(request, context)
            } catch {
                throw APIErrorMapping.problem(for: error, context: context)
            }
        }
    }
}
