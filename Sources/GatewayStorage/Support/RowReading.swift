import Foundation
import Gateway
import SQLKit

/// Typed column reads that fail with a ``StoreError`` naming the column, never with driver text.
struct RowReader {
    let row: any SQLRow
    /// The table (or result) being read, for the error message.
    let source: String

    init(_ row: any SQLRow, _ source: String) {
        self.row = row
        self.source = source
    }

    func value<Value: Decodable>(_ column: String, as type: Value.Type = Value.self) throws -> Value {
        do {
            return try row.decode(column: column, as: Value.self)
        } catch {
            throw StoreError.unavailable("\(source).\(column) is not readable as \(Value.self)")
        }
    }

    func string(_ column: String) throws -> String { try value(column) }
    func optionalString(_ column: String) throws -> String? { try value(column, as: String?.self) }
    func int(_ column: String) throws -> Int { try value(column) }
    func int64(_ column: String) throws -> Int64 { try value(column) }
    func optionalInt(_ column: String) throws -> Int? { try value(column, as: Int?.self) }
    func bool(_ column: String) throws -> Bool { try value(column) }

    func date(_ column: String) throws -> Date {
        StoredValues.date(milliseconds: try int64(column))
    }

    func optionalDate(_ column: String) throws -> Date? {
        try value(column, as: Int64?.self).map(StoredValues.date(milliseconds:))
    }

    func bytes(_ column: String) throws -> [UInt8] {
        Array(try value(column, as: Data.self))
    }

    /// A text column holding one of an enum's raw values.
    func enumeration<Value: RawRepresentable>(_ column: String, as type: Value.Type = Value.self) throws -> Value
    where Value.RawValue == String {
        let text = try string(column)
        guard let value = Value(rawValue: text) else {
            throw StoreError.unavailable("\(source).\(column) holds an unknown \(Value.self)")
        }
        return value
    }
}
