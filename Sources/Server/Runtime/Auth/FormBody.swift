import Foundation

/// `application/x-www-form-urlencoded` fields (RFC 6749 §4.4.2 sends the token request this way).
enum FormBody {
    enum Failure: Error, Equatable {
        case malformed
        case repeated(String)
    }

    /// Each name once: RFC 6749 §3.2 forbids repeating a parameter.
    static func fields(of text: String) throws(Failure) -> [String: String] {
        var fields: [String: String] = [:]
        for pair in text.split(separator: "&", omittingEmptySubsequences: true) {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            guard let name = decode(parts[0]) else { throw .malformed }
            guard let value = parts.count == 2 ? decode(parts[1]) : "" else { throw .malformed }
            guard fields[name] == nil else { throw .repeated(name) }
            fields[name] = value
        }
        return fields
    }

    private static func decode(_ part: Substring) -> String? {
        String(part).replacingOccurrences(of: "+", with: " ").removingPercentEncoding
    }
}
