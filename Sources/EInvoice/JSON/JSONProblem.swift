/// The kinds of JSON value a field can hold or expect, named in messages.
enum JSONKind: Sendable, Hashable {
    case object, array, string, number, boolean, null
    /// A decimal number: a string such as "1234.50" (or a JSON number).
    case decimal
    /// A date "YYYY-MM-DD".
    case date
    /// An identifier: a string, or an object {"value", "schemeID"}.
    case identifier
    /// A value whose kind the decoder did not say.
    case other

    var english: String {
        switch self {
        case .object: "an object"
        case .array: "an array"
        case .string: "a string"
        case .number: "a number"
        case .boolean: "true or false"
        case .null: "null"
        case .decimal: "a decimal number such as \"1234.50\""
        case .date: "a date such as \"2026-11-02\""
        case .identifier: "an identifier: a string, or an object {\"value\", \"schemeID\"}"
        case .other: "another kind of value"
        }
    }

    var french: String {
        switch self {
        case .object: "un objet"
        case .array: "un tableau"
        case .string: "une chaîne de caractères"
        case .number: "un nombre"
        case .boolean: "true ou false"
        case .null: "null"
        case .decimal: "un nombre décimal tel que \"1234.50\""
        case .date: "une date telle que \"2026-11-02\""
        case .identifier: "un identifiant : une chaîne, ou un objet {\"value\", \"schemeID\"}"
        case .other: "une autre sorte de valeur"
        }
    }
}

/// What is wrong with one field of a JSON invoice. It travels as the `underlyingError` of the `DecodingError`
/// thrown by the `init(from:)` of the model types, and becomes the message of `InvoiceJSON.Failure`.
enum JSONProblem: Error, Sendable, Equatable {
    case wrongType(expected: JSONKind, found: JSONKind)
    case notADecimal(text: String, reason: DecimalParseError)
    case notADate(text: String)
    case notBase64
    case unknownKey(String, suggestion: String?, others: Int)
    case missingValue(JSONKind)

    var english: String {
        switch self {
        case let .wrongType(expected, found):
            "expected \(expected.english), found \(found.english)"
        case let .notADecimal(text, reason):
            "\(Self.quoted(text)) is not a decimal number: \(reason.description)"
        case let .notADate(text):
            "\(Self.quoted(text)) is not a date; write an existing date as YYYY-MM-DD, e.g. \"2026-11-02\""
        case .notBase64:
            "the attachment content is not valid base64 (A–Z, a–z, 0–9, +, /, padded with =)"
        case let .unknownKey(key, suggestion, others):
            "unknown key \(Self.quoted(key))"
                + (suggestion.map { "; did you mean \(Self.quoted($0))?" } ?? "")
                + (others > 0 ? " (and \(others) other unknown key\(others == 1 ? "" : "s") in this object)" : "")
        case let .missingValue(kind):
            "this field is required here: give \(kind.english)"
        }
    }

    var french: String {
        switch self {
        case let .wrongType(expected, found):
            "attendu : \(expected.french) ; trouvé : \(found.french)"
        case let .notADecimal(text, reason):
            "\(Self.quoted(text)) n'est pas un nombre décimal : \(Self.french(reason))"
        case let .notADate(text):
            "\(Self.quoted(text)) n'est pas une date ; écrivez une date qui existe au format AAAA-MM-JJ, p. ex. \"2026-11-02\""
        case .notBase64:
            "le contenu de la pièce jointe n'est pas du base64 valide (A–Z, a–z, 0–9, +, /, complété par =)"
        case let .unknownKey(key, suggestion, others):
            "clé inconnue \(Self.quoted(key))"
                + (suggestion.map { " ; vouliez-vous dire \(Self.quoted($0)) ?" } ?? "")
                + (others > 0 ? " (et \(others) autre\(others == 1 ? "" : "s") clé\(others == 1 ? "" : "s") inconnue\(others == 1 ? "" : "s") dans cet objet)" : "")
        case let .missingValue(kind):
            "ce champ est obligatoire ici : indiquez \(kind.french)"
        }
    }

    /// Which `InvoiceJSON.Failure.Reason` the problem is.
    var reason: InvoiceJSON.Failure.Reason {
        switch self {
        case .wrongType: .wrongType
        case .notADecimal, .notADate, .notBase64: .invalidValue
        case .unknownKey: .unknownKey
        case .missingValue: .missingValue
        }
    }

    private static func french(_ reason: DecimalParseError) -> String {
        switch reason {
        case .empty: "une valeur vide n'est pas un nombre"
        case let .unexpectedCharacter(character, offset):
            "caractère inattendu '\(character)' en position \(offset + 1) ; écrivez les nombres comme 1234.56 (un point, sans séparateur de milliers)"
        case let .tooManyFractionDigits(count): "\(count) chiffres après la virgule ; 18 au plus sont acceptés"
        case .tooLarge: "le nombre est trop grand ; 19 chiffres au plus sont acceptés avant la virgule"
        }
    }

    /// A value quoted for a message, cut to 40 characters: enough to recognise it, never a whole text.
    static func quoted(_ text: String) -> String {
        let shown = text.count > 40 ? String(text.prefix(40)) + "…" : text
        return "\"\(shown)\""
    }
}
