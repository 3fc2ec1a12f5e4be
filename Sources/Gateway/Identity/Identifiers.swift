import Foundation

/// A tenant: one company (or one legal entity) using the gateway. Every row and every query is scoped by it.
public struct TenantID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public var description: String { rawValue }
}

/// The gateway's own id of an invoice (a lowercase UUID), distinct from the ERP's document number (BT-1).
public struct InvoiceID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static func make() -> InvoiceID { InvoiceID(UUID().uuidString.lowercased()) }
    public var description: String { rawValue }
}

/// The id of a pipeline job.
public struct JobID: RawRepresentable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var rawValue: String
    public init(rawValue: String) { self.rawValue = rawValue }
    public init(_ rawValue: String) { self.rawValue = rawValue }
    public static func make() -> JobID { JobID(UUID().uuidString.lowercased()) }
    public var description: String { rawValue }
}
