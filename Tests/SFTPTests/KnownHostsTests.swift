import Crypto
import Foundation
import NIOSSH
import Testing

@testable import SFTP

@Suite("known_hosts")
struct KnownHostsTests {
    private let keyA = SSHPublicKeyBlob(NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey)
    private let keyB = SSHPublicKeyBlob(NIOSSHPrivateKey(ed25519Key: Curve25519.Signing.PrivateKey()).publicKey)

    private func line(_ hosts: String, _ key: SSHPublicKeyBlob) -> String {
        "\(hosts) \(key.type) \(Data(key.bytes).base64EncodedString()) comment"
    }

    private func error(_ knownHosts: KnownHosts, _ key: SSHPublicKeyBlob, _ host: String, _ port: Int) -> SFTPError? {
        do {
            try knownHosts.verify(key, host: host, port: port)
            return nil
        } catch {
            return error as? SFTPError
        }
    }

    @Test func fingerprintIsOpenSSHsSHA256Form() {
        let blob = SSHPublicKeyBlob(type: "ssh-ed25519", bytes: Array("abc".utf8))
        // SHA-256("abc") = ba7816bf…; base64 without padding.
        #expect(blob.fingerprint == "SHA256:ungWv48Bz+pBQUDeXa4iI7ADYaOWF3qctBD/YfIAFa0")
        #expect(keyA.type == "ssh-ed25519")
        #expect(keyA.bytes.count == 51)  // string type (4+11) + string key (4+32)
    }

    @Test func plainHostOnPort22AndBracketedHostWithPort() throws {
        let knownHosts = KnownHosts(parsing: [line("sftp.example.com,10.0.0.5", keyA), line("[127.0.0.1]:2222", keyB)].joined(separator: "\n"))
        try knownHosts.verify(keyA, host: "sftp.example.com", port: 22)
        try knownHosts.verify(keyA, host: "SFTP.Example.com", port: 22)
        try knownHosts.verify(keyB, host: "127.0.0.1", port: 2222)
        // The port-22 entry does not cover another port.
        #expect(error(knownHosts, keyA, "sftp.example.com", 2222)?.code == .hostKeyUnknown)
    }

    @Test func mismatchNamesHostAndBothFingerprints() {
        let knownHosts = KnownHosts(parsing: "# partners\n\n" + line("[sftp.partner.fr]:2022", keyA), source: "/etc/kh")
        let failure = error(knownHosts, keyB, "sftp.partner.fr", 2022)
        #expect(failure?.code == .hostKeyMismatch)
        #expect(failure?.path == "[sftp.partner.fr]:2022")
        #expect(failure?.message.contains(keyB.fingerprint) == true)
        #expect(failure?.message.contains(keyA.fingerprint) == true)
        #expect(failure?.message.contains("line 3") == true)
        #expect(failure?.message.contains("/etc/kh") == true)
    }

    @Test func wildcardsAndNegation() throws {
        let knownHosts = KnownHosts(parsing: line("*.partner.fr,!evil.partner.fr,sftp?.acme.com", keyA))
        try knownHosts.verify(keyA, host: "a.b.partner.fr", port: 22)
        try knownHosts.verify(keyA, host: "sftp1.acme.com", port: 22)
        #expect(error(knownHosts, keyA, "evil.partner.fr", 22)?.code == .hostKeyUnknown)
        #expect(error(knownHosts, keyA, "sftp12.acme.com", 22)?.code == .hostKeyUnknown)
        #expect(HostPattern.matches("a*b*c", "axxbyyc"))
        #expect(!HostPattern.matches("a*b*c", "axxbyy"))
    }

    @Test func hashedHostNames() throws {
        let salt = Array((0..<20).map { UInt8($0) })
        let name = "[127.0.0.1]:2200"
        let hash = Array(HMAC<Insecure.SHA1>.authenticationCode(for: Array(name.utf8), using: SymmetricKey(data: salt)))
        let field = "|1|\(Data(salt).base64EncodedString())|\(Data(hash).base64EncodedString())"
        let knownHosts = KnownHosts(parsing: line(field, keyA))
        try knownHosts.verify(keyA, host: "127.0.0.1", port: 2200)
        #expect(error(knownHosts, keyA, "127.0.0.1", 2201)?.code == .hostKeyUnknown)
    }

    @Test func revokedKeyIsRefusedEvenWhenAlsoListed() {
        let knownHosts = KnownHosts(parsing: [line("host.fr", keyA), "@revoked " + line("*", keyA)].joined(separator: "\n"))
        let failure = error(knownHosts, keyA, "host.fr", 22)
        #expect(failure?.code == .hostKeyMismatch)
        #expect(failure?.message.contains("@revoked") == true)
    }

    @Test func garbageLinesAreSkipped() throws {
        let text = ["garbage", "host.fr ssh-ed25519 !!!notbase64", "@weird " + line("host.fr", keyB), line("host.fr", keyA)]
            .joined(separator: "\n")
        let knownHosts = KnownHosts(parsing: text)
        #expect(knownHosts.entries.count == 1)
        try knownHosts.verify(keyA, host: "host.fr", port: 22)
    }
}
