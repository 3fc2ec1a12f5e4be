import Foundation
import SwiftASN1
import X509

/// A parsed RFC 3161 `TimeStampToken`: a CMS `ContentInfo` holding `SignedData` whose encapsulated content is a
/// DER `TSTInfo`. Only what verification needs is kept; parsing checks the structure, not the signature
/// (`TimestampTokenVerifier` does that).
public struct TimestampToken: Sendable {
    /// The token's DER bytes (the `ContentInfo`), as stored.
    public let der: [UInt8]
    public let info: Info
    /// The DER of `TSTInfo` exactly as signed (the eContent OCTET STRING's content).
    let infoDER: [UInt8]
    /// Certificates carried in the token (`certReq` TRUE: at least the TSA's).
    public let certificates: [Certificate]
    let signer: Signer

    /// `TSTInfo` (RFC 3161 §2.4.2).
    public struct Info: Sendable {
        public var policy: ASN1ObjectIdentifier
        /// The imprint's hash algorithm (`nil` when not SHA-2) and hashed message.
        public var hashAlgorithm: ASN1ObjectIdentifier
        public var hashedMessage: [UInt8]
        /// The TSA's serial number of the token, hex.
        public var serialHex: String
        public var genTime: Date
        /// The echoed nonce, hex of its minimal big-endian bytes; nil when absent.
        public var nonceHex: String?
    }

    /// One `SignerInfo` (RFC 5652 §5.3).
    struct Signer: Sendable {
        var issuer: DistinguishedName?
        var serial: Certificate.SerialNumber?
        var subjectKeyIdentifier: [UInt8]?
        var digestAlgorithm: ASN1ObjectIdentifier
        /// The signed attributes re-encoded with the SET tag (0x31): the bytes the signature covers.
        var signedAttributes: [UInt8]
        var contentType: ASN1ObjectIdentifier?
        var messageDigest: [UInt8]?
        var signatureAlgorithm: ASN1ObjectIdentifier
        var signature: [UInt8]
    }

