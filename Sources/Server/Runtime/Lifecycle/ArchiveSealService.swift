import Foundation
import Gateway
import Logging
import ServiceLifecycle

/// Seals this node's archive journal every `interval`, once at start (entries a killed process left unsealed) and
/// once more at a graceful shutdown. It is listed before the pipeline workers, so the service group stops it after
/// them: the final seal covers every document they archived.
struct ArchiveSealService: Service, CustomStringConvertible {
    let archive: any ArchivePort
    let interval: Duration
    let logger: Logger

    var description: String { "archive seal" }

    func run() async throws {
        await sealOnce(reason: "start")
        while !Task.isShuttingDownGracefully && !Task.isCancelled {
            do {
                try await cancelWhenGracefulShutdown {
                    try await Task.sleep(for: interval)
                }
            } catch {
                break
            }
            await sealOnce(reason: "interval")
        }
        await sealOnce(reason: "shutdown")
    }

    /// A failed seal is logged; the entries stay unsealed and the next seal covers them.
    func sealOnce(reason: String) async {
        do {
            if let seal = try await archive.seal() {
                logger.info("archive journal \(archive.journal): seal \(seal.number) (\(reason))")
            }
        } catch {
            logger.error("archive journal \(archive.journal): sealing failed (\(reason)): \(error)")
        }
    }
}
