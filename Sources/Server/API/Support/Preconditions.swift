import Hummingbird

/// Optimistic concurrency: versions travel as strong ETags (`"3"`), and writes name the version they were made
/// against with `If-Match`. `If-None-Match: *` asks that the resource does not exist yet.
enum VersionCondition: Equatable {
    /// No condition: the write wins.
    case none
    /// `If-Match: *`: the resource must exist.
    case exists
    /// `If-Match: "n"`: the stored version must be n.
    case version(Int)
    /// `If-None-Match: *`: the resource must not exist.
    case absent

    init(_ request: Request) throws {
        let ifMatch = request.headers[.ifMatch]?.trimmingCharacters(in: .whitespaces)
        let ifNoneMatch = request.headers[.ifNoneMatch]?.trimmingCharacters(in: .whitespaces)
        switch (ifMatch, ifNoneMatch) {
        case (nil, nil):
            self = .none
        case (nil, "*"):
            self = .absent
        case (nil, .some):
            throw ProblemError(.badRequest, title: "Unsupported If-None-Match",
                               detail: "Writes take If-None-Match: * only (create, do not replace).")
        case (.some(let value), nil):
            if value == "*" {
                self = .exists
            } else if let version = ETag.version(value) {
                self = .version(version)
            } else {
                throw ProblemError(.badRequest, title: "Invalid If-Match",
                                   detail: "If-Match takes the ETag this API returned, e.g. \"3\"; got \(value).")
            }
        case (.some, .some):
            throw ProblemError(.badRequest, title: "Conflicting preconditions",
                               detail: "Send If-Match or If-None-Match, not both.")
        }
    }
}

/// Entity tags of versioned resources and documents.
enum ETag {
    static func of(version: Int) -> String { "\"\(version)\"" }
    static func of(hash: String) -> String { "\"\(hash)\"" }

    /// The version in `"3"`, `W/"3"` or `3`.
    static func version(_ tag: String) -> Int? {
        var text = Substring(tag)
        if text.hasPrefix("W/") { text = text.dropFirst(2) }
        if text.hasPrefix("\""), text.hasSuffix("\""), text.count >= 2 { text = text.dropFirst().dropLast() }
        guard let version = Int(text), version >= 0 else { return nil }
        return version
    }

    /// Whether an `If-None-Match` header names `tag` (or is `*`).
    static func matches(_ header: String?, _ tag: String) -> Bool {
        guard let header else { return false }
        return header.split(separator: ",").contains { candidate in
            let trimmed = candidate.trimmingCharacters(in: .whitespaces)
            return trimmed == "*" || trimmed == tag || trimmed == "W/" + tag
        }
    }
}
