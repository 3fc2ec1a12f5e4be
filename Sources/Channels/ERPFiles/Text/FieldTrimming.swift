import Foundation

extension String {
    /// The text without leading and trailing white space and line breaks, as
    /// `trimmingCharacters(in: .whitespacesAndNewlines)` gives it, but without Foundation's cost for the usual cell
    /// that has none (a million CSV cells per large file): when both ends are ASCII and not white space, the text is
    /// returned as it is; otherwise Foundation trims it.
    var trimmedField: String {
        guard let first = utf8.first, let last = utf8.last else { return self }
        if first < 0x80, last < 0x80, !Self.isASCIIWhitespace(first), !Self.isASCIIWhitespace(last) { return self }
        return trimmingCharacters(in: .whitespacesAndNewlines)
    }

    private static func isASCIIWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || (0x09...0x0D).contains(byte)
    }
}
