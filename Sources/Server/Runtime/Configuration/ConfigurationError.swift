/// A setting that stops start-up. The message names where it came from and the setting, then what is wrong:
/// `config.yaml: server.port: "80x" is not a port number (1-65535, or 0 for any free port)`.
public struct ConfigurationError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file path; nil for environment variables and command-line options (the setting's name says where).
    public var source: String?
    /// `server.port`, `PASSERELLE_SERVER_PORT` or `--port`; nil when the problem is the whole file.
    public var setting: String?
    public var message: String

    public init(source: String? = nil, setting: String? = nil, message: String) {
        self.source = source
        self.setting = setting
        self.message = message
    }

    public var description: String {
        [source, setting, message].compactMap { $0 }.joined(separator: ": ")
    }
}

/// What is wrong with one value, before the loader adds where it came from.
struct InvalidValue: Error, Sendable {
    var message: String
    init(_ message: String) { self.message = message }
}
