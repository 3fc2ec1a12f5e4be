/// `{"value": "123456782", "schemeID": "0002"}`; a plain string is read as an identifier without scheme.
extension Identifier: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case value, schemeID }

    public init(from decoder: any Decoder) throws {
        if let tree = decoder as? JSONTreeDecoder {
            if tree.kind == .string {
                self.init(tree.document.string(tree.index).trimmedJSONWhitespace)
                return
            }
        } else if let single = try? decoder.singleValueContainer(), let text = try? single.decode(String.self) {
            self.init(text.trimmedJSONWhitespace)
            return
        }
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self, expected: .identifier)
        self.init(try container.text(.value), schemeID: try container.optionalText(.schemeID))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(value, forKey: .value)
        try container.encodeIfPresent(schemeID, forKey: .schemeID)
    }
}

/// `"2026-11-02"`, and only that form.
extension CalendarDate: Codable {
    public init(from decoder: any Decoder) throws {
        let single = try decoder.singleValueContainer()
        guard let text = try? single.decode(String.self) else {
            let problem = JSONProblem.wrongType(expected: .date, found: decoder.foundKind())
            throw DecodingError.typeMismatch(
                CalendarDate.self,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.english, underlyingError: problem))
        }
        // CalendarDate(text:) also reads the CII form YYYYMMDD; JSON takes only YYYY-MM-DD.
        guard text.utf8.count == 10, let date = CalendarDate(text: text) else {
            let problem = JSONProblem.notADate(text: text)
            throw DecodingError.dataCorrupted(
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.english, underlyingError: problem))
        }
        self = date
    }

    public func encode(to encoder: any Encoder) throws {
        var single = encoder.singleValueContainer()
        try single.encode(isoText)
    }
}

extension Period: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case startDate, endDate }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        self.init(startDate: try container.optional(.startDate), endDate: try container.optional(.endDate))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeIfPresent(startDate, forKey: .startDate)
        try container.encodeIfPresent(endDate, forKey: .endDate)
    }
}

/// `{"value": "12.5", "unitCode": "C62"}`; the value is required.
extension Quantity: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case value, unitCode }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        guard let value: ExactDecimal = try container.optional(.value) else {
            let problem = JSONProblem.missingValue(.decimal)
            throw DecodingError.keyNotFound(
                CodingKeys.value,
                DecodingError.Context(codingPath: decoder.codingPath, debugDescription: problem.english, underlyingError: problem))
        }
        self.init(value, unitCode: try container.optionalText(.unitCode))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(value, forKey: .value)
        try container.encodeIfPresent(unitCode, forKey: .unitCode)
    }
}

/// `{"base64Content": "JVBERi0…", "mimeCode": "application/pdf", "filename": "bon.pdf"}`: the content stays base64,
/// verbatim, and must be valid base64 (line breaks allowed).
extension BinaryObject: Codable {
    enum CodingKeys: String, CodingKey, CaseIterable { case base64Content, mimeCode, filename }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.strictContainer(keyedBy: CodingKeys.self)
        let content = try container.untrimmedText(.base64Content) ?? ""
        guard Self.isBase64(content) else {
            let problem = JSONProblem.notBase64
            throw DecodingError.dataCorrupted(DecodingError.Context(
                codingPath: decoder.codingPath + [CodingKeys.base64Content], debugDescription: problem.english,
                underlyingError: problem))
        }
        self.init(base64Content: content, mimeCode: try container.optionalText(.mimeCode),
                  filename: try container.optionalText(.filename))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encodeText(base64Content, forKey: .base64Content)
        try container.encodeIfPresent(mimeCode, forKey: .mimeCode)
        try container.encodeIfPresent(filename, forKey: .filename)
    }

    /// RFC 4648 base64: groups of 4 of A–Z a–z 0–9 + /, at most two `=` at the very end; whitespace ignored.
    static func isBase64(_ text: String) -> Bool {
        var count = 0
        var padding = 0
        for byte in text.utf8 {
            switch byte {
            case 0x20, 0x09, 0x0A, 0x0D:
                continue
            case UInt8(ascii: "="):
                padding += 1
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "/"):
                guard padding == 0 else { return false }
            default:
                return false
            }
            count += 1
        }
        return count % 4 == 0 && padding <= 2
    }
}
