import EInvoice
import EInvoiceSyntax
import Gateway
import Testing

@Suite("Lifecycle tracker")
struct LifecycleTrackerTests {
    static func at(_ text: String) throws -> LifecycleDateTime {
        try #require(LifecycleDateTime(text: text))
    }

    static func status(
        _ code: String, _ time: String, id: String? = nil, reasons: [StatusReason] = [], paid: String? = nil
    ) throws -> ReceivedStatus {
        ReceivedStatus(
            messageID: id ?? "M-\(code)-\(time)", status: LifecycleStatus(code: code), timestamp: try at("2025070\(time)"),
            reasons: reasons,
            amounts: paid.flatMap { ExactDecimal($0) }.map { [StatusAmount(amount: $0, currency: "EUR", vatRate: 20)] } ?? [])
    }

    static let total = ExactDecimal(mantissa: 120_000, fractionDigits: 2)  // 1200.00

    @Test("statuses in order move the invoice forward")
    func inOrder() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        #expect(tracker.position == .none)
        #expect(tracker.receive(try Self.status("200", "1090000")) == .applied)
        #expect(tracker.position == .transmission(.submitted))
        #expect(tracker.receive(try Self.status("202", "1100000")) == .applied)
        #expect(tracker.position == .transmission(.receivedByPlatform))
        #expect(tracker.receive(try Self.status("205", "2090000")) == .applied)
        #expect(tracker.position == .processing(.approved))
        #expect(tracker.history.map(\.status.code) == ["200", "202", "205"])
        #expect(!tracker.isFinished)
    }

    @Test("a duplicate (same message id, or same code and time) is ignored")
    func duplicates() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("204", "1100000", id: "A"))
        let before = tracker
        #expect(tracker.receive(try Self.status("204", "1100000", id: "A")) == .duplicate(ofMessage: "A"))
        #expect(tracker.receive(try Self.status("207", "1120000", id: "A")) == .duplicate(ofMessage: "A"))
        #expect(tracker.receive(try Self.status("204", "1100000", id: "B")) == .duplicate(ofMessage: "A"))
        #expect(tracker == before)
        #expect(tracker.history.count == 1)
    }

    @Test("an older status is recorded but does not move the invoice backwards")
    func outOfOrder() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("205", "2090000"))
        #expect(tracker.receive(try Self.status("202", "1100000")) == .recorded(.older))
        #expect(tracker.receive(try Self.status("200", "1090000")) == .recorded(.older))
        #expect(tracker.position == .processing(.approved))
        #expect(tracker.history.map(\.status.code) == ["200", "202", "205"])
    }

    @Test("a terminal status is never replaced by a non-terminal one, even a newer one")
    func terminalHolds() throws {
        let reasons = [StatusReason(code: "TX_TVA_ERR", text: "Taux erroné")]
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("204", "2090000"))
        #expect(tracker.receive(try Self.status("210", "3090000", reasons: reasons)) == .applied)
        #expect(tracker.receive(try Self.status("205", "4090000")) == .recorded(.afterTerminal))
        #expect(tracker.receive(try Self.status("207", "5090000")) == .recorded(.afterTerminal))
        #expect(tracker.position == .refused(reasons))
        #expect(tracker.isFinished)
        #expect(tracker.history.count == 4)

        var rejected = LifecycleTracker(invoiceTotal: nil, currency: "EUR")
        rejected.receive(try Self.status("202", "2090000"))
        // A rejection that happened earlier still ends the lifecycle.
        #expect(rejected.receive(try Self.status("213", "1090000", reasons: [StatusReason(code: "REJ_SEMAN")])) == .applied)
        #expect(rejected.position == .rejected([StatusReason(code: "REJ_SEMAN")]))
    }

    @Test("disputed carries its reasons; an unknown code is kept")
    func disputedAndUnknown() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("207", "2090000", reasons: [StatusReason(code: "QTE_ERR")]))
        #expect(tracker.position == .disputed([StatusReason(code: "QTE_ERR")]))
        tracker.receive(try Self.status("601", "3090000"))
        #expect(tracker.position == .processing(.other("601")))
    }

    @Test("a partial then a full payment: remaining balance, then paid in full")
    func partialThenFull() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("205", "2090000"))
        #expect(tracker.receive(try Self.status("212", "3090000", paid: "500.00")) == .applied)
        #expect(tracker.position == .paid(.partial(remaining: ExactDecimal(700))))
        #expect(tracker.payments.remainingBalance == ExactDecimal(700))
        #expect(tracker.receive(try Self.status("212", "4090000", paid: "700.00")) == .applied)
        #expect(tracker.position == .paid(.full))
        #expect(tracker.payments.remainingBalance == .zero)
        #expect(tracker.payments.overpayment == nil)
        #expect(tracker.payments.records.map(\.coverage) == [.partial, .full])
        #expect(tracker.payments.records.map(\.amount) == [ExactDecimal(500), ExactDecimal(700)])
    }

    @Test("the same payment message received twice is counted once")
    func duplicatePayment() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        let payment = try Self.status("212", "3090000", id: "PAY-1", paid: "500.00")
        tracker.receive(payment)
        #expect(tracker.receive(payment) == .duplicate(ofMessage: "PAY-1"))
        #expect(tracker.payments.records.count == 1)
        #expect(tracker.payments.cashedTotal == ExactDecimal(500))
        #expect(tracker.position == .paid(.partial(remaining: ExactDecimal(700))))
    }

    @Test("payments arriving out of order are all counted; coverage follows the payment dates")
    func paymentsOutOfOrder() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        #expect(tracker.receive(try Self.status("212", "5090000", paid: "700.00")) == .applied)
        #expect(tracker.position == .paid(.partial(remaining: ExactDecimal(500))))
        #expect(tracker.receive(try Self.status("212", "3090000", paid: "500.00")) == .recorded(.older))
        #expect(tracker.position == .paid(.full))
        #expect(tracker.payments.records.map(\.amount) == [ExactDecimal(500), ExactDecimal(700)])
        #expect(tracker.payments.records.map(\.coverage) == [.partial, .full])
        #expect(try tracker.current?.timestamp == Self.at("20250705090000"))
    }

    @Test("an over-payment is flagged and the balance never goes negative")
    func overpayment() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("212", "3090000", paid: "1250.50"))
        #expect(tracker.position == .paid(.full))
        #expect(tracker.payments.remainingBalance == .zero)
        #expect(tracker.payments.overpayment == ExactDecimal(mantissa: 5_050, fractionDigits: 2))
    }

    @Test("a payment sent (211) is not added to the cashed one (212) for the same money")
    func sentAndCashed() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(try Self.status("211", "3090000", paid: "1200.00"))
        #expect(tracker.position == .paymentSent(.full))
        #expect(tracker.payments.remainingBalance == Self.total)
        tracker.receive(try Self.status("212", "4090000", paid: "1200.00"))
        #expect(tracker.position == .paid(.full))
        #expect(tracker.payments.sentTotal == Self.total && tracker.payments.cashedTotal == Self.total)
        #expect(tracker.payments.overpayment == nil)
        #expect(tracker.payments.remainingBalance == .zero)
    }

    @Test("a payment in another currency is kept but not counted")
    func foreignCurrency() throws {
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        tracker.receive(
            ReceivedStatus(
                messageID: "USD-1", status: .paymentReceived, timestamp: try Self.at("20250703090000"),
                amounts: [StatusAmount(amount: ExactDecimal(1200), currency: "USD")]))
        #expect(tracker.payments.foreignCurrency.map(\.messageID) == ["USD-1"])
        #expect(tracker.payments.cashedTotal == .zero)
        #expect(tracker.position == .paid(.unknown))
    }

    @Test("a tracker rebuilt from the known statuses equals the one that received them; a CDAR message feeds it")
    func replayAndCDAR() throws {
        let statuses = [
            try Self.status("200", "1090000"), try Self.status("205", "2090000"), try Self.status("202", "1100000"),
            try Self.status("212", "3090000", paid: "1200.00"),
        ]
        var live = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        for status in statuses { live.receive(status) }
        #expect(LifecycleTracker(invoiceTotal: Self.total, currency: "EUR", known: statuses) == live)

        let message = CDARMessage(
            messageID: "CDV-9", issueDateTime: try Self.at("20250702101500"),
            sender: .siren("200000008", role: "BY"), recipients: [.siren("100000009", role: "SE")],
            invoice: CDARInvoiceReference(number: "FA-1", issueDate: CalendarDate(year: 2025, month: 7, day: 1), sellerSIREN: "100000009"),
            status: .disputed, statusDateTime: try Self.at("20250702101000"), reasons: [StatusReason(code: "PU_ERR")])
        let read = try CDARReader().read(CDARWriter().write(message))
        var tracker = LifecycleTracker(invoiceTotal: Self.total, currency: "EUR")
        #expect(tracker.receive(ReceivedStatus(read)) == .applied)
        #expect(tracker.position == .disputed([StatusReason(code: "PU_ERR")]))
        #expect(tracker.receive(ReceivedStatus(read)) == .duplicate(ofMessage: "CDV-9"))
    }
}
