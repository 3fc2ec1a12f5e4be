import Crypto
import Foundation

/// The Ed25519 key that signs seals, in a file.
///
/// Accepted formats (read): PEM `-----BEGIN PRIVATE KEY-----` PKCS#8 as written by
/// `openssl genpkey -algorithm ed25519`, or a file holding only the base64 of the 32-byte private seed.
/// Written on first use: PEM PKCS#8, mode 0600.
public enum SigningKeyFile {
    /// DER of PKCS#8 OneAsymmetricKey for Ed25519, up to the 32-byte seed (RFC 8410).
    static let pkcs8Prefix: [UInt8] = [
        0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20,
    ]

    public static func load(path: String) throws -> Curve25519.Signing.PrivateKey {
        guard let bytes = try POSIXFile.readFile(path) else {
            throw ArchiveError.badKey(path: path, reason: "no such file")
        }
        let text = String(decoding: bytes, as: UTF8.self)
        let seed: [UInt8]
        if text.contains("-----BEGIN PRIVATE KEY-----") {
            guard let der = PEM.decode(text, label: "PRIVATE KEY"), der.count == pkcs8Prefix.count + 32,
                Array(der.prefix(pkcs8Prefix.count)) == pkcs8Prefix
            else { throw ArchiveError.badKey(path: path, reason: "the PEM is not an Ed25519 PKCS#8 private key") }
            seed = Array(der.suffix(32))
        } else {
            let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
            guard let raw = Data(base64Encoded: trimmed), raw.count == 32 else {
                throw ArchiveError.badKey(path: path, reason: "neither PEM nor the base64 of 32 bytes")
            }
            seed = Array(raw)
        }
        do {
            return try Curve25519.Signing.PrivateKey(rawRepresentation: seed)
        } catch {
            throw ArchiveError.badKey(path: path, reason: "\(error)")
        }
    }

    /// Loads the key, or creates one (PEM PKCS#8, mode 0600) when the file does not exist.
    public static func loadOrCreate(path: String) throws -> Curve25519.Signing.PrivateKey {
        if FileManager.default.fileExists(atPath: path) { return try load(path: path) }
        let key = Curve25519.Signing.PrivateKey()
        try write(key, to: path)
        return key
    }

    public static func write(_ key: Curve25519.Signing.PrivateKey, to path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty { try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true) }
        let pem = PEM.encode(pkcs8Prefix + Array(key.rawRepresentation), label: "PRIVATE KEY")
        let fd = try POSIXFile.open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, mode: 0o600)
        defer { POSIXFile.closeDescriptor(fd) }
        try POSIXFile.writeAll(fd, Array(pem.utf8), path: path)
        try POSIXFile.fsync(fd, path: path)
    }

    /// First 16 hex digits of the SHA-256 of the raw 32-byte public key.
    public static func keyID(_ publicKey: Curve25519.Signing.PublicKey) -> String {
        keyID(rawPublicKey: Array(publicKey.rawRepresentation))
    }

    static func keyID(rawPublicKey: [UInt8]) -> String {
        String(Digest.sha256(rawPublicKey).prefix(16))
    }
}

/// PEM armour and the Ed25519 SubjectPublicKeyInfo that `openssl pkeyutl -pubin` reads.
public enum PEM {
    static let spkiPrefix: [UInt8] = [0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]

    public static func publicKey(raw: [UInt8]) -> String {
        encode(spkiPrefix + raw, label: "PUBLIC KEY")
    }

    static func encode(_ der: [UInt8], label: String) -> String {
        let base64 = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = base64.startIndex
        while index < base64.endIndex {
            let end = base64.index(index, offsetBy: 64, limitedBy: base64.endIndex) ?? base64.endIndex
            lines.append(String(base64[index..<end]))
            index = end
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }

    static func decode(_ text: String, label: String) -> [UInt8]? {
        let begin = "-----BEGIN \(label)-----"
        let end = "-----END \(label)-----"
        guard let start = text.range(of: begin), let stop = text.range(of: end, range: start.upperBound..<text.endIndex)
        else { return nil }
        let body = text[start.upperBound..<stop.lowerBound].filter { !$0.isWhitespace }
        return Data(base64Encoded: String(body)).map { Array($0) }
    }
}
