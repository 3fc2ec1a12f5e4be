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
public actor FolderPickup {
    public struct Configuration: Sendable {
        public enum Completion: Sendable, Hashable {
            /// Size and modification time unchanged for this long (zero: take at once).
            case stableFor(Duration)
            /// A `<name>.done` file marks `<name>` complete.
            case doneMarker
        }

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
    private let fingerprints: FingerprintStore
    private var observed: [String: (size: Int64, modified: Date, since: ContinuousClock.Instant)] = [:]
    private var refusedNames: Set<String> = []

    public init(configuration: Configuration) throws {
        self.configuration = configuration
        for folder in [configuration.folder, configuration.processingFolder, configuration.doneFolder,
                       configuration.errorFolder] {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        self.fingerprints = try FingerprintStore(folder: configuration.fingerprintFolder)
    }

    /// Looks at the folder once and processes every complete file, one after the other.
    public func scanOnce(handler: Handler) async throws -> [Outcome] {
        var outcomes: [Outcome] = []
        for name in try readyNames() {
            if let outcome = try await process(name: name, handler: handler) { outcomes.append(outcome) }
        }
        return outcomes
    }

    /// The names in the folder that are complete, oldest observation first; unsafe names are reported once.
    private func readyNames() throws -> [String] {
        let folder = configuration.folder
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        let present = Set(names)
        var ready: [String] = []
        let now = ContinuousClock.now
        for name in names {
            if name.hasSuffix(".done") || ["processing", "done", "error", ".fingerprints"].contains(name) { continue }
            guard PickupFiles.isSafeName(name) else { continue }
            let path = (folder as NSString).appendingPathComponent(name)
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), !isDirectory.boolValue else {
                continue
            }
            switch configuration.completion {
            case .doneMarker:
                if present.contains(name + ".done") { ready.append(name) }
            case .stableFor(let wait):
                guard let attributes = try? FileManager.default.attributesOfItem(atPath: path),
                    let size = (attributes[.size] as? NSNumber)?.int64Value,
                    let modified = attributes[.modificationDate] as? Date
                else { continue }
                if let seen = observed[name], seen.size == size, seen.modified == modified {
                    if now - seen.since >= wait { ready.append(name) }
                } else {
                    observed[name] = (size, modified, now)
                    if wait == .zero { ready.append(name) }
                }
            }
        }
        observed = observed.filter { present.contains($0.key) }
        return ready
    }

    /// Files a picker left in `processing/` when it stopped mid-way (a crash), claimed longer ago than `age`: moved
    /// back into the folder with their fingerprint forgotten, so that the next scan takes them again (intake's own
    /// deduplication makes a second submission of the same invoice harmless). Choose `age` above the longest import.
    /// Returns the names put back.
    public func recoverAbandoned(olderThan age: Duration) throws -> [String] {
        let manager = FileManager.default
        let limit = Date().addingTimeInterval(-Double(age.components.seconds))
        var recovered: [String] = []
        for claim in try manager.contentsOfDirectory(atPath: configuration.processingFolder) {
            let claimFolder = (configuration.processingFolder as NSString).appendingPathComponent(claim)
            guard let claimed = try? manager.attributesOfItem(atPath: claimFolder)[.modificationDate] as? Date,
                claimed < limit
            else { continue }
            for name in try manager.contentsOfDirectory(atPath: claimFolder) where PickupFiles.isSafeName(name) {
                let path = (claimFolder as NSString).appendingPathComponent(name)
                fingerprints.release(
                    FingerprintStore.fingerprint(contentSHA256: try PickupFiles.sha256(path: path), name: name))
                _ = try PickupFiles.moveNoReplace(path, into: configuration.folder, name: name)
                recovered.append(name)
            }
            try? manager.removeItem(atPath: claimFolder)
        }
        return recovered
    }

    /// Refuses an unsafe name coming from elsewhere (an SFTP listing) before it is used as a path.
    public static func checkName(_ name: String) -> Bool { PickupFiles.isSafeName(name) }

    private func process(name: String, handler: Handler) async throws -> Outcome? {
        guard PickupFiles.isSafeName(name) else { return .refusedName(name) }
        let source = (configuration.folder as NSString).appendingPathComponent(name)
        let claimFolder = (configuration.processingFolder as NSString)
            .appendingPathComponent(UUID().uuidString.lowercased())
        try FileManager.default.createDirectory(atPath: claimFolder, withIntermediateDirectories: false)
        let claimed = (claimFolder as NSString).appendingPathComponent(name)
        guard PickupFiles.claim(source, to: claimed) else {
            // Another picker took it first.
            try? FileManager.default.removeItem(atPath: claimFolder)
            observed[name] = nil
            return nil
        }
        observed[name] = nil
        defer { try? FileManager.default.removeItem(atPath: claimFolder) }
        let marker = (configuration.folder as NSString).appendingPathComponent(name + ".done")
        let fingerprint = FingerprintStore.fingerprint(contentSHA256: try PickupFiles.sha256(path: claimed), name: name)
        let stamp = ISO8601DateFormatter().string(from: Date())
        guard try fingerprints.claim(fingerprint, note: "\(name) taken \(stamp)\n") else {
            let path = try PickupFiles.moveNoReplace(claimed, into: configuration.doneFolder, name: name)
            try PickupFiles.writeText(
                "duplicate: a file with the same name and content (SHA-256 \(fingerprint.prefix(64))) was already imported; this copy was not imported again (\(stamp))\n",
                to: path + ".duplicate")
            moveMarker(marker, besides: path)
            return .duplicate(name: name, path: path)
        }
        let rejections: [Rejection]
        do {
            rejections = try await handler(claimed, name)
        } catch {
            fingerprints.release(fingerprint)
            let failure = Rejection(invoiceNumber: nil, firstLine: 0, lastLine: 0,
                                    problems: [RowProblem(line: 0, message: "\(error)")])
            return try moveToError(claimed, name: name, rejections: [failure], marker: marker)
        }
        if rejections.isEmpty {
            let path = try PickupFiles.moveNoReplace(claimed, into: configuration.doneFolder, name: name)
            moveMarker(marker, besides: path)
            return .done(name: name, path: path)
        }
        return try moveToError(claimed, name: name, rejections: rejections, marker: marker)
    }

    private func moveToError(_ claimed: String, name: String, rejections: [Rejection], marker: String) throws
        -> Outcome
    {
        let path = try PickupFiles.moveNoReplace(claimed, into: configuration.errorFolder, name: name)
        let report = path + ".errors.csv"
        try PickupFiles.writeText(ErrorReportCSV.render(rejections), to: report)
        moveMarker(marker, besides: path)
        return .failed(name: name, path: path, report: report)
    }

    /// The `.done` companion follows its file.
    private func moveMarker(_ marker: String, besides path: String) {
        guard case .doneMarker = configuration.completion, FileManager.default.fileExists(atPath: marker) else {
            return
        }
        try? FileManager.default.moveItem(atPath: marker, toPath: path + ".done")
    }
}
