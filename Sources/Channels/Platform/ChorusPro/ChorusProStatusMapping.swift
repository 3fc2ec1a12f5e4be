import EInvoice
import Foundation

/// Chorus Pro's invoice statuses read as lifecycle statuses (CDAR codes of XP Z12-012). docs/chorus-pro.md gives
/// the table and its reasons; in short:
///
/// | Chorus Pro | | why |
/// |---|---|---|
/// | flow `IN_REJETE` | 213 Rejetée | the platform refused the file (format, rules, duplicate) |
/// | `DEPOSEE` | 200 Déposée | Chorus Pro accepted the invoice |
/// | `EN_COURS_ACHEMINEMENT` | 201 Émise | Chorus Pro is routing it to the buyer's service |
/// | `MISE_A_DISPOSITION` | 203 Mise à disposition | the public buyer can see it |
/// | `A_RECYCLER` | 221 Erreur de routage | wrong recipient or service: to be sent again elsewhere |
/// | `SUSPENDUE` | 208 Suspendue | the buyer waits for something from the supplier |
/// | `COMPLETEE` | 209 Complétée | the supplier completed it |
/// | `SERVICE_FAIT` | 205 Approuvée | the buyer certified the service done |
/// | `MANDATEE` | 205 Approuvée | only when no `SERVICE_FAIT` came before: payment ordered |
/// | `REJETEE` | 210 Refusée | refused by the public buyer (a business decision) |
/// | `MISE_EN_PAIEMENT` | 211 Paiement transmis | the public accountant paid |
/// | `MISE_A_DISPOSITION_COMPTABLE`, `COMPTABILISEE` | — | the buyer's internal accounting steps |
public enum ChorusProStatusMapping {
    /// The lifecycle status of one Chorus Pro invoice status; nil for a status with no lifecycle meaning.
    public static func lifecycleStatus(of chorusStatus: String) -> LifecycleStatus? {
        switch chorusStatus {
        case "DEPOSEE": .submitted
        case "EN_COURS_ACHEMINEMENT": .issuedByPlatform
        case "MISE_A_DISPOSITION": .madeAvailable
        case "A_RECYCLER": .routingError
        case "SUSPENDUE": .suspended
        case "COMPLETEE": .completed
        case "SERVICE_FAIT", "MANDATEE": .approved
        case "REJETEE": .refused
        case "MISE_EN_PAIEMENT": .paymentSent
        default: nil
        }
    }

    /// The history's entries that become lifecycle statuses, in order: 205 once (at `SERVICE_FAIT`, or at
    /// `MANDATEE` when the buyer's process has no service-fait step).
    public static func lifecycleStatuses(of history: [ChorusProStatusEntry])
        -> [(entry: ChorusProStatusEntry, status: LifecycleStatus)]
    {
        var approved = false
        var result: [(entry: ChorusProStatusEntry, status: LifecycleStatus)] = []
        for entry in history {
            guard let status = lifecycleStatus(of: entry.histoStatutCode) else { continue }
            if status == .approved {
                if approved { continue }
                approved = true
            }
            result.append((entry, status))
        }
        return result
    }

    /// A Chorus Pro date-time (`2018-02-16T15:10:25.536+01:00`, `…Z`, or a bare `YYYY-MM-DD`) as a UTC
    /// lifecycle date-time; nil when it is not one.
    public static func dateTime(_ text: String?) -> LifecycleDateTime? {
        guard let text, !text.isEmpty else { return nil }
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        var date = formatter.date(from: text)
        if date == nil {
            formatter.formatOptions = [.withInternetDateTime]
            date = formatter.date(from: text)
        }
        if date == nil {
            formatter.formatOptions = [.withFullDate]
            date = formatter.date(from: text)
        }
        guard let date else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LifecycleDateTime(date: CalendarDate(year: year, month: month, day: day), hour: parts.hour ?? 0,
                                 minute: parts.minute ?? 0, second: parts.second ?? 0)
    }
}
