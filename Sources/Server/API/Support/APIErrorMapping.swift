import Gateway
import Hummingbird
import Logging

/// The one place where errors become HTTP answers. Gateway errors map to precise statuses; anything unexpected
/// becomes a 500 that names the request id and nothing else (no stack trace, no SQL): the details go to the log.
enum APIErrorMapping {
    static func problem(for error: any Error, context: PasserelleRequestContext) -> ProblemError {
        if let problem = error as? ProblemError { return problem }
        if let intake = error as? IntakeError { return problem(for: intake) }
        if let store = error as? StoreError { return problem(for: store, context: context) }
        if let masterData = error as? MasterDataError { return problem(for: masterData, context: context) }
        if let replay = error as? PipelineAdmin.ReplayError { return problem(for: replay) }
        if let lifecycle = error as? LifecycleError { return problem(for: lifecycle) }
        if let http = error as? any HTTPResponseError { return problem(for: http) }
        if error is CancellationError {
            return ProblemError(.serviceUnavailable, title: "Request cancelled",
                                detail: "The server is shutting down; retry the request.")
        }
        context.logger.error("request failed: \(String(reflecting: error))")
        return internalError(context: context)
    }

    static func problem(for error: IntakeError) -> ProblemError {
        switch error {
        case .unreadable(let format, let message):
            switch format {
            case .none:
                return ProblemError(
                    .unsupportedMediaType, title: "Unsupported invoice format",
                    detail: "The body is not an invoice this API reads: \(message). Send the canonical JSON invoice (application/json), CII or UBL XML (application/xml), or a Factur-X PDF (application/pdf).")
            case .json, .cii, .ubl, .facturX:
                return ProblemError(
                    .badRequest, title: "Unreadable invoice", detail: message,
                    type: "https://passerelle.dev/problems/unreadable-invoice")
            }
        case .missingIdentity(let message):
            return ProblemError(
                .unprocessableContent, title: "Invoice without identity", detail: message,
                type: "https://passerelle.dev/problems/missing-identity")
        case .conflict(let existing, let reason):
            return ProblemError(
                .conflict, title: "Conflicts with an existing invoice", detail: reason,
                type: "https://passerelle.dev/problems/conflict", existingID: existing.rawValue)
        }
    }

    static func problem(for error: StoreError, context: PasserelleRequestContext) -> ProblemError {
        switch error {
        case .duplicate:
            return ProblemError(.conflict, title: "Already exists",
                                detail: "The request conflicts with a resource made by another request.")
        case .stale(let current):
            return stale(currentVersion: current)
        case .notFound:
            return ProblemError(.notFound, title: "Not found", detail: "The resource does not exist in this tenant.")
        case .unavailable(let message):
            context.logger.error("store unavailable: \(message)")
            var headers = HTTPFields()
            headers[.retryAfter] = "5"
            return ProblemError(.serviceUnavailable, title: "Storage unavailable",
                                detail: "The database is unavailable; retry in a few seconds (request \(requestID(context))).",
                                headers: headers)
        }
    }

    static func problem(for error: MasterDataError, context: PasserelleRequestContext) -> ProblemError {
        switch error {
        case .notFound(let kind, let code):
            return ProblemError(.notFound, title: "Not found", detail: "No \(kind.rawValue) with code \"\(code)\" in this tenant.")
        case .stale(let current):
            return stale(currentVersion: current)
        case .undecodable(let kind, let code, let message):
            context.logger.error("stored \(kind.rawValue) \(code) is unreadable: \(message)")
            return internalError(context: context)
        }
    }

    static func problem(for error: LifecycleError) -> ProblemError {
        switch error {
        case .unreadableMessage:
            return ProblemError(.unprocessableContent, title: "Unreadable CDAR message", detail: error.description,
                                type: "https://passerelle.dev/problems/unreadable-cdar")
        case .invoiceNotFound:
            return ProblemError(.notFound, title: "Invoice not found", detail: "In this tenant, \(error.description).")
        case .wrongInvoice:
            return ProblemError(.unprocessableContent, title: "Status for another invoice", detail: error.description,
                                type: "https://passerelle.dev/problems/wrong-invoice")
        case .invalidStatus:
            return ProblemError(.unprocessableContent, title: "Invalid status", detail: error.description,
                                type: "https://passerelle.dev/problems/invalid-status")
        }
    }

    static func problem(for error: PipelineAdmin.ReplayError) -> ProblemError {
        switch error {
        case .notFound:
            return ProblemError(.notFound, title: "Not found", detail: "No job with this id in this tenant.")
        case .notParked(let state):
            return ProblemError(.conflict, title: "Job not parked",
                                detail: "Only a parked job can be replayed; this one is \(state.rawValue).")
        }
    }

    static func problem(for error: any HTTPResponseError) -> ProblemError {
        switch error.status {
        case .contentTooLarge:
            return ProblemError(.contentTooLarge, title: "Request body too large",
                                detail: "The body exceeds the size this server accepts; send smaller requests (split batches).")
        case .notFound:
            return ProblemError(.notFound, title: "Not found")
        default:
            return ProblemError(error.status, title: error.status.reasonPhrase)
        }
    }

    /// 412 for a write made against a version that is not the current one.
    static func stale(currentVersion: Int) -> ProblemError {
        ProblemError(
            .preconditionFailed, title: "Stale write",
            detail: currentVersion == 0
                ? "The resource does not exist, but the request required a version of it."
                : "The resource is at version \(currentVersion); read it again and retry with If-Match: \"\(currentVersion)\".",
            type: "https://passerelle.dev/problems/stale", currentVersion: currentVersion)
    }

    static func internalError(context: PasserelleRequestContext) -> ProblemError {
        ProblemError(.internalServerError, title: "Internal error",
                     detail: "The server could not complete the request (request \(requestID(context))); it is logged.")
    }

    static func requestID(_ context: PasserelleRequestContext) -> String {
        context.logger[metadataKey: "hb.request.id"]?.description ?? "unknown"
    }
}
