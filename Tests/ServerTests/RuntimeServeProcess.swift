import Foundation
import Synchronization

/// The real `passerelle serve` binary, started as a child process with captured output.
final class RuntimeServeProcess: Sendable {
    let process: Process
    private let output = CapturedOutput()

    /// Text read from the child's pipes (appended from the pipes' reading threads).
    final class CapturedOutput: Sendable {
        let text = Mutex<(stdout: String, stderr: String)>(("", ""))
    }

    init(arguments: [String], workingDirectory: URL, environment: [String: String] = [:]) throws {
        guard let binary = RuntimeTestPaths.passerelleBinary else {
            throw RuntimeTestFailure("the passerelle binary is not built next to the tests (swift build first)")
        }
        let process = Process()
        process.executableURL = binary
        process.arguments = ["serve"] + arguments
        process.currentDirectoryURL = workingDirectory
        var inherited = ProcessInfo.processInfo.environment.filter { !$0.key.hasPrefix("PASSERELLE_") }
        inherited.merge(environment) { $1 }
        process.environment = inherited
        let stdout = Pipe()
        let stderr = Pipe()
        process.standardOutput = stdout
        process.standardError = stderr
        self.process = process
        stdout.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0.stdout += text }
        }
        stderr.fileHandleForReading.readabilityHandler = { [output] handle in
            let text = String(decoding: handle.availableData, as: UTF8.self)
            output.text.withLock { $0.stderr += text }
        }
        try process.run()
    }

    var standardOutput: String { output.text.withLock { $0.stdout } }
    var standardError: String { output.text.withLock { $0.stderr } }

    /// The first standard-output line that starts with `prefix` (leading spaces ignored), once it is complete.
    func line(startingWith prefix: String, timeout: Duration = .seconds(60)) async throws -> String {
        let deadline = ContinuousClock.now + timeout
        while ContinuousClock.now < deadline {
            let lines = standardOutput.split(separator: "\n", omittingEmptySubsequences: false).dropLast()
            if let line = lines.first(where: { $0.trimmingCharacters(in: .whitespaces).hasPrefix(prefix) }) {
                return line.trimmingCharacters(in: .whitespaces)
            }
            if !process.isRunning {
                throw RuntimeTestFailure("serve exited (\(process.terminationStatus)) before printing \(prefix): \(standardError)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        throw RuntimeTestFailure("no line starting with \(prefix) in: \(standardOutput) / \(standardError)")
    }

    /// Waits for the process to end; returns its exit status.
    func exitStatus(timeout: Duration = .seconds(30)) async throws -> Int32 {
        let deadline = ContinuousClock.now + timeout
        while process.isRunning {
            guard ContinuousClock.now < deadline else {
                process.interrupt()
                throw RuntimeTestFailure("serve did not exit in time: \(standardError)")
            }
            try await Task.sleep(for: .milliseconds(50))
        }
        // Let the pipe handlers drain the last output.
        try await Task.sleep(for: .milliseconds(100))
        return process.terminationStatus
    }

    func terminate() {
        if process.isRunning { process.terminate() }
    }
}
