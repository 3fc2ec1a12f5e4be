import Foundation

/// Takes ERP files dropped in a local folder, safely:
///
/// 1. A file is taken only when complete: its size and modification time unchanged for ``Configuration/Completion``
///    `stableFor`, or a `<name>.done` companion present.
/// 2. It is claimed by an atomic `rename` into `processing/<claim id>/<name>`: when several pickers (threads or
///    processes) watch one folder, exactly one of them gets each file.
/// 3. It is fingerprinted (SHA-256 of its content and its name). A fingerprint seen before means the same file was
///    dropped again: it goes to `done/` with a `<name>.duplicate` note and is not imported again.
/// 4. The handler imports it; then it is moved to `done/`, or to `error/` with `<name>.errors.csv` when something
///    was refused. The original is never deleted, and no file in `done/` or `error/` is ever replaced.
///
/// Names with a path separator, NUL, or starting with `.` are refused (left in place, reported).
///
/// This is ``PickupWorker`` over a ``LocalChannelFolder`` with fingerprints in `.fingerprints/` (for
/// `passerelle import --watch`); `passerelle serve` keeps them in the gateway's store instead.
public actor FolderPickup {
    public struct Configuration: Sendable {
        public typealias Completion = PickupCompletion

        public var folder: String
        public var completion: Completion

        public init(folder: String, completion: Completion = .stableFor(.seconds(5))) {
            self.folder = folder
            self.completion = completion
        }

        public var processingFolder: String { (folder as NSString).appendingPathComponent("processing") }
        public var doneFolder: String { (folder as NSString).appendingPathComponent("done") }
        public var errorFolder: String { (folder as NSString).appendingPathComponent("error") }
        public var fingerprintFolder: String { (folder as NSString).appendingPathComponent(".fingerprints") }
    }

    /// What became of one file.
    public enum Outcome: Sendable, Hashable {
        case done(name: String, path: String)
        case duplicate(name: String, path: String)
        /// Something was refused (or the whole file failed): the file and its error report are in `error/`.
        case failed(name: String, path: String, report: String)
        /// The name is not acceptable; the file was left where it is.
        case refusedName(String)
    }

    /// Imports one claimed file and returns what it refused (empty: all good). Throwing fails the whole file.
    public typealias Handler = @Sendable (_ path: String, _ name: String) async throws -> [Rejection]

    public let configuration: Configuration
    private let worker: PickupWorker

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        for folder in [configuration.folder, configuration.processingFolder, configuration.doneFolder,
                       configuration.errorFolder] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        let fingerprints = try FingerprintStore(folder: configuration.fingerprintFolder)
        self.worker = PickupWorker(
            folder: LocalChannelFolder(root: configuration.folder), completion: configuration.completion,
            fingerprints: fingerprints, spool: (configuration.processingFolder as NSString).appendingPathComponent(".spool"))
    }

    /// Looks at the folder once and processes every complete file, one after the other.
    public func scanOnce(handler: @escaping Handler) async throws -> [Outcome] {
        let folder = configuration.folder
        func absolute(_ path: String?) -> String {
            (folder as NSString).appendingPathComponent(path ?? "")
        }
        return try await worker.scanOnce { path, name in
            PickupResult(rejections: try await handler(path, name))
        }.map { outcome in
            switch outcome.kind {
            case .done: .done(name: outcome.name, path: absolute(outcome.path))
            case .duplicate: .duplicate(name: outcome.name, path: absolute(outcome.path))
            case .failed: .failed(name: outcome.name, path: absolute(outcome.path), report: absolute(outcome.reportPath))
            case .refusedName: .refusedName(outcome.name)
            }
        }
    }

    /// Files a picker left in `processing/` when it stopped mid-way (a crash), claimed longer ago than `age`: moved
    /// back into the folder with their fingerprint forgotten, so that the next scan takes them again (intake's own
    /// deduplication makes a second submission of the same invoice harmless). Choose `age` above the longest import.
    /// Returns the names put back.
    public func recoverAbandoned(olderThan age: Duration) async throws -> [String] {
        try await worker.recoverAbandoned(olderThan: age)
    }

    /// Refuses an unsafe name coming from elsewhere (an SFTP listing) before it is used as a path.
    public static func checkName(_ name: String) -> Bool { PickupFiles.isSafeName(name) }
}
