import Foundation
import Yams

/// Reads the directory, faults and clients files (YAML, the field names of the spec / of `FaultSettings`).
public enum SandboxFiles {
    /// YAML (the spec's resources) or, for a `.csv` file, one directory line per row (see `DirectoryCSV`).
    public static func directory(path: String) throws(ConfigurationFileError) -> Directory {
        guard path.lowercased().hasSuffix(".csv") else { return try decode(Directory.self, path: path) }
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationFileError(file: path, line: 0, column: 0, message: "cannot be read")
        }
        return try DirectoryCSV.parse(String(decoding: data, as: UTF8.self), file: path)
    }

    public static func faults(path: String) throws(ConfigurationFileError) -> FaultSettings {
        try decode(FaultSettings.self, path: path)
    }

    /// A list of `{clientId, clientSecret}`, or a mapping with a `clients` list.
    public static func clients(path: String) throws(ConfigurationFileError) -> [ClientCredentials] {
        struct Wrapped: Decodable { var clients: [ClientCredentials] }
        if let wrapped = try? decode(Wrapped.self, path: path) { return wrapped.clients }
        return try decode([ClientCredentials].self, path: path)
    }

    static func decode<T: Decodable>(_ type: T.Type, path: String) throws(ConfigurationFileError) -> T {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw ConfigurationFileError(file: path, line: 0, column: 0, message: "cannot be read")
        }
        do {
            return try YAMLDecoder().decode(T.self, from: String(decoding: data, as: UTF8.self))
        } catch let error as DecodingError {
            throw ConfigurationFileError(file: path, line: 0, column: 0, message: error.located)
        } catch {
            throw ConfigurationFileError(file: path, line: 0, column: 0, message: "\(error)")
        }
    }
}