    public init(derEncoded der: [UInt8]) throws {
        self.der = der
        let root = try DER.parse(der)
        let signedData: ASN1Node = try DER.sequence(root, identifier: .sequence) { nodes in
            guard let type = nodes.next(), try ASN1ObjectIdentifier(derEncoded: type) == TimestampOID.signedData else {
                throw TimestampProblem("the token is not CMS SignedData")
            }
            return try DER.explicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { $0 }
        }
        var parsedCertificates: [Certificate] = []
        var parsedInfoDER: [UInt8] = []
        var signers: [Signer] = []
        try DER.sequence(signedData, identifier: .sequence) { nodes in
            _ = try Int(derEncoded: &nodes)  // version
            guard nodes.next() != nil else { throw TimestampProblem("SignedData has no digestAlgorithms") }
            guard let encapsulated = nodes.next() else { throw TimestampProblem("SignedData has no content") }
            parsedInfoDER = try DER.sequence(encapsulated, identifier: .sequence) { inner in
                guard let type = inner.next(), try ASN1ObjectIdentifier(derEncoded: type) == TimestampOID.tstInfo else {
                    throw TimestampProblem("the signed content is not a TSTInfo")
                }
                return try DER.explicitlyTagged(&inner, tagNumber: 0, tagClass: .contextSpecific) { node in
                    Array(try ASN1OctetString(derEncoded: node).bytes)
                }
            }
            try DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific) { node in
                guard case .constructed(let children) = node.content else { return }
                for child in children where child.identifier == .sequence {
                    parsedCertificates.append(try Certificate(derEncoded: child))
                }
            }
            _ = DER.optionalImplicitlyTagged(&nodes, tagNumber: 1, tagClass: .contextSpecific) { $0 }  // crls
            guard let infos = nodes.next() else { throw TimestampProblem("SignedData has no signerInfos") }
            signers = try DER.set(infos, identifier: .set) { items in
                var found: [Signer] = []
                while let item = items.next() { found.append(try Self.signer(item)) }
                return found
            }
        }
        guard signers.count == 1, let only = signers.first else {
            throw TimestampProblem("a time-stamp token has exactly one signer (found \(signers.count))")
        }
        self.signer = only
        self.certificates = parsedCertificates
        self.infoDER = parsedInfoDER
        self.info = try Self.info(parsedInfoDER)
    }

    private static func info(_ der: [UInt8]) throws -> Info {
        try DER.sequence(try DER.parse(der), identifier: .sequence) { nodes in
            _ = try Int(derEncoded: &nodes)
            let policy = try ASN1ObjectIdentifier(derEncoded: &nodes)
            guard let imprint = nodes.next() else { throw TimestampProblem("TSTInfo has no messageImprint") }
            let (algorithm, hashed) = try DER.sequence(imprint, identifier: .sequence) { inner in
                guard let algorithm = inner.next() else { throw TimestampProblem("messageImprint is empty") }
                return (try AlgorithmIdentifierDER.oid(algorithm), Array(try ASN1OctetString(derEncoded: &inner).bytes))
            }
            guard let serial = nodes.next() else { throw TimestampProblem("TSTInfo has no serialNumber") }
            let time = try GeneralizedTime(derEncoded: &nodes)
            var nonce: String?
            while let node = nodes.next() {
                if node.identifier == .integer { nonce = Hex.string(try integerBytes(node)) }
            }
            return Info(policy: policy, hashAlgorithm: algorithm, hashedMessage: hashed,
                        serialHex: Hex.string(try integerBytes(serial)), genTime: try date(time), nonceHex: nonce)
        }
    }

    private static func signer(_ node: ASN1Node) throws -> Signer {
        try DER.sequence(node, identifier: .sequence) { nodes in
            _ = try Int(derEncoded: &nodes)
            guard let identifier = nodes.next() else { throw TimestampProblem("SignerInfo has no sid") }
            var issuer: DistinguishedName?
            var serial: Certificate.SerialNumber?
            var keyIdentifier: [UInt8]?
            if identifier.identifier == .sequence {
                try DER.sequence(identifier, identifier: .sequence) { inner in
                    guard let name = inner.next() else { throw TimestampProblem("issuerAndSerialNumber has no issuer") }
                    issuer = try DistinguishedName(derEncoded: name)
                    guard let number = inner.next() else { throw TimestampProblem("issuerAndSerialNumber has no serial") }
                    serial = Certificate.SerialNumber(bytes: try integerBytes(number))
                }
            } else if case .primitive(let keyID) = identifier.content {
                keyIdentifier = Array(keyID)
            }
            guard let digest = nodes.next() else { throw TimestampProblem("SignerInfo has no digestAlgorithm") }
            let digestAlgorithm = try AlgorithmIdentifierDER.oid(digest)
            guard let attributes = DER.optionalImplicitlyTagged(&nodes, tagNumber: 0, tagClass: .contextSpecific, { $0 })
            else { throw TimestampProblem("SignerInfo has no signed attributes (RFC 3161 requires them)") }
            var retagged = Array(attributes.encodedBytes)
            retagged[0] = 0x31
            var contentType: ASN1ObjectIdentifier?
            var messageDigest: [UInt8]?
            if case .constructed(let items) = attributes.content {
                for item in items {
                    try DER.sequence(item, identifier: .sequence) { inner in
                        let type = try ASN1ObjectIdentifier(derEncoded: &inner)
                        guard let values = inner.next(), case .constructed(let set) = values.content,
                            let value = set.first(where: { _ in true })
                        else { throw TimestampProblem("attribute \(type) has no value") }
                        if type == TimestampOID.contentTypeAttribute { contentType = try ASN1ObjectIdentifier(derEncoded: value) }
                        if type == TimestampOID.messageDigestAttribute {
                            messageDigest = Array(try ASN1OctetString(derEncoded: value).bytes)
                        }
                    }
                }
            }
            guard let algorithm = nodes.next() else { throw TimestampProblem("SignerInfo has no signatureAlgorithm") }
            let signatureAlgorithm = try AlgorithmIdentifierDER.oid(algorithm)
            let signature = Array(try ASN1OctetString(derEncoded: &nodes).bytes)
            while nodes.next() != nil {}  // unsigned attributes
            return Signer(issuer: issuer, serial: serial, subjectKeyIdentifier: keyIdentifier,
                          digestAlgorithm: digestAlgorithm, signedAttributes: retagged, contentType: contentType,
                          messageDigest: messageDigest, signatureAlgorithm: signatureAlgorithm, signature: signature)
        }
    }

    /// The content bytes of a DER INTEGER without leading zero bytes (at least one byte).
    static func integerBytes(_ node: ASN1Node) throws -> [UInt8] {
        guard node.identifier == .integer, case .primitive(let bytes) = node.content, !bytes.isEmpty else {
            throw TimestampProblem("expected an INTEGER")
        }
        var trimmed = Array(bytes)
        while trimmed.count > 1, trimmed[0] == 0 { trimmed.removeFirst() }
        return trimmed
    }

    static func date(_ time: GeneralizedTime) throws -> Date {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let components = DateComponents(
            year: time.year, month: time.month, day: time.day, hour: time.hours, minute: time.minutes,
            second: time.seconds)
        guard let date = calendar.date(from: components) else { throw TimestampProblem("genTime is not a date") }
        return date.addingTimeInterval(time.fractionalSeconds)
    }
}

/// Why a token or a TSA reply cannot be used.
public struct TimestampProblem: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}
