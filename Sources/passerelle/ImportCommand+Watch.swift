import Channels
import Foundation

extension ImportCommand {
    /// Picks up files dropped in `folder` until interrupted (or once), importing each with `importer`.
    static func watch(folder: String, importer: FileImporter, stable: Int, doneMarker: Bool, once: Bool)
        async throws -> Int32
    {
        let completion: FolderPickup.Configuration.Completion =
            doneMarker ? .doneMarker : .stableFor(.seconds(max(stable, 0)))
        let pickup = try FolderPickup(configuration: .init(folder: folder, completion: completion))
        var failures = 0
        print("watching \(folder) (done/, error/ and processing/ inside it); Ctrl-C stops")
        while true {
            let outcomes = try await pickup.scanOnce { path, name in
                let report = try await importer.importFile(at: path)
                print(report.summary.joined(separator: "\n").replacingOccurrences(of: path, with: name))
                return report.rejected
            }
            for outcome in outcomes {
                switch outcome {
                case .done(let name, let path): print("\(name): done → \(path)")
                case .duplicate(let name, let path): print("\(name): duplicate of a file already imported → \(path)")
                case .failed(let name, let path, let report):
                    failures += 1
                    print("\(name): refused in part or whole → \(path) (report \(report))")
                case .refusedName(let name): print("\(name): refused name, left in place")
                }
            }
            if once { break }
            try await Task.sleep(for: .seconds(1))
        }
        return failures == 0 ? 0 : 1
    }
}
