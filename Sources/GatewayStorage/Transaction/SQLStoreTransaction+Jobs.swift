import Foundation
import Gateway
import SQLKit

/// The job queue. Claiming and the lease protocol are the only statements that do not filter by tenant: workers
/// serve every tenant, and a lease (job id + owner) is the capability to finish a claimed job.
extension SQLStoreTransaction {
    static let jobColumns = """
        job_id, tenant_id, kind, invoice_id, payload_json, state, attempts, max_attempts, run_at, lease_owner, \
        lease_expires_at, last_error, created_at, updated_at
        """

    func enqueue(_ job: NewJob) async throws {
        try await run("INSERT INTO jobs (\(unsafeRaw: Self.jobColumns)) VALUES \(Self.jobRow(job))", "enqueue job")
    }

    /// The values of ``jobColumns`` for a new, pending job.
    static func jobRow(_ job: NewJob) -> SQLQueryString {
        let now = StoredValues.milliseconds(job.runAt)
        return """
            (\(bind: job.id.rawValue), \(bind: job.tenant.rawValue), \(bind: job.kind.rawValue), \
            \(bind: job.invoiceID?.rawValue), \(bind: job.payloadJSON), 'pending', 0, \(bind: job.maxAttempts), \
            \(bind: now), NULL, NULL, NULL, \(bind: now), \(bind: now))
            """
    }

    /// Due pending jobs and running jobs whose lease expired, oldest `run_at` first. On PostgreSQL the picked rows
    /// are locked with `FOR UPDATE SKIP LOCKED`, so concurrent claimers take disjoint sets without waiting; a row
    /// claimed and committed by another node meanwhile is re-checked against the condition and left out.
    func claimJobs(owner: String, limit: Int, now: Date, leaseUntil: Date) async throws -> [Job] {
        guard limit > 0 else { return [] }
        let nowMS = StoredValues.milliseconds(now)
        let claimed = try await rows("""
            UPDATE jobs SET state = 'running', lease_owner = \(bind: owner), \
            lease_expires_at = \(bind: StoredValues.milliseconds(leaseUntil)), attempts = attempts + 1, \
            updated_at = \(bind: nowMS)
            WHERE job_seq IN (SELECT job_seq FROM jobs WHERE state IN ('pending', 'running') \
            AND run_at <= \(bind: nowMS) AND (state = 'pending' OR lease_expires_at <= \(bind: nowMS)) \
            ORDER BY run_at, job_seq LIMIT \(bind: limit) \(unsafeRaw: dialect.claimLock))
            RETURNING \(unsafeRaw: Self.jobColumns), job_seq
            """, "claim jobs")
        let jobs = try claimed.map { row in (try Self.job(row), try RowReader(row, "jobs").int64("job_seq")) }
        return jobs.sorted { ($0.0.runAt, $0.1) < ($1.0.runAt, $1.1) }.map(\.0)
    }

    func completeJob(_ id: JobID, owner: String, now: Date) async throws -> Bool {
        try await !rows("""
            UPDATE jobs SET state = 'done', lease_expires_at = NULL, updated_at = \(bind: StoredValues.milliseconds(now))
            WHERE job_id = \(bind: id.rawValue) AND lease_owner = \(bind: owner) AND state = 'running'
            RETURNING job_id
            """, "complete job").isEmpty
    }

    func retryJob(_ id: JobID, owner: String, runAt: Date, error: String, now: Date) async throws -> Bool {
        try await !rows("""
            UPDATE jobs SET state = 'pending', run_at = \(bind: StoredValues.milliseconds(runAt)), \
            last_error = \(bind: error), lease_owner = NULL, lease_expires_at = NULL, \
            updated_at = \(bind: StoredValues.milliseconds(now))
            WHERE job_id = \(bind: id.rawValue) AND lease_owner = \(bind: owner) AND state = 'running'
            RETURNING job_id
            """, "retry job").isEmpty
    }

    func parkJob(_ id: JobID, owner: String, reason: String, now: Date) async throws -> Bool {
        try await !rows("""
            UPDATE jobs SET state = 'parked', last_error = \(bind: reason), lease_expires_at = NULL, \
            updated_at = \(bind: StoredValues.milliseconds(now))
            WHERE job_id = \(bind: id.rawValue) AND lease_owner = \(bind: owner) AND state = 'running'
            RETURNING job_id
            """, "park job").isEmpty
    }

    func replayJob(_ id: JobID, tenant: TenantID, now: Date) async throws -> Bool {
        let nowMS = StoredValues.milliseconds(now)
        return try await !rows("""
            UPDATE jobs SET state = 'pending', attempts = 0, run_at = \(bind: nowMS), lease_owner = NULL, \
            lease_expires_at = NULL, updated_at = \(bind: nowMS)
            WHERE tenant_id = \(bind: tenant.rawValue) AND job_id = \(bind: id.rawValue) AND state = 'parked'
            RETURNING job_id
            """, "replay job").isEmpty
    }

    func job(_ id: JobID, tenant: TenantID) async throws -> Job? {
        try await rows("""
            SELECT \(unsafeRaw: Self.jobColumns) FROM jobs
            WHERE tenant_id = \(bind: tenant.rawValue) AND job_id = \(bind: id.rawValue)
            """, "read job").first.map(Self.job)
    }

    func jobs(tenant: TenantID, state: JobState?, limit: Int) async throws -> [Job] {
        var query: SQLQueryString = """
            SELECT \(unsafeRaw: Self.jobColumns) FROM jobs WHERE tenant_id = \(bind: tenant.rawValue)
            """
        if let state { query += " AND state = \(bind: state.rawValue)" }
        query += " ORDER BY created_at DESC, job_seq DESC LIMIT \(bind: max(0, limit))"
        return try await rows(query, "list jobs").map(Self.job)
    }

    func jobs(invoice: InvoiceID, tenant: TenantID) async throws -> [Job] {
        try await rows("""
            SELECT \(unsafeRaw: Self.jobColumns) FROM jobs
            WHERE tenant_id = \(bind: tenant.rawValue) AND invoice_id = \(bind: invoice.rawValue)
            ORDER BY created_at, job_seq
            """, "list invoice jobs").map(Self.job)
    }

    static func job(_ row: any SQLRow) throws -> Job {
        let reader = RowReader(row, "jobs")
        return Job(
            id: JobID(try reader.string("job_id")), tenant: TenantID(try reader.string("tenant_id")),
            kind: try reader.enumeration("kind"), invoiceID: try reader.optionalString("invoice_id").map { InvoiceID($0) },
            payloadJSON: try reader.optionalString("payload_json"), state: try reader.enumeration("state"),
            attempts: try reader.int("attempts"), maxAttempts: try reader.int("max_attempts"),
            runAt: try reader.date("run_at"), leaseOwner: try reader.optionalString("lease_owner"),
            leaseExpiresAt: try reader.optionalDate("lease_expires_at"), lastError: try reader.optionalString("last_error"),
            createdAt: try reader.date("created_at"), updatedAt: try reader.date("updated_at"))
    }
}
