import Crypto

/// SHA-256 as lowercase hex, the form stored and compared everywhere in the gateway.
public enum Hashing {
    public static func sha256Hex(_ bytes: some Collection<UInt8>) -> String {
        let digest = SHA256.hash(data: Array(bytes))
        return digest.map { byte in
            let hex = String(byte, radix: 16)
            return byte < 16 ? "0" + hex : hex
        }.joined()
    }
}
