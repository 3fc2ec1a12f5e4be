import Foundation
import Gateway

/// What an acceptance run (`passerelle acceptance`) found: one entry per invoice of the sample, with totals.
struct AcceptanceReport: Codable, Sendable {
    /// What became of one invoice.
    enum Outcome: String, Codable, Sendable {
        /// Checked, rendered and routed: it would be sent (or left to the legacy channel, as routed).
        case passed
        /// A fatal rule or a catalogue check stops it: the ERP must correct it.
        case rejected
        /// It could not be read or taken (bad file, mapping problem, no invoice number…).
        case refused
        /// The pipeline did not finish with it (a step failed); `problems` says why.
        case unfinished
    }

    /// A finding or another reason, as people read it.
    struct Problem: Codable, Sendable, Hashable {
        /// `BR-CO-15`, `BR-FR-12`, `CAT-PRODUCT-UNKNOWN`; nil for reading problems.
        var rule: String?
        var severity: String
        /// The terms concerned (`BT-112`).
        var terms: [String]
        var message: String
        /// Where in the source file, when known (`line 42`).
        var location: String?
    }

    struct Entry: Codable, Sendable {
        /// The file (and its lines for an ERP export).
        var source: String
        /// BT-1
        var number: String?
        /// BT-44
        var buyer: String?
        var outcome: Outcome
        var problems: [Problem]
        var warnings: [Problem]
        /// The routing decision: taken by the pipeline when the invoice passed, or what it would be once corrected.
        var route: RouteDecision?
        /// What the dispatch step said (the dry run's "would send to …").
        var dispatch: String?
        /// With `--sandbox`: what the platform said (acknowledgement, first lifecycle status).
        var platform: PlatformVerdict? = nil
    }

    struct Totals: Codable, Sendable {
        var invoices = 0
        var passed = 0
        var rejected = 0
        var refused = 0
        var unfinished = 0
        /// Passed invoices per target (`legacy` included).
        var byTarget: [String: Int] = [:]
        /// The rules that rejected invoices, with how many each.
        var byRule: [String: Int] = [:]
    }

    var routingFile: String
    /// `dry-run` (nothing sent) or `sandbox <url>`.
    var mode: String
    var tenant: String
    var entries: [Entry] = []
    /// Notes about the sample as a whole (duplicates, skipped files).
    var notes: [String] = []

    var totals: Totals {
        var totals = Totals()
        for entry in entries {
            totals.invoices += 1
            switch entry.outcome {
            case .passed:
                totals.passed += 1
                if let target = entry.route?.target { totals.byTarget[target, default: 0] += 1 }
            case .rejected: totals.rejected += 1
            case .refused: totals.refused += 1
            case .unfinished: totals.unfinished += 1
            }
            if entry.outcome == .rejected {
                for rule in Set(entry.problems.compactMap(\.rule)) { totals.byRule[rule, default: 0] += 1 }
            }
        }
        return totals
    }

    /// True when every invoice passed.
    var allPassed: Bool { entries.allSatisfy { $0.outcome == .passed } }
}

extension AcceptanceReport.Problem {
    init(_ finding: GatewayFinding) {
        self.init(
            rule: finding.ruleID, severity: finding.severity.rawValue, terms: finding.terms,
            message: finding.message.english, location: finding.location.map { "line \($0.line)" })
    }

    /// A problem that is not a rule's finding (reading, intake, a failed step).
    static func reading(_ message: String, location: String? = nil) -> Self {
        Self(rule: nil, severity: "fatal", terms: [], message: message, location: location)
    }
}
