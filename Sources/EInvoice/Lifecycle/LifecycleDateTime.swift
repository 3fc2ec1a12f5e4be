/// A status or message date and time as CDAR writes it: `YYYYMMDDHHMMSS` (format 204), read as UTC.
///
/// Exact and comparable field by field, so ordering statuses never goes through floating-point seconds.
public struct LifecycleDateTime: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var date: CalendarDate
    public var hour: Int
    public var minute: Int
    public var second: Int

    /// Nil when a field is out of range.
    public init?(date: CalendarDate, hour: Int = 0, minute: Int = 0, second: Int = 0) {
        guard (0...23).contains(hour), (0...59).contains(minute), (0...59).contains(second) else { return nil }
        self.date = date
        self.hour = hour
        self.minute = minute
        self.second = second
    }

    /// Reads format 204 (`YYYYMMDDHHMMSS`, 14 digits) or format 102 (`YYYYMMDD`, midnight); nil otherwise.
    public init?(text: String) {
        let digits = Array(text.utf8)
        guard digits.count == 14 || digits.count == 8, digits.allSatisfy({ $0 >= 48 && $0 <= 57 }),
            let date = CalendarDate(text: String(decoding: digits[0..<8], as: UTF8.self))
        else { return nil }
        guard digits.count == 14 else {
            self.init(date: date)
            return
        }
        func number(_ start: Int) -> Int { Int(digits[start] - 48) * 10 + Int(digits[start + 1] - 48) }
        self.init(date: date, hour: number(8), minute: number(10), second: number(12))
    }

    /// `YYYYMMDDHHMMSS`, the CDAR format 204.
    public var compactText: String {
        date.compactText + [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined()
    }

    /// `YYYY-MM-DDTHH:MM:SSZ`.
    public var description: String {
        date.isoText + "T" + [hour, minute, second].map { $0 < 10 ? "0\($0)" : "\($0)" }.joined(separator: ":") + "Z"
    }

    public static func < (lhs: LifecycleDateTime, rhs: LifecycleDateTime) -> Bool {
        (lhs.date, lhs.hour, lhs.minute, lhs.second) < (rhs.date, rhs.hour, rhs.minute, rhs.second)
    }
}
