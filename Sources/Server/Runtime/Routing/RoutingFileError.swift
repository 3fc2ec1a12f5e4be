/// A routing file that cannot be used. Names the file, the line and the field, then what is wrong:
/// `routing.yaml:12: rules[2].when.custmer: is not a condition; did you mean customer?`.
public struct RoutingFileError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; nil when the problem is the whole file.
    public var line: Int?
    /// The dotted path of the field (`routing.rules[2].format`); nil for the whole file.
    public var field: String?
    public var message: String

    public init(file: String, line: Int? = nil, field: String? = nil, message: String) {
        self.file = file
        self.line = line
        self.field = field
        self.message = message
    }

    public var description: String {
        [line.map { "\(file):\($0)" } ?? file, field, message].compactMap { $0 }.joined(separator: ": ")
    }
}
