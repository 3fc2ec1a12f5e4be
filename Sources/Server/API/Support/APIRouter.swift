import Hummingbird

/// Adds the v1 routes to the runtime's router. Every handler's error goes through ``APIErrorMapping``, so that each
/// answer of the API is either the handler's response or a problem document. A write the API refuses (4xx) to an
/// authenticated caller is audited here, so that the audit log has every mutating call, refused ones included
/// (the handlers audit what they change, with the action's own name).
struct APIRouter<Methods: RouterMethods<PasserelleRequestContext>> {
    typealias Handler = @Sendable (Request, PasserelleRequestContext) async throws -> Response

    let methods: Methods
    let audit: AuditTrail

    func get(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .get, handler) }
    func post(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .post, handler) }
    func put(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .put, handler) }
    func delete(_ path: RouterPath, _ handler: @escaping Handler) { on(path, .delete, handler) }

    private func on(_ path: RouterPath, _ method: HTTPRequest.Method, _ handler: @escaping Handler) {
        let audit = self.audit
        let action = "\(method.rawValue) \(path.description)"
        methods.on(path, method: method) { request, context in
            do {
                return try await handler(request, context)
            } catch {
                let problem = APIErrorMapping.problem(for: error, context: context)
                if method != .get, let principal = context.identity, (402..<500).contains(problem.problem.status) {
                    await audit.record(action, target: request.uri.path,
                                       outcome: "refused: \(problem.problem.status) \(problem.problem.title)",
                                       by: principal, context: context)
                }
                throw problem
            }
        }
    }
}
