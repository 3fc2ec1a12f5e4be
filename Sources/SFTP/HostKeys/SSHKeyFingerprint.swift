import Crypto
import Foundation
import NIOSSH

/// The wire form of a public key and its OpenSSH fingerprint (`SHA256:` and unpadded base64 of the SHA-256 of the
/// key blob, as `ssh-keygen -lf` prints it).
public struct SSHPublicKeyBlob: Sendable, Hashable {
    /// `ssh-ed25519`, `ecdsa-sha2-nistp256`, …
    public var type: String
    public var bytes: [UInt8]

    public init(type: String, bytes: [UInt8]) {
        self.type = type
        self.bytes = bytes
    }

    /// The blob of a key as nio-ssh holds it.
    public init(_ key: NIOSSHPublicKey) {
        let text = String(openSSHPublicKey: key)
        let fields = text.split(separator: " ", maxSplits: 2)
        type = fields.first.map(String.init) ?? ""
        bytes = fields.count > 1 ? Data(base64Encoded: String(fields[1])).map { Array($0) } ?? [] : []
    }

    public var fingerprint: String {
        let digest = Data(SHA256.hash(data: bytes)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// `type SHA256:…`, for messages.
    public var summary: String { "\(type) \(fingerprint)" }
}
