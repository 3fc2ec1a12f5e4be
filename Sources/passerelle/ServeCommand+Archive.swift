import Archive
import Foundation
import GatewayArchive
import Server

/// The legal archive of `passerelle serve`: this node's journal under the archive root (docs/archive.md, "In the
/// pipeline"). The adapter lives in `GatewayArchive` because neither `Gateway` nor `Server` may import `Archive`.
extension ServeCommand {
    static func openArchive(_ configuration: ServerConfiguration) async throws -> NodeArchive {
        let node: String
        if let configured = configuration.archive.node {
            node = configured
        } else {
            do {
                node = try ArchiveRoot.nodeName(dataDirectory: configuration.dataDirectory)
            } catch {
                throw fail("archive.node: \(error)", status: 2)
            }
        }
        let settings = NodeArchive.Settings(
            root: URL(fileURLWithPath: configuration.resolvedArchiveDirectory), node: node,
            signingKeyPath: configuration.resolvedArchiveSigningKey,
            retention: RetentionPolicy(defaultYears: configuration.archive.retentionYears,
                                       yearsByKind: configuration.archive.retentionByKind))
        do {
            return try await NodeArchive.open(settings)
        } catch {
            throw fail("archive.dir: \(error.description)", status: 2)
        }
    }
}
