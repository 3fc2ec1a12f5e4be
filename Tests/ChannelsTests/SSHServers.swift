import Foundation
import SFTP
import Testing

/// The shared throwaway OpenSSH server that `scripts/sshd-for-tests start` describes through environment variables.
enum SharedSSHServer {
    private static let environment = ProcessInfo.processInfo.environment

    static let isAvailable = environment["PASSERELLE_TEST_SSHD_PORT"] != nil
        && environment["PASSERELLE_TEST_SSHD_DIR"] != nil

    static let skipReason: Comment =
        "no test OpenSSH server: run `eval \"$(scripts/sshd-for-tests start)\"` first (scripts/test does)"

    static var port: Int { Int(environment["PASSERELLE_TEST_SSHD_PORT"] ?? "") ?? 0 }
    static var directory: String { environment["PASSERELLE_TEST_SSHD_DIR"] ?? "" }
    static var user: String { environment["PASSERELLE_TEST_SSHD_USER"] ?? "passerelle-sftp" }
    static var keyPath: String { environment["PASSERELLE_TEST_SSHD_KEY"] ?? "\(directory)/client_ed25519" }
    static var knownHostsPath: String { environment["PASSERELLE_TEST_SSHD_KNOWN_HOSTS"] ?? "\(directory)/known_hosts" }
    static var root: String { environment["PASSERELLE_TEST_SSHD_ROOT"] ?? "\(directory)/data" }

    static func settings(hostKeyPolicy: HostKeyPolicy? = nil) throws -> SFTPConnectionSettings {
        SFTPConnectionSettings(
            host: "127.0.0.1", port: port, username: user, authentication: try .privateKeyFile(keyPath),
            hostKeyPolicy: hostKeyPolicy ?? .knownHosts(path: knownHostsPath), connectTimeout: .seconds(10),
            requestTimeout: .seconds(30))
    }
}

/// An OpenSSH server of one test's own, on its own port, keys and folder, so that killing it disturbs no other
/// test. It reuses `scripts/sshd-for-tests` for `restart`, `kill` and `stop` (the script only needs the folder's
/// `sshd_config`, `port` and pid file), and the test user the shared server made.
struct PrivateSSHServer {
    let directory: String
    let port: Int

    var root: String { "\(directory)/data" }

    static func start() throws -> PrivateSSHServer {
        let directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("passerelle-sshd.\(UUID().uuidString.prefix(8).lowercased())").path
        try FileManager.default.createDirectory(atPath: directory + "/data", withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: directory)
        try FileManager.default.setAttributes([.ownerAccountName: SharedSSHServer.user], ofItemAtPath: directory + "/data")
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory + "/ssh_host_ed25519_key"])
        try run("/usr/bin/ssh-keygen", ["-q", "-t", "ed25519", "-N", "", "-f", directory + "/client_ed25519"])
        try FileManager.default.copyItem(atPath: directory + "/client_ed25519.pub", toPath: directory + "/authorized_keys")
        let port = try freePort()
        try "\(port)\n".write(toFile: directory + "/port", atomically: true, encoding: .utf8)
        let hostKey = try String(contentsOfFile: directory + "/ssh_host_ed25519_key.pub", encoding: .utf8)
            .split(separator: " ").prefix(2).joined(separator: " ")
        try "[127.0.0.1]:\(port) \(hostKey)\n".write(toFile: directory + "/known_hosts", atomically: true, encoding: .utf8)
        try """
            ListenAddress 127.0.0.1
            Port \(port)
            HostKey \(directory)/ssh_host_ed25519_key
            PidFile \(directory)/sshd.pid
            AuthorizedKeysFile \(directory)/authorized_keys
            UsePAM no
            PasswordAuthentication no
            KbdInteractiveAuthentication no
            PubkeyAuthentication yes
            PermitRootLogin no
            AllowUsers \(SharedSSHServer.user)
            StrictModes no
            UseDNS no
            MaxStartups 100
            LogLevel VERBOSE
            Subsystem sftp internal-sftp

            """.write(toFile: directory + "/sshd_config", atomically: true, encoding: .utf8)
        let server = PrivateSSHServer(directory: directory, port: port)
        try server.script("restart")
        return server
    }

    func settings() throws -> SFTPConnectionSettings {
        SFTPConnectionSettings(
            host: "127.0.0.1", port: port, username: SharedSSHServer.user,
            authentication: try .privateKeyFile(directory + "/client_ed25519"),
            hostKeyPolicy: .knownHosts(path: directory + "/known_hosts"), connectTimeout: .seconds(30),
            requestTimeout: .seconds(30))
    }

    /// `restart`, `kill` or `stop`.
    func script(_ argument: String) throws {
        let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("scripts/sshd-for-tests").path
        try Self.run("/bin/bash", [script, argument, directory])
    }

    static func run(_ executable: String, _ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw ChannelTestFailure("\(executable) \(arguments.joined(separator: " ")) exited with \(process.terminationStatus)")
        }
    }

    static func freePort() throws -> Int {
        let descriptor = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard descriptor >= 0 else { throw ChannelTestFailure("no socket") }
        defer { close(descriptor) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { generic in
                bind(descriptor, generic, length) == 0 && getsockname(descriptor, generic, &length) == 0
            }
        }
        guard bound else { throw ChannelTestFailure("cannot bind a free port") }
        return Int(UInt16(bigEndian: address.sin_port))
    }
}

struct ChannelTestFailure: Error, CustomStringConvertible {
    var description: String
    init(_ description: String) { self.description = description }
}
