/// Why a CDAR message was refused, with the line and column of the element at fault (for a missing element, of
/// the element that should contain it) and its XPath.
public struct CDARReadError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Reason: Sendable, Equatable {
        /// The XML itself was refused (malformed, DOCTYPE, entity, too large, …).
        case xml(XMLReadError.Reason)
        /// The root is not `rsm:CrossDomainAcknowledgementAndResponse`.
        case notCDAR(root: String)
        /// A mandatory element is missing: its name and the term it carries.
        case missing(element: String, term: String)
        /// An element's value is not acceptable: the value and what is expected.
        case invalid(element: String, value: String, expected: String)
        /// The message uses something we do not support (several acknowledgements or invoices in one message).
        case unsupported(String)
    }

    public var reason: Reason
    public var line: Int
    public var column: Int
    /// Where: the XPath of the element at fault (or of the one that should contain the missing element).
    public var path: String

    public init(_ reason: Reason, line: Int, column: Int, path: String) {
        self.reason = reason
        self.line = line
        self.column = column
        self.path = path
    }

    public var description: String { "line \(line), column \(column) (\(path)): \(explanation)" }

    public var explanation: String {
        switch reason {
        case let .xml(reason): XMLReadError(reason, line: line, column: column).explanation
        case let .notCDAR(root):
            "the root element is <\(root)>; a lifecycle message is an rsm:CrossDomainAcknowledgementAndResponse"
        case let .missing(element, term): "\(element) (\(term)) is missing; it is mandatory"
        case let .invalid(element, value, expected): "\(element) is '\(value)'; expected \(expected)"
        case let .unsupported(detail): detail
        }
    }
}
