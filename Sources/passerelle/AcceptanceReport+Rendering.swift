import Foundation
import Gateway

/// The three ways to print an acceptance report: text for a terminal, Markdown for a ticket or an e-mail, JSON for
/// tools.
extension AcceptanceReport {
    enum Format: String, CaseIterable, Sendable {
        case text
        case json
        case markdown
    }

    func render(_ format: Format) -> String {
        switch format {
        case .text: text()
        case .markdown: markdown()
        case .json: json()
        }
    }

    func json() -> String {
        struct Document: Encodable {
            var report: AcceptanceReport
            var totals: Totals
            func encode(to encoder: any Encoder) throws {
                var container = encoder.container(keyedBy: Keys.self)
                try container.encode(report.routingFile, forKey: .routingFile)
                try container.encode(report.mode, forKey: .mode)
                try container.encode(report.tenant, forKey: .tenant)
                try container.encode(report.entries, forKey: .invoices)
                try container.encode(report.notes, forKey: .notes)
                try container.encode(totals, forKey: .totals)
            }
            enum Keys: String, CodingKey { case routingFile, mode, tenant, invoices, notes, totals }
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(Document(report: self, totals: totals)) else { return "{}" }
        return String(decoding: data, as: UTF8.self)
    }

    func text() -> String {
        var lines = ["Acceptance run (\(mode)), tenant \(tenant), routing \(routingFile)", ""]
        for entry in entries {
            let name = entry.number.map { "invoice \($0)" } ?? "(no invoice number)"
            lines.append("\(Self.mark(entry.outcome)) \(name) — \(entry.source)"
                + (entry.buyer.map { ", buyer \($0)" } ?? ""))
            for problem in entry.problems { lines.append("    ✗ \(Self.line(problem))") }
            for warning in entry.warnings { lines.append("    ! \(Self.line(warning))") }
            if let route = entry.route {
                let prefix = entry.outcome == .passed ? "route" : "route once corrected"
                lines.append("    → \(prefix): \(Self.route(route))")
            }
            if let dispatch = entry.dispatch, entry.outcome == .passed { lines.append("    → \(dispatch)") }
            if let platform = entry.platform { lines.append("    ⇒ platform: \(platform.summary)") }
        }
        for note in notes { lines.append("note: \(note)") }
        let totals = self.totals
        lines.append("")
        lines.append("\(totals.invoices) invoices: \(totals.passed) passed, \(totals.rejected) would be rejected, "
            + "\(totals.refused) refused at reading, \(totals.unfinished) unfinished")
        if !totals.byTarget.isEmpty {
            lines.append("routed: " + totals.byTarget.sorted { $0.key < $1.key }.map { "\($0.key) \($0.value)" }
                .joined(separator: ", "))
        }
        if !totals.byRule.isEmpty {
            lines.append("rejected by: " + totals.byRule.sorted { $0.key < $1.key }.map { "\($0.key) ×\($0.value)" }
                .joined(separator: ", "))
        }
        return lines.joined(separator: "\n")
    }

    func markdown() -> String {
        let totals = self.totals
        var lines = [
            "# Acceptance report", "",
            "- Mode: \(mode)", "- Tenant: `\(tenant)`", "- Routing: `\(routingFile)`",
            "- Invoices: \(totals.invoices) — **\(totals.passed) passed**, \(totals.rejected) would be rejected, "
                + "\(totals.refused) refused at reading, \(totals.unfinished) unfinished", "",
            "| Invoice | Source | Outcome | Target | Format | Processing | Rule |",
            "|---|---|---|---|---|---|---|",
        ]
        for entry in entries {
            let route = entry.route
            lines.append("| \(Self.cell(entry.number ?? "—")) | \(Self.cell(entry.source)) | "
                + "\(entry.outcome.rawValue) | "
                + "\(route?.target ?? "—") | \(route?.formatLabel ?? "—") | \(route?.processing.rawValue ?? "—") | "
                + "\(Self.cell(route?.ruleLabel ?? "—")) |")
        }
        let troubled = entries.filter { !$0.problems.isEmpty || !$0.warnings.isEmpty }
        if !troubled.isEmpty {
            lines += ["", "## What to correct", ""]
            for entry in troubled {
                lines.append("### \(entry.number.map { "Invoice \($0)" } ?? entry.source) (\(entry.outcome.rawValue))")
                lines.append("")
                for problem in entry.problems { lines.append("- ✗ \(Self.line(problem))") }
                for warning in entry.warnings { lines.append("- ! \(Self.line(warning))") }
                lines.append("")
            }
        }
        let judged = entries.filter { $0.platform != nil }
        if !judged.isEmpty {
            lines += ["", "## Platform verdicts", ""]
            for entry in judged {
                guard let platform = entry.platform else { continue }
                lines.append("- \(Self.cell(entry.number ?? entry.source)): \(Self.cell(platform.summary))")
            }
        }
        if !totals.byTarget.isEmpty {
            lines += ["", "## Routing", ""]
            for (target, count) in totals.byTarget.sorted(by: { $0.key < $1.key }) {
                lines.append("- \(target): \(count)")
            }
        }
        if !notes.isEmpty { lines += ["", "## Notes", ""] + notes.map { "- \($0)" } }
        return lines.joined(separator: "\n")
    }

    static func mark(_ outcome: Outcome) -> String {
        switch outcome {
        case .passed: "PASSED  "
        case .rejected: "REJECTED"
        case .refused: "REFUSED "
        case .unfinished: "UNFINISHED"
        }
    }

    static func line(_ problem: Problem) -> String {
        var parts: [String] = []
        if let rule = problem.rule { parts.append("[\(rule)]") }
        if !problem.terms.isEmpty { parts.append(problem.terms.joined(separator: ", ") + ":") }
        parts.append(problem.message)
        if let location = problem.location { parts.append("(\(location))") }
        return parts.joined(separator: " ")
    }

    static func route(_ route: RouteDecision) -> String {
        if route.isLegacy {
            return "legacy channel (not sent electronically), \(route.processing.rawValue), \(route.ruleLabel)"
        }
        return "\(route.target) as \(route.formatLabel), \(route.processing.rawValue), \(route.ruleLabel)"
    }

    /// A Markdown table cell: no pipe, no line break.
    static func cell(_ text: String) -> String {
        text.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
    }
}
