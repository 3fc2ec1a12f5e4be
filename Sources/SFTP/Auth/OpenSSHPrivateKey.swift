import Crypto
import Foundation
import NIOCore
import NIOSSH

/// Reads an unencrypted OpenSSH private key file (`-----BEGIN OPENSSH PRIVATE KEY-----`, the `openssh-key-v1`
/// format of OpenSSH's PROTOCOL.key) holding an ed25519 or ECDSA P-256 key.
public enum OpenSSHPrivateKey {
    private static let begin = "-----BEGIN OPENSSH PRIVATE KEY-----"
    private static let end = "-----END OPENSSH PRIVATE KEY-----"
    private static let magic = Array("openssh-key-v1\0".utf8)

    /// Reads the key file at `path`.
    public static func load(path: String) throws -> NIOSSHPrivateKey {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw SFTPError(.invalidKey, path: path, message: "cannot read the private key file: \(error)")
        }
        do {
            return try parse(text)
        } catch var error as SFTPError {
            error.path = path
            throw error
        }
    }

    /// Parses the text of a key file.
    public static func parse(_ text: String) throws -> NIOSSHPrivateKey {
        guard let beginRange = text.range(of: begin), let endRange = text.range(of: end),
            beginRange.upperBound <= endRange.lowerBound
        else {
            throw invalid("not an OpenSSH private key (expected \(begin)); convert it with `ssh-keygen -p -f FILE`")
        }
        let base64 = text[beginRange.upperBound..<endRange.lowerBound].filter { !$0.isWhitespace }
        guard let data = Data(base64Encoded: String(base64)) else { throw invalid("the key body is not valid base64") }
        do {
            return try decode(ByteBuffer(bytes: data))
        } catch let error as SFTPError where error.code == .malformedPacket {
            throw invalid("the key structure is damaged: \(error.message)")
        }
    }

    private static func decode(_ bytes: ByteBuffer) throws -> NIOSSHPrivateKey {
        guard bytes.readableBytesView.starts(with: magic) else { throw invalid("missing the openssh-key-v1 header") }
        var reader = SFTPPacketReader(
            bytes.getSlice(at: bytes.readerIndex + magic.count, length: bytes.readableBytes - magic.count)
                ?? ByteBuffer(),
            packetName: "private key")
        let cipher = try reader.readString("cipher name")
        let kdf = try reader.readString("kdf name")
        _ = try reader.readBytes("kdf options")
        guard cipher == "none", kdf == "none" else {
            throw invalid(
                "the key is encrypted (\(cipher)); keep an unencrypted copy readable only by the service "
                    + "(`ssh-keygen -p -N '' -f COPY`)")
        }
        let count = try reader.readUInt32("number of keys")
        guard count == 1 else { throw invalid("the file holds \(count) keys; exactly one is supported") }
        _ = try reader.readBytes("public key")
        var secret = SFTPPacketReader(try reader.readBytes("private section"), packetName: "private key")
        let check1 = try secret.readUInt32("check int")
        let check2 = try secret.readUInt32("check int")
        guard check1 == check2 else { throw invalid("the check integers differ (a damaged or encrypted key)") }
        let type = try secret.readString("key type")
        switch type {
        case "ssh-ed25519":
            _ = try secret.readBytes("ed25519 public key")
            let keyPair = try secret.readBytes("ed25519 private key")
            guard keyPair.readableBytes == 64, let seed = keyPair.getBytes(at: keyPair.readerIndex, length: 32) else {
                throw invalid("an ed25519 private key must be 64 bytes, found \(keyPair.readableBytes)")
            }
            do {
                return NIOSSHPrivateKey(ed25519Key: try Curve25519.Signing.PrivateKey(rawRepresentation: seed))
            } catch {
                throw invalid("the ed25519 key is not valid: \(error)")
            }
        case "ecdsa-sha2-nistp256":
            let curve = try secret.readString("curve name")
            guard curve == "nistp256" else { throw invalid("curve \(curve) does not match the key type") }
            _ = try secret.readBytes("ECDSA public point")
            let scalar = try secret.readBytes("ECDSA private scalar")
            var raw = Array(scalar.readableBytesView.drop(while: { $0 == 0 }))
            guard raw.count <= 32 else { throw invalid("the P-256 private scalar is \(raw.count) bytes") }
            raw.insert(contentsOf: repeatElement(0, count: 32 - raw.count), at: 0)
            do {
                return NIOSSHPrivateKey(p256Key: try P256.Signing.PrivateKey(rawRepresentation: raw))
            } catch {
                throw invalid("the P-256 key is not valid: \(error)")
            }
        default:
            throw invalid(
                "key type \(type) is not supported; use ed25519 (`ssh-keygen -t ed25519`) or ECDSA P-256")
        }
    }

    private static func invalid(_ message: String) -> SFTPError {
        SFTPError(.invalidKey, message: message)
    }
}
