import Yams

/// A bad configuration file: the file, the line and column, and what to fix.
public struct ConfigurationFileError: Error, CustomStringConvertible, Sendable {
    public var file: String
    public var line: Int
    public var column: Int
    public var message: String

    public var description: String {
        line > 0 ? "\(file):\(line):\(column): \(message)" : "\(file): \(message)"
    }
}

/// A YAML node with its place in the file, read field by field with located errors.
struct YAMLValue {
    let node: Node
    let file: String
    let path: String

    static func parse(_ text: String, file: String) throws(ConfigurationFileError) -> YAMLValue? {
        do {
            guard let node = try Yams.compose(yaml: text) else { return nil }
            return YAMLValue(node: node, file: file, path: "")
        } catch let error as YamlError {
            throw ConfigurationFileError(file: file, line: 0, column: 0, message: "not valid YAML: \(error)")
        } catch {
            throw ConfigurationFileError(file: file, line: 0, column: 0, message: "not valid YAML: \(error)")
        }
    }

    func fail(_ message: String) -> ConfigurationFileError {
        ConfigurationFileError(file: file, line: node.mark?.line ?? 0, column: node.mark?.column ?? 0,
                               message: (path.isEmpty ? "" : path + ": ") + message)
    }

    var text: String? { node.scalar?.string }

    func string() throws(ConfigurationFileError) -> String {
        guard let text = node.scalar?.string else { throw fail("expected a text value") }
        return text
    }

    func mapping() throws(ConfigurationFileError) -> [(key: String, value: YAMLValue)] {
        guard let mapping = node.mapping else { throw fail("expected a mapping (key: value)") }
        return mapping.map { pair in
            let key = pair.key.scalar?.string ?? ""
            return (key, YAMLValue(node: pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)"))
        }
    }

    func sequence() throws(ConfigurationFileError) -> [YAMLValue] {
        guard let sequence = node.sequence else { throw fail("expected a list") }
        return sequence.enumerated().map { index, item in YAMLValue(node: item, file: file, path: "\(path)[\(index)]") }
    }

    subscript(key: String) -> YAMLValue? {
        guard let mapping = node.mapping else { return nil }
        for pair in mapping where pair.key.scalar?.string == key {
            return YAMLValue(node: pair.value, file: file, path: path.isEmpty ? key : "\(path).\(key)")
        }
        return nil
    }

    /// Fails on keys outside `known` (a typo must not be ignored silently).
    func requireKeys(in known: Set<String>) throws(ConfigurationFileError) {
        for (key, value) in try mapping() where !known.contains(key) {
            throw value.fail("unknown key (known: \(known.sorted().joined(separator: ", ")))")
        }
    }

    /// Seconds: a number, or a number with `s`, `m`, `h` or `d`.
    func duration() throws(ConfigurationFileError) -> Double {
        let raw = try string().trimmingCharactersInSpace
        let units: [Character: Double] = ["s": 1, "m": 60, "h": 3600, "d": 86400]
        var number = Substring(raw)
        var unit = 1.0
        if let last = raw.last, let factor = units[last] {
            number = raw.dropLast()
            unit = factor
        }
        guard let value = Double(number), value >= 0, value.isFinite else {
            throw fail("'\(raw)' is not a duration (e.g. 30s, 5m, 2h, 1d, or seconds)")
        }
        return value * unit
    }

    func integer() throws(ConfigurationFileError) -> Int {
        guard let value = Int(try string()) else { throw fail("expected a whole number") }
        return value
    }

    func boolean() throws(ConfigurationFileError) -> Bool {
        switch try string().lowercased() {
        case "true", "yes", "on": return true
        case "false", "no", "off": return false
        default: throw fail("expected true or false")
        }
    }
}

extension String {
    var trimmingCharactersInSpace: String {
        var text = Substring(self)
        while text.first?.isWhitespace == true { text = text.dropFirst() }
        while text.last?.isWhitespace == true { text = text.dropLast() }
        return String(text)
    }
}
