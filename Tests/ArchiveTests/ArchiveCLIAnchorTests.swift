import Foundation
import Testing

@testable import Archive

/// The `passerelle archive` command line with a TSA (`--tsa`, `--tsa-cert`) and with S3 (`--s3`), run as a user
/// would run it (the debug binary, as `CrashTests` does).
@Suite("Archive: command line with TSA and S3")
struct ArchiveCLIAnchorTests {
    private func passerelle(_ arguments: [String], environment: [String: String] = [:]) throws
        -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = CrashTests.binary
        process.arguments = ["archive"] + arguments
        process.environment = ProcessInfo.processInfo.environment.merging(environment) { _, new in new }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let output = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: output, as: UTF8.self))
    }

    private var binaryExists: Bool {
        let exists = FileManager.default.isExecutableFile(atPath: CrashTests.binary.path)
        if !exists { Issue.record("build the executable first: swift build --build-tests") }
        return exists
    }

    @Test func sealWithATSAThenVerifyRequiringTimestamps() async throws {
        guard binaryExists else { return }
        let tsa = try await StandInTSAs.shared.tsa("rsa")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let document = folder.url.appendingPathComponent("invoice.xml")
        try sampleDocument(1).write(to: document)
        let path = ["--path", folder.archive.path]
        let stored = try passerelle(["store"] + path + [document.path, "--invoice", "F-1"])
        #expect(stored.status == 0, "\(stored.output)")
        let sealed = try passerelle(["seal"] + path + ["--tsa", tsa.url, "--tsa-cert", tsa.caPEMPath])
        #expect(sealed.status == 0 && sealed.output.contains("RFC 3161 timestamp"), "\(sealed.output)")
        let verified = try passerelle(["verify"] + path + ["--full", "--tsa-cert", tsa.caPEMPath,
                                                            "--require-timestamps-from", "1"])
        #expect(verified.status == 0 && verified.output.contains("timestamps checked 1"), "\(verified.output)")

        // Another TSA's CA: the token is refused, at seal 1.
        let other = try await StandInTSAs.shared.tsa("ec")
        let refused = try passerelle(["verify"] + path + ["--full", "--tsa-cert", other.caPEMPath])
        #expect(refused.status == 1 && refused.output.contains("seal 1, field timestamp.signature"), "\(refused.output)")
        let missing = try passerelle(["seal"] + path + ["--tsa", tsa.url])
        #expect(missing.status != 0 && missing.output.contains("--tsa needs --tsa-cert"), "\(missing.output)")
    }

    @Test func storeSealAndVerifyOnS3() async throws {
        guard binaryExists else { return }
        let moto = try await MotoServers.shared.server()
        let location = try await moto.lockedBucket(prefix: "cli")
        let folder = try TempFolder()
        defer { folder.cleanup() }
        let document = folder.url.appendingPathComponent("invoice.xml")
        try sampleDocument(7).write(to: document)
        let key = folder.url.appendingPathComponent("signing-key.pem").path
        let url = "\(location.endpoint)/\(location.bucket)/cli"
        let environment = ["AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing", "AWS_REGION": "us-east-1"]
        let s3 = ["--s3", url, "--key", key]
        let stored = try passerelle(["store"] + s3 + [document.path, "--invoice", "F-7"], environment: environment)
        #expect(stored.status == 0 && stored.output.contains("entry 1"), "\(stored.output)")
        let sealed = try passerelle(["seal"] + s3, environment: environment)
        #expect(sealed.status == 0 && sealed.output.contains("seal 1"), "\(sealed.output)")
        let verified = try passerelle(["verify", "--s3", url, "--full"], environment: environment)
        #expect(verified.status == 0 && verified.output.contains("seals checked 1"), "\(verified.output)")
        let noCredentials = try passerelle(["verify", "--s3", url], environment: ["AWS_ACCESS_KEY_ID": ""])
        #expect(noCredentials.status != 0 && noCredentials.output.contains("AWS_ACCESS_KEY_ID"), "\(noCredentials.output)")
        // What the command line wrote is where the library reads it.
        let storage = S3ArchiveStorage(location: location, credentials: MotoS3Server.credentials)
        #expect(try await storage.read(.journal).lines.count == 1)
    }
}
