import Crypto
import SwiftASN1

/// An RFC 3161 `TimeStampReq` for a SHA-256 hash:
///
///     TimeStampReq ::= SEQUENCE {
///        version        INTEGER { v1(1) },
///        messageImprint SEQUENCE { hashAlgorithm AlgorithmIdentifier, hashedMessage OCTET STRING },
///        reqPolicy      TSAPolicyId OPTIONAL,        -- not sent: the TSA's default policy
///        nonce          INTEGER OPTIONAL,            -- 63 random bits, checked in the reply
///        certReq        BOOLEAN DEFAULT FALSE,       -- TRUE: the token carries the TSA's certificate
///        extensions     [0] IMPLICIT Extensions OPTIONAL }
public struct TimestampRequest: Sendable, Hashable {
    /// The 32-byte SHA-256 being time-stamped (here: a seal's `hash`).
    public var hashedMessage: [UInt8]
    /// A positive 63-bit nonce.
    public var nonce: UInt64
    public var certificateRequested: Bool

    public init(sha256 hashedMessage: [UInt8], nonce: UInt64 = UInt64.random(in: 1...UInt64(Int64.max)),
                certificateRequested: Bool = true) {
        self.hashedMessage = hashedMessage
        self.nonce = nonce
        self.certificateRequested = certificateRequested
    }

    /// The DER bytes to POST as `application/timestamp-query`.
    public func derEncoded() throws -> [UInt8] {
        var coder = DER.Serializer()
        try coder.appendConstructedNode(identifier: .sequence) { coder in
            try coder.serialize(1)
            try coder.appendConstructedNode(identifier: .sequence) { coder in
                try AlgorithmIdentifierDER.serialize(TimestampOID.sha256, into: &coder)
                try coder.serialize(ASN1OctetString(contentBytes: hashedMessage[...]))
            }
            try coder.serialize(nonce)
            if certificateRequested { try coder.serialize(true) }
        }
        return coder.serializedBytes
    }

    /// The nonce as lower-case hex of its minimal big-endian bytes (how a record stores it and a token echoes it).
    public var nonceHex: String { Hex.string(Self.minimalBytes(nonce)) }

    static func minimalBytes(_ value: UInt64) -> [UInt8] {
        var bytes = withUnsafeBytes(of: value.bigEndian) { Array($0) }
        while bytes.count > 1, bytes[0] == 0 { bytes.removeFirst() }
        return bytes
    }
}
