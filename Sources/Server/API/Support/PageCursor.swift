import Foundation

/// Opaque pagination cursors: base64url of a small JSON value the API made. Clients pass `next` back as it is;
/// anything else is refused with 400.
enum PageCursor {
    static func make<Position: Encodable>(_ position: Position) -> String? {
        guard let data = try? JSONEncoder().encode(position) else { return nil }
        return data.base64EncodedString()
            .replacingOccurrences(of: "+", with: "-")
            .replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    static func read<Position: Decodable>(_ text: String, as type: Position.Type, parameter: String = "cursor")
        throws -> Position
    {
        var base64 = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
        base64 += String(repeating: "=", count: (4 - base64.count % 4) % 4)
        guard let data = Data(base64Encoded: base64), let position = try? JSONDecoder().decode(type, from: data) else {
            throw QueryParameters.invalid(parameter, "a cursor this API returned as `next`")
        }
        return position
    }
}

/// The position after a master-data item (its code).
struct CodeCursor: Codable {
    var code: String
}
