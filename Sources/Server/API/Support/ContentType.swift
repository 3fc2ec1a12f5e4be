import Hummingbird

/// A parsed `Content-Type`: the media type in lowercase and its parameters (names in lowercase, quotes removed).
struct ContentType: Equatable {
    var mediaType: String
    var parameters: [String: String]

    init?(_ header: String?) {
        guard let header else { return nil }
        let parts = header.split(separator: ";", omittingEmptySubsequences: false)
        let mediaType = parts.first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
        guard mediaType.split(separator: "/").count == 2 else { return nil }
        self.mediaType = mediaType
        var parameters: [String: String] = [:]
        for part in parts.dropFirst() {
            let pair = part.split(separator: "=", maxSplits: 1)
            guard pair.count == 2 else { continue }
            let name = pair[0].trimmingCharacters(in: .whitespaces).lowercased()
            var value = pair[1].trimmingCharacters(in: .whitespaces)
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") { value = String(value.dropFirst().dropLast()) }
            parameters[name] = value
        }
        self.parameters = parameters
    }

    init(_ request: Request) {
        if let parsed = ContentType(request.headers[.contentType]) {
            self = parsed
        } else {
            self.init(mediaType: "", parameters: [:])
        }
    }

    private init(mediaType: String, parameters: [String: String]) {
        self.mediaType = mediaType
        self.parameters = parameters
    }

    var isJSON: Bool { mediaType == "application/json" || (mediaType.hasPrefix("application/") && mediaType.hasSuffix("+json")) }
    var isXML: Bool { mediaType == "application/xml" || mediaType == "text/xml" || mediaType.hasSuffix("+xml") }
    var isPDF: Bool { mediaType == "application/pdf" }
    var isMultipartForm: Bool { mediaType == "multipart/form-data" }
    var isMissing: Bool { mediaType.isEmpty }
}
