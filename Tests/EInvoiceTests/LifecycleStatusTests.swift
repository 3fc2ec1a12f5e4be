import EInvoice
import Testing

@Suite("Lifecycle status table")
struct LifecycleStatusTests {
    @Test("codes 200…213 map to their statuses and back")
    func codesRoundTrip() {
        let codes = (200...213).map(String.init) + ["214", "220", "221", "224", "225", "226", "227", "228"]
        #expect(LifecycleStatus.known.map(\.code) == codes)
        for code in codes {
            let status = LifecycleStatus(code: code)
            #expect(status.isKnown, "\(code)")
            #expect(status.code == code)
            #expect(!status.frenchLabel.isEmpty && !status.englishLabel.isEmpty, "\(code)")
        }
        #expect(LifecycleStatus(code: " 205\n") == .approved)
        #expect(LifecycleStatus(code: "200").frenchLabel == "Déposée")
        #expect(LifecycleStatus(code: "212").englishLabel == "Payment received")
    }

    @Test("an unknown code is kept, not dropped")
    func unknownKept() {
        let status = LifecycleStatus(code: "501")
        #expect(status == .other("501"))
        #expect(status.code == "501")
        #expect(!status.isKnown && !status.isTerminal && status.phase == nil && status.statusCode == nil)
    }

    @Test("phases and MDT-88 codes follow the CDAR schematron's lists per phase (BR-FR-CDV-CL-05)")
    func phasesAndStatusCodes() {
        let transmission: Set = ["10", "51", "43", "8", "48"]
        let processing: Set = ["45", "39", "37", "50", "49", "47", "46", "1"]
        for status in LifecycleStatus.known {
            guard let code = status.statusCode else { continue }
            switch status.phase {
            case .transmission?: #expect(transmission.contains(code), "\(status)")
            case .processing?: #expect(processing.contains(code), "\(status)")
            case nil: Issue.record("\(status) has an MDT-88 code but no phase")
            }
        }
        #expect(LifecycleStatus.submitted.phase == .transmission && LifecycleStatus.submitted.statusCode == "10")
        #expect(LifecycleStatus.rejected.phase == .transmission && LifecycleStatus.rejected.statusCode == "8")
        #expect(LifecycleStatus.approved.phase == .processing && LifecycleStatus.approved.statusCode == "1")
        #expect(LifecycleStatus.paymentSent.statusCode == "47" && LifecycleStatus.paymentReceived.statusCode == "47")
    }

    @Test("terminal statuses and the duty to report to the PPF")
    func terminalAndReporting() {
        #expect(Set(LifecycleStatus.known.filter(\.isTerminal).map(\.code)) == ["210", "212", "213", "220"])
        #expect(Set(LifecycleStatus.known.filter { $0.reporting == .required }.map(\.code)) == ["200", "210", "213"])
        #expect(LifecycleStatus.paymentReceived.reporting == .requiredWhenVATDueOnPayment)
        #expect(LifecycleStatus.refused.setBy == .buyer && LifecycleStatus.completed.setBy == .seller)
    }

    @Test("date-times read format 204 and 102 and refuse impossible values")
    func dateTimes() throws {
        let value = try #require(LifecycleDateTime(text: "20250701151005"))
        #expect(value.compactText == "20250701151005")
        #expect(value.description == "2025-07-01T15:10:05Z")
        #expect(LifecycleDateTime(text: "20250701")?.compactText == "20250701000000")
        for bad in ["20250230120000", "20250701246000", "2025070115100", "2025-07-01T15:10:05", "", "2025070115100x"] {
            #expect(LifecycleDateTime(text: bad) == nil, "\(bad)")
        }
        let earlier = try #require(LifecycleDateTime(text: "20250701151004"))
        let nextDay = try #require(LifecycleDateTime(text: "20250702000000"))
        #expect(earlier < value && value < nextDay)
    }
}
