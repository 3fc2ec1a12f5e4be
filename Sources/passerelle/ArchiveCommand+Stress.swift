import Archive
import ArgumentParser
import Foundation

/// Hidden: archives N documents as fast as it can and prints `ack <sequence> <sha256>` after each durable store,
/// unbuffered. The crash test kills it with SIGKILL and checks that every acknowledged document survived.
struct ArchiveStressCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stress", abstract: "Archive N generated documents, printing each acknowledged sequence.",
        shouldDisplay: false)

    @OptionGroup var archive: ArchiveOptions

    @Option(help: "Documents to store.")
    var count = 1000

    @Option(help: "Size of each document in bytes.")
    var size = 2048

    @Option(help: "Seal every this many documents (0: never).")
    var sealEvery = 100

    func run() async throws {
        let legal = try await archive.openWriter()
        let runID = UUID().uuidString
        for index in 1...max(count, 1) {
            let document = GeneratedDocument.bytes(size: size, seed: "\(runID)-\(index)")
            let entry = try await legal.store(
                document, DocumentMetadata(tenant: "stress", invoiceID: "S-\(index)", kind: .cii, mediaType: "application/xml"))
            UnbufferedOutput.line("ack \(entry.sequence) \(entry.blobHash)")
            if sealEvery > 0, index % sealEvery == 0, let seal = try await legal.seal() {
                UnbufferedOutput.line("seal \(seal.number) \(seal.lastSequence)")
            }
        }
        await legal.close()
    }
}

/// Distinct pseudo-random documents for stress runs and benchmarks (SplitMix64 over a seed's hash).
enum GeneratedDocument {
    static func bytes(size: Int, seed: String) -> Data {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        for byte in seed.utf8 { state = (state ^ UInt64(byte)) &* 0x1000_0000_01B3 }
        var data = Data(count: size)
        data.withUnsafeMutableBytes { buffer in
            var index = 0
            while index < buffer.count {
                state &+= 0x9E37_79B9_7F4A_7C15
                var mixed = state
                mixed = (mixed ^ (mixed >> 30)) &* 0xBF58_476D_1CE4_E5B9
                mixed = (mixed ^ (mixed >> 27)) &* 0x94D0_49BB_1331_11EB
                mixed ^= mixed >> 31
                for shift in stride(from: 0, to: 64, by: 8) where index < buffer.count {
                    buffer[index] = UInt8(truncatingIfNeeded: mixed >> UInt64(shift))
                    index += 1
                }
            }
        }
        return data
    }
}
