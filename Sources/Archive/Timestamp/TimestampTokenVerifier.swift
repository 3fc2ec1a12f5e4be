import Crypto
import Foundation
import SwiftASN1
import X509
import _CryptoExtras

/// Checks a token's CMS signature (RFC 5652 §5.4, §5.6) and that its signer chains to trusted certificates:
/// - the `contentType` signed attribute is id-ct-TSTInfo and `messageDigest` is the digest of the TSTInfo DER;
/// - the signature over the DER of the signed attributes (SET tag) verifies with the signer certificate's key:
///   RSA PKCS #1 v1.5 or ECDSA (P-256, P-384, P-521) with SHA-256/384/512;
/// - the signer certificate is a trusted one, or is signed by one (up to 4 intermediates from the token);
///   it carries the critical extended key usage timeStamping and was valid at genTime.
enum TimestampTokenVerifier {
    static func verifySignature(_ token: TimestampToken, trust: TimestampTrust?) throws {
        let signer = token.signer
        guard let digest = TimestampHash(signer.digestAlgorithm) else {
            throw TimestampProblem("unsupported digest algorithm \(signer.digestAlgorithm)")
        }
        guard signer.contentType == TimestampOID.tstInfo else {
            throw TimestampProblem("the contentType attribute is not id-ct-TSTInfo")
        }
        guard let messageDigest = signer.messageDigest, messageDigest == digest.hash(token.infoDER) else {
            throw TimestampProblem("the messageDigest attribute does not match the TSTInfo (the token was altered)")
        }
        let pool = token.certificates + (trust?.certificates ?? [])
        guard let certificate = pool.first(where: { matches(signer, $0) }) else {
            throw TimestampProblem("the signer's certificate is neither in the token nor in the trusted certificates")
        }
        guard isValid(signer.signature, of: signer.signedAttributes, digest: digest,
                      algorithm: signer.signatureAlgorithm, key: certificate.publicKey)
        else { throw TimestampProblem("the CMS signature does not verify with the signer certificate's key") }
        try checkUsage(certificate, at: token.info.genTime)
        if let trust, !chains(certificate, to: trust.certificates, through: token.certificates) {
            throw TimestampProblem(
                "the token is signed by \(certificate.subject), which does not chain to the configured TSA certificate")
        }
    }

    private static func matches(_ signer: TimestampToken.Signer, _ certificate: Certificate) -> Bool {
        if let issuer = signer.issuer, let serial = signer.serial {
            return certificate.issuer == issuer && certificate.serialNumber == serial
        }
        if let keyID = signer.subjectKeyIdentifier, let found = try? certificate.extensions.subjectKeyIdentifier {
            return Array(found.keyIdentifier) == keyID
        }
        return false
    }

    private static func checkUsage(_ certificate: Certificate, at time: Date) throws {
        guard let usage = certificate.extensions[oid: .X509ExtensionID.extendedKeyUsage], usage.critical,
            let purposes = try? ExtendedKeyUsage(usage), purposes.contains(.timeStamping)
        else {
            throw TimestampProblem("the signer certificate lacks the critical extended key usage timeStamping")
        }
        guard certificate.notValidBefore <= time, time <= certificate.notValidAfter else {
            throw TimestampProblem("the signer certificate was not valid at genTime \(time.ISO8601Format())")
        }
    }

    private static func chains(_ certificate: Certificate, to anchors: [Certificate], through pool: [Certificate]) -> Bool {
        var current = certificate
        for _ in 0..<5 {
            if anchors.contains(current) { return true }
            guard let issuer = (anchors + pool).first(where: {
                $0.subject == current.issuer && $0 != current && $0.publicKey.isValidSignature(current.signature, for: current)
            }) else { return false }
            if anchors.contains(issuer) { return true }
            current = issuer
        }
        return false
    }

    static func isValid(_ signature: [UInt8], of message: [UInt8], digest: TimestampHash,
                        algorithm: ASN1ObjectIdentifier, key: Certificate.PublicKey) -> Bool {
        switch algorithm {
        case TimestampOID.rsaEncryption, TimestampOID.sha256WithRSA, TimestampOID.sha384WithRSA, TimestampOID.sha512WithRSA:
            guard let rsa = _RSA.Signing.PublicKey(key) else { return false }
            let value = _RSA.Signing.RSASignature(rawRepresentation: signature)
            switch digest {
            case .sha256: return rsa.isValidSignature(value, for: SHA256.hash(data: message), padding: .insecurePKCS1v1_5)
            case .sha384: return rsa.isValidSignature(value, for: SHA384.hash(data: message), padding: .insecurePKCS1v1_5)
            case .sha512: return rsa.isValidSignature(value, for: SHA512.hash(data: message), padding: .insecurePKCS1v1_5)
            }
        case TimestampOID.ecPublicKey, TimestampOID.ecdsaWithSHA256, TimestampOID.ecdsaWithSHA384,
            TimestampOID.ecdsaWithSHA512:
            return isValidECDSA(signature, of: message, digest: digest, key: key)
        default:
            return false
        }
    }

    private static func isValidECDSA(_ signature: [UInt8], of message: [UInt8], digest: TimestampHash,
                                     key: Certificate.PublicKey) -> Bool {
        func check<D: Crypto.Digest>(_ value: D) -> Bool {
            if let p256 = P256.Signing.PublicKey(key),
                let parsed = try? P256.Signing.ECDSASignature(derRepresentation: signature) {
                return p256.isValidSignature(parsed, for: value)
            }
            if let p384 = P384.Signing.PublicKey(key),
                let parsed = try? P384.Signing.ECDSASignature(derRepresentation: signature) {
                return p384.isValidSignature(parsed, for: value)
            }
            if let p521 = P521.Signing.PublicKey(key),
                let parsed = try? P521.Signing.ECDSASignature(derRepresentation: signature) {
                return p521.isValidSignature(parsed, for: value)
            }
            return false
        }
        switch digest {
        case .sha256: return check(SHA256.hash(data: message))
        case .sha384: return check(SHA384.hash(data: message))
        case .sha512: return check(SHA512.hash(data: message))
        }
    }
}
