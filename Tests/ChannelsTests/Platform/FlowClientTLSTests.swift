import Channels
import Foundation
import Testing

/// An HTTPS platform whose certificate only the configured CA file vouches for.
@Suite("FlowClient over HTTPS with a custom CA")
struct FlowClientTLSTests {
    /// A throwaway self-signed certificate for 127.0.0.1, made by openssl.
    static func certificate(in folder: TempFolder) throws -> FlowSandbox.TLSFiles {
        let files = FlowSandbox.TLSFiles(certificate: folder.file("cert.pem"), key: folder.file("key.pem"))
        let openssl = Process()
        openssl.executableURL = URL(fileURLWithPath: "/usr/bin/openssl")
        openssl.arguments = ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                             "-keyout", files.key, "-out", files.certificate, "-days", "1", "-subj", "/CN=127.0.0.1",
                             "-addext", "subjectAltName=IP:127.0.0.1"]
        openssl.standardOutput = FileHandle.nullDevice
        openssl.standardError = FileHandle.nullDevice
        try openssl.run()
        openssl.waitUntilExit()
        guard openssl.terminationStatus == 0 else { throw FlowTestFailure("openssl could not make a certificate") }
        return files
    }

    @Test("with the CA file the client talks to the HTTPS sandbox; without it the connection is refused")
    func customCA() async throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        let files = try Self.certificate(in: folder)
        try await FlowSandbox.with(tls: files) { sandbox in
            #expect(sandbox.url.hasPrefix("https://"))
            try await sandbox.withClient(sandbox.configuration(caFile: files.certificate)) { client in
                let file = try FlowTestInvoices.cii(number: "FC-TLS-1")
                let submitted = try await client.submit(file: file, name: "FC-TLS-1.xml", syntax: .cii)
                #expect(try await client.flow(id: submitted.flowId, docType: .original).bytes == file)
            }
            try await sandbox.withClient(sandbox.configuration()) { client in
                let error = await #expect(throws: FlowClientError.self) { try await client.healthCheck() }
                #expect(error?.operation == "POST token")
                #expect(error?.kind == .connection)
            }
        }
    }
}
