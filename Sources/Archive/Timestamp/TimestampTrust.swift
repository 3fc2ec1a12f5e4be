import Foundation
import SwiftASN1
import X509

/// The certificates a time-stamp token must chain to: the TSA's own certificate, or the CA that issued it (or
/// both), read from one PEM file. Also the PEM text itself, which an export ships for `openssl ts -verify -CAfile`.
public struct TimestampTrust: Sendable {
    public let certificates: [Certificate]
    public let pem: String

    public init(pem: String) throws {
        let documents: [PEMDocument]
        do {
            documents = try PEMDocument.parseMultiple(pemString: pem)
        } catch {
            throw TimestampProblem("the TSA certificate file is not PEM: \(error)")
        }
        let certificates = try documents.filter { $0.discriminator == "CERTIFICATE" }.map {
            do {
                return try Certificate(derEncoded: $0.derBytes)
            } catch {
                throw TimestampProblem("a certificate of the TSA certificate file cannot be read: \(error)")
            }
        }
        guard !certificates.isEmpty else { throw TimestampProblem("the TSA certificate file holds no CERTIFICATE") }
        self.certificates = certificates
        self.pem = pem
    }

    public static func load(path: String) throws -> TimestampTrust {
        guard let bytes = try POSIXFile.readFile(path) else {
            throw TimestampProblem("no TSA certificate file at \(path)")
        }
        return try TimestampTrust(pem: String(decoding: bytes, as: UTF8.self))
    }
}

/// Optional RFC 3161 time-stamping of seals (`ArchiveConfiguration.timestamping`).
public struct TimestampingConfiguration: Sendable {
    /// The TSA's URL (HTTP POST of `application/timestamp-query`).
    public var authorityURL: String
    /// The TSA certificate or its CA, to check replies before they are stored (and tokens in `verify`).
    public var trust: TimestampTrust
    /// A token's genTime may be this much before the seal's own time (clock skew between the archive and the TSA).
    public var tolerance: TimeInterval
    public var requestTimeout: Duration

    public init(authorityURL: String, trust: TimestampTrust, tolerance: TimeInterval = 300,
                requestTimeout: Duration = .seconds(30)) {
        self.authorityURL = authorityURL
        self.trust = trust
        self.tolerance = tolerance
        self.requestTimeout = requestTimeout
    }
}

/// What `verify` checks tokens against.
public struct TimestampVerification: Sendable {
    /// nil: tokens are checked against the certificate they carry only (integrity, not who signed): a note says so.
    public var trust: TimestampTrust?
    public var tolerance: TimeInterval
    /// Every seal from this number on must have a valid token (nil: a missing token is a note, not a failure).
    public var requiredFromSeal: Int?

    public init(trust: TimestampTrust?, tolerance: TimeInterval = 300, requiredFromSeal: Int? = nil) {
        self.trust = trust
        self.tolerance = tolerance
        self.requiredFromSeal = requiredFromSeal
    }
}
