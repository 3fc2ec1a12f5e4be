import Crypto
import Foundation

/// The entries of an OpenSSH known_hosts file (sshd(8), "SSH_KNOWN_HOSTS FILE FORMAT"): host patterns (with `*`, `?`,
/// `!` negation and `[host]:port`), or a hashed name `|1|salt|hash`; an optional `@revoked` or `@cert-authority`
/// marker; the key type and the base64 key. Lines we cannot read are skipped, as OpenSSH does.
public struct KnownHosts: Sendable {
    struct Entry: Sendable {
        enum Hosts: Sendable {
            case patterns([String])
            case hashed(salt: [UInt8], hash: [UInt8])
        }
        enum Marker: Sendable { case none, revoked, certificateAuthority }

        var hosts: Hosts
        var marker: Marker
        var key: SSHPublicKeyBlob
        var line: Int
    }

    var entries: [Entry]
    /// Where the entries came from, for messages.
    public var source: String

    public init(parsing text: String, source: String = "known_hosts") {
        self.source = source
        entries = []
        for (index, rawLine) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if let entry = Self.parseLine(Substring(rawLine), number: index + 1) { entries.append(entry) }
        }
    }

    public static func load(path: String) throws -> KnownHosts {
        do {
            return KnownHosts(parsing: try String(contentsOfFile: path, encoding: .utf8), source: path)
        } catch {
            throw SFTPError(.invalidKey, path: path, message: "cannot read the known_hosts file: \(error)")
        }
    }

    /// The name known_hosts uses for a host: `host` on port 22, `[host]:port` otherwise.
    public static func lookupName(host: String, port: Int) -> String {
        port == 22 ? host.lowercased() : "[\(host.lowercased())]:\(port)"
    }

    /// Accepts `offered` for `host:port`, or throws `hostKeyMismatch` / `hostKeyUnknown` naming the host and the
    /// fingerprints found and expected.
    public func verify(_ offered: SSHPublicKeyBlob, host: String, port: Int) throws {
        let name = Self.lookupName(host: host, port: port)
        let matching = entries.filter { $0.matches(name) }
        if let revoked = matching.first(where: { $0.marker == .revoked && $0.key == offered }) {
            throw SFTPError(
                .hostKeyMismatch, path: name,
                message: "the host key of \(name) (\(offered.summary)) is marked @revoked in \(source) line \(revoked.line)")
        }
        let candidates = matching.filter { $0.marker == .none }
        if candidates.contains(where: { $0.key == offered }) { return }
        if candidates.isEmpty {
            throw SFTPError(
                .hostKeyUnknown, path: name,
                message: "\(source) has no entry for \(name); the server offered \(offered.summary). Check that "
                    + "fingerprint with the server's owner, then add the key (e.g. `ssh-keyscan -p \(port) \(host)`)")
        }
        let expected = candidates.map { "\($0.key.summary) (line \($0.line))" }.joined(separator: ", ")
        throw SFTPError(
            .hostKeyMismatch, path: name,
            message: "HOST KEY MISMATCH for \(name): the server offered \(offered.summary) but \(source) expects "
                + "\(expected). The server was re-keyed or someone is in the middle; do not connect until the "
                + "owner confirms the new fingerprint")
    }

    private static func parseLine(_ line: Substring, number: Int) -> Entry? {
        var fields = line.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let first = fields.first, !first.hasPrefix("#") else { return nil }
        var marker = Entry.Marker.none
        if first.hasPrefix("@") {
            switch first {
            case "@revoked": marker = .revoked
            case "@cert-authority": marker = .certificateAuthority
            default: return nil
            }
            fields.removeFirst()
        }
        guard fields.count >= 3, let keyBytes = Data(base64Encoded: fields[2]) else { return nil }
        let key = SSHPublicKeyBlob(type: fields[1], bytes: Array(keyBytes))
        let hostField = fields[0]
        if hostField.hasPrefix("|1|") {
            let parts = hostField.dropFirst(3).split(separator: "|")
            guard parts.count == 2, let salt = Data(base64Encoded: String(parts[0])),
                let hash = Data(base64Encoded: String(parts[1]))
            else { return nil }
            return Entry(hosts: .hashed(salt: Array(salt), hash: Array(hash)), marker: marker, key: key, line: number)
        }
        let patterns = hostField.split(separator: ",").map { $0.lowercased() }
        return Entry(hosts: .patterns(patterns), marker: marker, key: key, line: number)
    }
}

extension KnownHosts.Entry {
    func matches(_ name: String) -> Bool {
        switch hosts {
        case .hashed(let salt, let hash):
            let code = HMAC<Insecure.SHA1>.authenticationCode(
                for: Array(name.utf8), using: SymmetricKey(data: salt))
            return Array(code) == hash
        case .patterns(let patterns):
            var matched = false
            for pattern in patterns {
                if pattern.hasPrefix("!") {
                    if HostPattern.matches(String(pattern.dropFirst()), name) { return false }
                } else if HostPattern.matches(pattern, name) {
                    matched = true
                }
            }
            return matched
        }
    }
}

/// OpenSSH's wildcard match: `*` any run of characters, `?` exactly one.
enum HostPattern {
    static func matches(_ pattern: String, _ text: String) -> Bool {
        matches(Array(pattern), 0, Array(text), 0)
    }

    private static func matches(_ pattern: [Character], _ p: Int, _ text: [Character], _ t: Int) -> Bool {
        var p = p
        var t = t
        var star: (p: Int, t: Int)?
        while t < text.count {
            if p < pattern.count, pattern[p] == "?" || pattern[p] == text[t] {
                p += 1
                t += 1
            } else if p < pattern.count, pattern[p] == "*" {
                star = (p, t)
                p += 1
            } else if let backtrack = star {
                p = backtrack.p + 1
                t = backtrack.t + 1
                star = (backtrack.p, backtrack.t + 1)
            } else {
                return false
            }
        }
        while p < pattern.count, pattern[p] == "*" { p += 1 }
        return p == pattern.count
    }
}
