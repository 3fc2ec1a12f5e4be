import Gateway

/// Everything the routes use, built once by the runtime.
public struct GatewayServices: Sendable {
    public var store: any GatewayStore
    public var clock: any GatewayClock
    public var intake: IntakeService
    /// Intake for `POST /v1/invoices`: concurrent requests are stored together, one transaction per group.
    public var intakeGroupCommit: IntakeGroupCommit
    public var masterData: MasterDataService
    public var pipelineAdmin: PipelineAdmin
    /// Runs an invoice's check at once (`POST /v1/invoices?validate=sync`).
    public var checker: InvoiceChecker
    /// Timelines and reference search (`GET /v1/invoices/{id}/timeline`).
    public var auditTrail: AuditTrailService
    /// Takes in lifecycle statuses (`POST /v1/invoices/{id}/statuses`).
    public var lifecycle: LifecycleService

    /// `concurrentIntakeGroups`: intake groups committed at the same time (1 for SQLite's single writer; more on
    /// PostgreSQL, whose sessions commit in parallel).
    public init(store: any GatewayStore, clock: any GatewayClock = SystemClock(), archive: (any ArchivePort)? = nil,
                concurrentIntakeGroups: Int = 1) {
        self.store = store
        self.clock = clock
        self.intake = IntakeService(store: store, clock: clock)
        self.intakeGroupCommit = IntakeGroupCommit(intake: intake, concurrentGroups: concurrentIntakeGroups)
        self.masterData = MasterDataService(store: store, clock: clock)
        self.pipelineAdmin = PipelineAdmin(store: store, clock: clock)
        self.checker = InvoiceChecker(store: store, clock: clock)
        self.auditTrail = AuditTrailService(
            store: store, seals: archive, contributors: [PaymentTimelineContributor()])
        self.lifecycle = LifecycleService(store: store, clock: clock, archivesDocuments: archive != nil)
    }
}
