import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import NIOCore

/// Calls the API with a key and reads the answers.
struct APIClient: Sendable {
    var client: any TestClientProtocol

    func call(_ method: HTTPRequest.Method, _ path: String, key: String?, body: [UInt8]? = nil,
              contentType: String? = nil, headers extra: [String: String] = [:]) async throws -> APIReply
    {
        var headers = HTTPFields()
        if let key { headers[.authorization] = "Bearer \(key)" }
        if let contentType { headers[.contentType] = contentType }
        for (name, value) in extra {
            if let field = HTTPField.Name(name) { headers[field] = value }
        }
        let response = try await client.execute(
            uri: path, method: method, headers: headers, body: body.map { ByteBuffer(bytes: $0) })
        return APIReply(status: response.status.code, headers: response.headers,
                        body: Array(response.body.readableBytesView))
    }

    func get(_ path: String, key: String?, headers: [String: String] = [:]) async throws -> APIReply {
        try await call(.get, path, key: key, headers: headers)
    }

    func delete(_ path: String, key: String?, headers: [String: String] = [:]) async throws -> APIReply {
        try await call(.delete, path, key: key, headers: headers)
    }

    /// JSON bytes of a value made of dictionaries, arrays, strings, numbers and booleans.
    static func encode(_ json: Any) throws -> [UInt8] {
        Array(try JSONSerialization.data(withJSONObject: json, options: [.sortedKeys, .fragmentsAllowed]))
    }

    /// A JSON body, written from a value made of dictionaries, arrays, strings, numbers and booleans.
    func send(_ method: HTTPRequest.Method, _ path: String, key: String?, json: Any,
              headers: [String: String] = [:]) async throws -> APIReply
    {
        let bytes = try Self.encode(json)
        return try await call(method, path, key: key, body: bytes, contentType: "application/json", headers: headers)
    }
}

/// An answer of the API.
struct APIReply: Sendable {
    var status: Int
    var headers: HTTPFields
    var body: [UInt8]

    var json: JSON { JSON(parsing: body) }
    var text: String { String(decoding: body, as: UTF8.self) }

    func header(_ name: String) -> String? {
        HTTPField.Name(name).flatMap { headers[$0] }
    }
}

/// Read access to a parsed JSON value, for assertions: a missing key or a wrong type reads as nil.
struct JSON: @unchecked Sendable, CustomStringConvertible {
    var value: Any?

    init(parsing bytes: [UInt8]) {
        value = try? JSONSerialization.jsonObject(with: Data(bytes), options: [.fragmentsAllowed])
    }

    init(_ value: Any?) { self.value = value }

    subscript(key: String) -> JSON { JSON((value as? [String: Any])?[key]) }
    subscript(index: Int) -> JSON {
        guard let array = value as? [Any], array.indices.contains(index) else { return JSON(nil) }
        return JSON(array[index])
    }

    var string: String? { value as? String }
    var int: Int? { (value as? NSNumber).map(\.intValue) }
    var bool: Bool? { value as? Bool }
    var array: [JSON] { (value as? [Any] ?? []).map(JSON.init) }
    var keys: Set<String> { Set((value as? [String: Any]).map { Array($0.keys) } ?? []) }
    var isNull: Bool { value == nil || value is NSNull }
    var description: String {
        guard let value, let data = try? JSONSerialization.data(withJSONObject: value, options: [.sortedKeys, .fragmentsAllowed])
        else { return "nil" }
        return String(decoding: data, as: UTF8.self)
    }
}
