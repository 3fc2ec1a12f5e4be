import Foundation
import Logging

/// Strict readers for setting values. Each error message quotes the value and says what is expected.
enum ConfigurationValues {
    static func port(_ text: String) throws(InvalidValue) -> Int {
        guard let value = Int(text), (0...65_535).contains(value) else {
            throw InvalidValue("\(quoted(text)) is not a port number (1-65535, or 0 for any free port)")
        }
        return value
    }

    static func integer(_ text: String, in range: ClosedRange<Int>, what: String) throws(InvalidValue) -> Int {
        guard let value = Int(text), range.contains(value) else {
            throw InvalidValue("\(quoted(text)) is not \(what) (a whole number from \(range.lowerBound) to \(range.upperBound))")
        }
        return value
    }

    static func text(_ text: String, what: String) throws(InvalidValue) -> String {
        let trimmed = text.trimmingCharacters(in: .whitespaces)
        guard !trimmed.isEmpty else { throw InvalidValue("is empty; give \(what)") }
        return trimmed
    }

    static func boolean(_ text: String) throws(InvalidValue) -> Bool {
        switch text.lowercased() {
        case "true", "yes", "on", "1": return true
        case "false", "no", "off", "0": return false
        default: throw InvalidValue("\(quoted(text)) is not true or false")
        }
    }

    /// `250ms`, `5s`, `15m`, `1h`, or a number of seconds.
    static func duration(_ text: String, minimum: Duration = .zero) throws(InvalidValue) -> Duration {
        let value = text.trimmingCharacters(in: .whitespaces).lowercased()
        let units: [(suffix: String, milliseconds: Int64)] = [("ms", 1), ("s", 1_000), ("m", 60_000), ("h", 3_600_000)]
        var parsed: Duration?
        for unit in units where value.hasSuffix(unit.suffix) {
            if let number = Int64(value.dropLast(unit.suffix.count)), number >= 0, number < Int64(Int32.max) {
                parsed = .milliseconds(number * unit.milliseconds)
            }
            break
        }
        if parsed == nil, let seconds = Int64(value), seconds >= 0, seconds < Int64(Int32.max) {
            parsed = .seconds(seconds)
        }
        guard let parsed, parsed >= minimum else {
            let floor = minimum > .zero ? " of at least \(describe(minimum))" : ""
            throw InvalidValue("\(quoted(text)) is not a duration (like 250ms, 5s, 15m, 1h)\(floor)")
        }
        return parsed
    }

    /// `512`, `64KB`, `20MB`, `1GB` (powers of 1024; `KiB`/`MiB`/`GiB` too).
    static func byteSize(_ text: String) throws(InvalidValue) -> Int {
        let value = text.trimmingCharacters(in: .whitespaces).uppercased()
        let units: [(suffix: String, shift: Int)] = [
            ("KIB", 10), ("MIB", 20), ("GIB", 30), ("KB", 10), ("MB", 20), ("GB", 30), ("K", 10), ("M", 20), ("G", 30),
            ("B", 0),
        ]
        var number = value
        var shift = 0
        for unit in units where value.hasSuffix(unit.suffix) {
            number = String(value.dropLast(unit.suffix.count)).trimmingCharacters(in: .whitespaces)
            shift = unit.shift
            break
        }
        guard let count = Int(number), count > 0, count <= (1 << 31) >> shift else {
            throw InvalidValue("\(quoted(text)) is not a size (like 512KB, 20MB; at least 1 byte, at most 2GB)")
        }
        return count << shift
    }

    static func logLevel(_ text: String) throws(InvalidValue) -> Logger.Level {
        guard let level = Logger.Level(rawValue: text.lowercased()) else {
            let names = Logger.Level.allCases.map(\.rawValue).joined(separator: ", ")
            throw InvalidValue("\(quoted(text)) is not a log level (\(names))")
        }
        return level
    }

    static func database(_ text: String) throws(InvalidValue) -> DatabaseLocation {
        guard let location = DatabaseLocation(parsing: text) else {
            throw InvalidValue("\(quoted(text)) is not a database (a SQLite file path, sqlite:PATH, or postgres://user:password@host:port/database)")
        }
        return location
    }

    /// At least 32 bytes: HS256 keys shorter than the hash are weak.
    static func signingKey(_ text: String) throws(InvalidValue) -> String {
        guard text.utf8.count >= 32 else {
            throw InvalidValue("is \(text.utf8.count) bytes long; an HS256 signing key needs at least 32 (e.g. `openssl rand -base64 48`)")
        }
        return text
    }

    /// An archive node name: 1 to 64 of `A-Z a-z 0-9 . _ -`, not starting with a dot (a folder name).
    static func nodeName(_ text: String) throws(InvalidValue) -> String {
        let name = text.trimmingCharacters(in: .whitespaces)
        let allowed = name.utf8.allSatisfy { byte in
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == 0x2E || byte == 0x5F || byte == 0x2D
        }
        guard (1...64).contains(name.utf8.count), !name.hasPrefix("."), allowed else {
            throw InvalidValue("\(quoted(text)) is not a node name (1 to 64 of A-Z a-z 0-9 . _ -, not starting with a dot)")
        }
        return name
    }

    /// `receipt=6,payment=10`: years per document kind (lower-case words), each 1 to 100.
    static func retentionByKind(_ text: String) throws(InvalidValue) -> [String: Int] {
        var years: [String: Int] = [:]
        for item in text.split(separator: ",").map({ $0.trimmingCharacters(in: .whitespaces) }) where !item.isEmpty {
            let parts = item.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            guard parts.count == 2, !parts[0].isEmpty, parts[0].allSatisfy({ $0.isASCII && ($0.isLowercase || $0 == "-") }),
                let value = Int(parts[1]), (1...100).contains(value)
            else {
                throw InvalidValue("\(quoted(item)) is not KIND=YEARS (a lower-case document kind such as receipt, and 1 to 100 years), in \(quoted(text))")
            }
            guard years[parts[0]] == nil else { throw InvalidValue("\(quoted(parts[0])) is given twice in \(quoted(text))") }
            years[parts[0]] = value
        }
        guard !years.isEmpty else { throw InvalidValue("is empty; give KIND=YEARS pairs such as receipt=6") }
        return years
    }

    /// `250ms`, `5s`: how durations are written in settings.
    static func describe(_ duration: Duration) -> String {
        let (seconds, attoseconds) = duration.components
        let milliseconds = seconds * 1_000 + attoseconds / 1_000_000_000_000_000
        return milliseconds % 1_000 == 0 ? "\(milliseconds / 1_000)s" : "\(milliseconds)ms"
    }

    static func quoted(_ text: String) -> String {
        let shown = text.count > 60 ? text.prefix(60) + "…" : Substring(text)
        return "\"\(shown)\""
    }
}
