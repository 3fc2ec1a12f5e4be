import Gateway
import Hummingbird

/// `GET /v1/jobs?state=parked` and `POST /v1/jobs/{id}/replay`: the operator's view of the pipeline.
enum JobRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/jobs") { request, context in
            let principal = try context.require(.admin)
            let query = try QueryParameters(request, allowed: ["state", "limit"])
            let state = try query.choice("state", as: JobState.self)
            let limit = try query.limit(default: 100, maximum: 500)
            let jobs = try await services.store.transaction { transaction in
                try await transaction.jobs(tenant: principal.tenant, state: state, limit: limit)
            }
            return try APIResponse.json(ListDTO(items: jobs.map(JobDTO.init)))
        }
        api.post("/v1/jobs/:id/replay") { request, context in
            let principal = try context.require(.admin)
            _ = try QueryParameters(request, allowed: [])
            let id = JobID(try context.pathParameter("id"))
            let job = try await services.pipelineAdmin.replay(id, tenant: principal.tenant, actor: principal.actor,
                                                              requestID: context.requestID)
            return try APIResponse.json(JobDTO(job))
        }
    }
}
