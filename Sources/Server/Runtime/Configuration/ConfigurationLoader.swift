import Foundation
import Yams

/// Builds the ``ServerConfiguration`` from its layers: defaults, the YAML file, `PASSERELLE_*` environment variables,
/// then command-line options. Any bad value, unknown key or contradiction stops it with a ``ConfigurationError``.
public struct ConfigurationLoader: Sendable {
    /// One command-line option: its spelling (`--port`), the setting it sets (`server.port`) and the value given.
    public struct Override: Sendable {
        public var option: String
        public var key: String
        public var value: String

        public init(option: String, key: String, value: String) {
            self.option = option
            self.key = key
            self.value = value
        }
    }

    /// The configuration and the notes worth logging (unknown `PASSERELLE_*` variables).
    public struct Loaded: Sendable {
        public var configuration: ServerConfiguration
        public var warnings: [String]
    }

    /// The environment variable naming the config file when `--config` is not given.
    public static let configFileVariable = "PASSERELLE_CONFIG"

    public var environment: [String: String]

    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.environment = environment
    }

    public func load(file: String?, overrides: [Override] = []) throws(ConfigurationError) -> Loaded {
        var configuration = ServerConfiguration()
        var warnings: [String] = []
        if let path = file ?? environment[Self.configFileVariable], !path.isEmpty {
            let text: String
            do {
                text = try String(contentsOfFile: path, encoding: .utf8)
            } catch {
                throw ConfigurationError(source: path, message: "cannot be read (\(Self.reason(error)))")
            }
            for entry in try YAMLSettings.entries(of: text, source: path) {
                try apply(entry.value, to: entry.key, in: &configuration, source: path, name: entry.key)
            }
        }
        for (name, value) in environment.sorted(by: { $0.key < $1.key }) where name.hasPrefix("PASSERELLE_") {
            guard name != Self.configFileVariable else { continue }
            guard let setting = ConfigurationSetting.all.first(where: { $0.environmentVariable == name }) else {
                warnings.append("\(name) is not a Passerelle setting and is ignored (see docs/serve.md for the list)")
                continue
            }
            try apply(value, to: setting.key, in: &configuration, source: nil, name: name)
        }
        for override in overrides {
            try apply(override.value, to: override.key, in: &configuration, source: nil, name: override.option)
        }
        try Self.checkConsistency(configuration)
        return Loaded(configuration: configuration, warnings: warnings)
    }

    private func apply(_ value: String, to key: String, in configuration: inout ServerConfiguration, source: String?,
                       name: String) throws(ConfigurationError)
    {
        guard let setting = ConfigurationSetting.named(key) else {
            throw ConfigurationError(source: source, setting: name, message: Self.unknownKeyMessage(key))
        }
        do {
            try setting.apply(&configuration, value)
        } catch {
            throw ConfigurationError(source: source, setting: name, message: error.message)
        }
    }

    /// Settings that are fine alone but not together.
    static func checkConsistency(_ configuration: ServerConfiguration) throws(ConfigurationError) {
        switch (configuration.server.certificateFile, configuration.server.privateKeyFile) {
        case (.some, nil):
            throw ConfigurationError(setting: "server.tls.private_key",
                                     message: "is missing: server.tls.certificate is set, and HTTPS needs both")
        case (nil, .some):
            throw ConfigurationError(setting: "server.tls.certificate",
                                     message: "is missing: server.tls.private_key is set, and HTTPS needs both")
        default:
            break
        }
        try checkPlatform(configuration.platform)
    }

    /// "unknown setting", with the nearest known key when the key looks like a typo.
    static func unknownKeyMessage(_ key: String) -> String {
        let sections = Set(ConfigurationSetting.all.flatMap { setting in
            let parts = setting.key.split(separator: ".")
            return (1..<max(parts.count, 1)).map { parts.prefix($0).joined(separator: ".") }
        })
        if sections.contains(key) {
            let inside = ConfigurationSetting.all.map(\.key).filter { $0.hasPrefix(key + ".") }
            return "is a section, not a value; set its keys instead (\(inside.joined(separator: ", ")))"
        }
        let nearest = ConfigurationSetting.all.map(\.key)
            .map { ($0, EditDistance.between($0, key)) }
            .min { $0.1 < $1.1 }
        if let nearest, nearest.1 <= 3 {
            return "is not a setting; did you mean \(nearest.0)?"
        }
        return "is not a setting (see docs/passerelle.example.yaml for the list)"
    }

    static func reason(_ error: any Error) -> String {
        let nsError = error as NSError
        if let underlying = nsError.userInfo[NSUnderlyingErrorKey] as? NSError, underlying.domain == NSPOSIXErrorDomain,
            let code = POSIXErrorCode(rawValue: Int32(underlying.code))
        {
            return String(cString: strerror(code.rawValue))
        }
        return nsError.localizedDescription
    }
}

/// Reads the YAML file into dotted keys and scalar values.
enum YAMLSettings {
    static func entries(of text: String, source: String) throws(ConfigurationError) -> [(key: String, value: String)] {
        let root: Node?
        do {
            root = try Yams.compose(yaml: text)
        } catch {
            throw ConfigurationError(source: source, message: "is not valid YAML (\(oneLine(error)))")
        }
        guard let root else { return [] }
        guard case .mapping(let mapping) = root else {
            throw ConfigurationError(source: source, message: "must be a mapping of settings (like `server:` then `  port: 8080`)")
        }
        var entries: [(key: String, value: String)] = []
        try flatten(mapping, prefix: "", source: source, into: &entries)
        return entries
    }

    /// Yams quotes the offending lines after its message; keep the message and the position.
    static func oneLine(_ error: any Error) -> String {
        let lines = String(describing: error).split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }
        let kept = lines.prefix(1) + lines.dropFirst().filter { $0.hasPrefix("in line") || $0.hasPrefix("line ") }
        return kept.joined(separator: " ")
    }

    private static func flatten(_ mapping: Node.Mapping, prefix: String, source: String,
                                into entries: inout [(key: String, value: String)]) throws(ConfigurationError)
    {
        var seen: Set<String> = []
        for (keyNode, valueNode) in mapping {
            guard case .scalar(let keyScalar) = keyNode else {
                throw ConfigurationError(source: source, setting: prefix.isEmpty ? nil : prefix,
                                         message: "has a key that is not a plain name")
            }
            let key = prefix.isEmpty ? keyScalar.string : prefix + "." + keyScalar.string
            guard seen.insert(keyScalar.string).inserted else {
                throw ConfigurationError(source: source, setting: key, message: "is set twice")
            }
            switch valueNode {
            case .mapping(let inner):
                guard ConfigurationSetting.named(key) == nil else {
                    throw ConfigurationError(source: source, setting: key, message: "takes one value, not a section")
                }
                try flatten(inner, prefix: key, source: source, into: &entries)
            case .scalar(let scalar):
                if valueNode.tag == Tag(.null) { continue }
                guard ConfigurationSetting.named(key) != nil else {
                    throw ConfigurationError(source: source, setting: key,
                                             message: ConfigurationLoader.unknownKeyMessage(key))
                }
                entries.append((key, scalar.string))
            case .sequence:
                throw ConfigurationError(source: source, setting: key, message: "is a list; it takes one value")
            case .alias:
                throw ConfigurationError(source: source, setting: key, message: "uses a YAML alias; write the value")
            }
        }
    }
}
