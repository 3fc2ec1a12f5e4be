import Crypto
import Foundation
import NIOCore
import NIOSSH
import Testing

@testable import SFTP

/// Builds `openssh-key-v1` files by hand (as PROTOCOL.key describes them) to test the reader without ssh-keygen.
private enum KeyFile {
    static func string(_ bytes: [UInt8]) -> [UInt8] {
        withUnsafeBytes(of: UInt32(bytes.count).bigEndian, Array.init) + bytes
    }

    static func string(_ text: String) -> [UInt8] { string(Array(text.utf8)) }

    static func file(cipher: String = "none", keyCount: UInt32 = 1, publicBlob: [UInt8], secret: [UInt8]) -> String {
        var body = Array("openssh-key-v1\0".utf8)
        body += string(cipher) + string("none") + string([UInt8]())
        body += withUnsafeBytes(of: keyCount.bigEndian, Array.init)
        body += string(publicBlob)
        body += string(secret)
        let base64 = Data(body).base64EncodedString(options: [.lineLength64Characters, .endLineWithLineFeed])
        return "-----BEGIN OPENSSH PRIVATE KEY-----\n\(base64)\n-----END OPENSSH PRIVATE KEY-----\n"
    }

    static func ed25519(_ key: Curve25519.Signing.PrivateKey, check2: UInt32 = 0x1234_5678) -> String {
        let publicBytes = Array(key.publicKey.rawRepresentation)
        let publicBlob = string("ssh-ed25519") + string(publicBytes)
        var secret = withUnsafeBytes(of: UInt32(0x1234_5678).bigEndian, Array.init)
        secret += withUnsafeBytes(of: check2.bigEndian, Array.init)
        secret += string("ssh-ed25519") + string(publicBytes)
        secret += string(Array(key.rawRepresentation) + publicBytes)
        secret += string("test@passerelle")
        secret += [1, 2, 3]
        return file(publicBlob: publicBlob, secret: secret)
    }

    static func p256(_ key: P256.Signing.PrivateKey) -> String {
        let point = Array(key.publicKey.x963Representation)
        let publicBlob = string("ecdsa-sha2-nistp256") + string("nistp256") + string(point)
        var secret = withUnsafeBytes(of: UInt32(7).bigEndian, Array.init) + withUnsafeBytes(of: UInt32(7).bigEndian, Array.init)
        secret += string("ecdsa-sha2-nistp256") + string("nistp256") + string(point)
        // An mpint: a leading zero byte when the high bit is set.
        let scalar = Array(key.rawRepresentation)
        secret += string((scalar.first ?? 0) >= 0x80 ? [0] + scalar : scalar)
        secret += string("p256")
        return file(publicBlob: publicBlob, secret: secret)
    }
}

@Suite("OpenSSH private keys")
struct OpenSSHPrivateKeyTests {
    private func invalidKeyMessage(_ text: String) -> String? {
        do {
            _ = try OpenSSHPrivateKey.parse(text)
            return nil
        } catch let error as SFTPError {
            #expect(error.code == .invalidKey)
            return error.message
        } catch {
            return nil
        }
    }

    @Test func ed25519KeyIsRead() throws {
        let key = Curve25519.Signing.PrivateKey()
        let parsed = try OpenSSHPrivateKey.parse(KeyFile.ed25519(key))
        #expect(parsed.publicKey == NIOSSHPrivateKey(ed25519Key: key).publicKey)
    }

    @Test func p256KeyIsRead() throws {
        for _ in 0..<4 {  // several keys, so that scalars with and without the mpint's leading zero both occur
            let key = P256.Signing.PrivateKey()
            let parsed = try OpenSSHPrivateKey.parse(KeyFile.p256(key))
            #expect(parsed.publicKey == NIOSSHPrivateKey(p256Key: key).publicKey)
        }
    }

    @Test func encryptedKeysAreRefusedWithAHint() {
        let text = KeyFile.file(cipher: "aes256-ctr", publicBlob: [], secret: [])
        #expect(invalidKeyMessage(text)?.contains("encrypted") == true)
    }

    @Test func damagedKeysAreRefused() {
        let good = KeyFile.ed25519(Curve25519.Signing.PrivateKey())
        #expect(invalidKeyMessage("ssh-ed25519 AAAA")?.contains("not an OpenSSH private key") == true)
        #expect(invalidKeyMessage(KeyFile.ed25519(Curve25519.Signing.PrivateKey(), check2: 1))?.contains("check") == true)
        #expect(invalidKeyMessage(good.replacingOccurrences(of: "b3BlbnNzaC1rZXktdjEA", with: "!!!!"))?.contains("base64") == true)
        #expect(invalidKeyMessage(KeyFile.file(keyCount: 2, publicBlob: [], secret: []))?.contains("2 keys") == true)
        let truncatedSecret = KeyFile.file(publicBlob: [], secret: [0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 99])
        #expect(invalidKeyMessage(truncatedSecret)?.contains("damaged") == true)
    }
}
