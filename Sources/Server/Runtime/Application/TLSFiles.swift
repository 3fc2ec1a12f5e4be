import Foundation
import NIOSSL

/// Loads the PEM certificate chain and private key for HTTPS, with errors that name the setting and the file.
enum TLSFiles {
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    static func configuration(certificate: String, privateKey: String) throws(Failure) -> TLSConfiguration {
        guard FileManager.default.isReadableFile(atPath: certificate) else {
            throw Failure(description: "server.tls.certificate: \(certificate) cannot be read")
        }
        guard FileManager.default.isReadableFile(atPath: privateKey) else {
            throw Failure(description: "server.tls.private_key: \(privateKey) cannot be read")
        }
        let chain: [NIOSSLCertificate]
        do {
            chain = try NIOSSLCertificate.fromPEMFile(certificate)
        } catch {
            throw Failure(description: "server.tls.certificate: \(certificate) is not a PEM certificate chain (\(error))")
        }
        guard !chain.isEmpty else {
            throw Failure(description: "server.tls.certificate: \(certificate) holds no PEM certificate")
        }
        let key: NIOSSLPrivateKey
        do {
            key = try NIOSSLPrivateKey(file: privateKey, format: .pem)
        } catch {
            throw Failure(description: "server.tls.private_key: \(privateKey) is not a PEM private key (\(error))")
        }
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }
}
