/// Group commit for intake: invoices that arrive together from many callers (concurrent `POST /v1/invoices`
/// requests) are stored in one store transaction, so the database commits once for the group instead of once per
/// invoice. SQLite has a single writer: without grouping, every request waits for all the commits queued before it.
///
/// Each request keeps its own outcome, exactly as ``IntakeService/receive(_:)`` gives it: an unreadable payload is
/// refused in the caller's task before it joins a group (reading runs in parallel, only storing is grouped); a
/// conflict is refused alone inside the group. If a group's transaction fails as a whole (the store is busy, a
/// statement fails), its requests are stored again one at a time, so one request's failure is never another's.
///
/// There is no timer: a request that finds no group being committed starts one at once, and the requests that
/// arrive meanwhile form the next group (up to ``maximumGroupSize``). A lone request waits for nothing.
public actor IntakeGroupCommit {
    public nonisolated let intake: IntakeService
    /// The most invoices one transaction takes.
    public nonisolated let maximumGroupSize: Int
    /// Groups committed at the same time: 1 for SQLite (one writer), more for PostgreSQL (parallel sessions).
    public nonisolated let concurrentGroups: Int

    private typealias Waiter = CheckedContinuation<Result<IntakeOutcome, any Error>, Never>
    private var waiting: [(item: IntakeService.PreparedItem, waiter: Waiter)] = []
    private var groupsInFlight = 0

    public init(intake: IntakeService, maximumGroupSize: Int = 64, concurrentGroups: Int = 1) {
        self.intake = intake
        self.maximumGroupSize = max(1, maximumGroupSize)
        self.concurrentGroups = max(1, concurrentGroups)
    }

    /// Takes one invoice, stored with the others that arrive at the same time.
    public nonisolated func receive(_ request: IntakeRequest) async throws -> IntakeOutcome {
        let item = IntakeService.PreparedItem(request: request, prepared: try intake.prepare(request, invoice: nil))
        return try await join(item).get()
    }

    private func join(_ item: IntakeService.PreparedItem) async -> Result<IntakeOutcome, any Error> {
        await withCheckedContinuation { (waiter: Waiter) in
            waiting.append((item, waiter))
            startGroupIfIdle()
        }
    }

    private func startGroupIfIdle() {
        guard groupsInFlight < concurrentGroups, !waiting.isEmpty else { return }
        let group = Array(waiting.prefix(maximumGroupSize))
        waiting.removeFirst(group.count)
        groupsInFlight += 1
        Task {
            let results = await Self.store(group.map(\.item), with: intake)
            for (entry, result) in zip(group, results) { entry.waiter.resume(returning: result) }
            self.groupFinished()
        }
    }

    private func groupFinished() {
        groupsInFlight -= 1
        startGroupIfIdle()
    }

    /// Stores a group in one transaction; if that transaction fails as a whole, each invoice alone.
    private static func store(_ items: [IntakeService.PreparedItem], with intake: IntakeService) async
        -> [Result<IntakeOutcome, any Error>]
    {
        do {
            return try await intake.storeGroup(items).map { $0.mapError { $0 as any Error } }
        } catch {
            guard items.count > 1 else { return [.failure(error)] }
            var results: [Result<IntakeOutcome, any Error>] = []
            for item in items {
                do {
                    let single = try await intake.storeGroup([item])
                    results.append(single.first.map { $0.mapError { $0 as any Error } }
                        ?? .failure(IntakeError.unreadable(format: nil, message: "not processed")))
                } catch {
                    results.append(.failure(error))
                }
            }
            return results
        }
    }
}
