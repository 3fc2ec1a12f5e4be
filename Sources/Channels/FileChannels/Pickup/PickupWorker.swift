import Foundation

/// When a dropped file counts as complete.
public enum PickupCompletion: Sendable, Hashable {
    /// Size and modification time unchanged for this long across scans (zero: take at once).
    case stableFor(Duration)
    /// A `<name>.done` file marks `<name>` complete (the sender writes it last).
    case doneMarker
}

/// What a handler made of one file.
public struct PickupResult: Sendable {
    /// What was refused; empty when everything was accepted.
    public var rejections: [Rejection]
    /// The import's full report, when there is one (for acknowledgement files).
    public var report: ImportReport?

    public init(rejections: [Rejection], report: ImportReport? = nil) {
        self.rejections = rejections
        self.report = report
    }
}

/// What became of one file.
public struct PickupOutcome: Sendable {
    public enum Kind: Sendable, Hashable {
        /// Imported; moved to `done/`.
        case done
        /// The same file (content and name) was taken before; moved to `done/` with a `.duplicate` note.
        case duplicate
        /// Something was refused, or the file failed as a whole: moved to `error/` with `<name>.errors.csv`.
        case failed
        /// The name is unsafe (`/`, `\`, NUL, `..`, hidden): left where it is.
        case refusedName
    }

    public var kind: Kind
    public var name: String
    /// Where the file is now, relative to the channel folder.
    public var path: String?
    /// The error report, relative to the channel folder.
    public var reportPath: String?
    public var result: PickupResult?
    /// Why the file failed as a whole.
    public var failure: String?
}

/// The pick-up, written once over ``ChannelFolder`` (a local folder or an SFTP folder):
///
/// 1. Only complete files are taken (``PickupCompletion``); hidden names, `.done` companions and `*.part` / `*.tmp`
///    files never are.
/// 2. A file is claimed by one atomic rename into `processing/<claim id>/<name>`: of several pickers (threads,
///    processes, nodes, SFTP connections) exactly one gets it.
/// 3. It is read in place (local) or downloaded into the spool folder (SFTP; a cut resumes), then fingerprinted
///    (SHA-256 of content and name) in the ``FingerprintRegistry``: a file taken before goes to `done/` with a
///    `.duplicate` note.
/// 4. The handler imports it. Only then does the original move, to `done/`, or to `error/` with
///    `<name>.errors.csv`. Nothing is deleted and nothing in `done/` or `error/` is replaced.
public actor PickupWorker {
    public typealias Handler = @Sendable (_ localPath: String, _ name: String) async throws -> PickupResult

    public static let processing = "processing"
    public static let done = "done"
    public static let error = "error"

    public nonisolated let folder: any ChannelFolder
    public nonisolated let completion: PickupCompletion
    let fingerprints: any FingerprintRegistry
    /// Local folder for downloads (SFTP).
    let spool: String
    private var observed: [String: (size: UInt64, modified: Date?, since: ContinuousClock.Instant)] = [:]
    private var reportedNames: Set<String> = []
    private var prepared = false

    public init(folder: any ChannelFolder, completion: PickupCompletion, fingerprints: any FingerprintRegistry,
                spool: String) {
        self.folder = folder
        self.completion = completion
        self.fingerprints = fingerprints
        self.spool = spool
    }

    /// Creates `processing/`, `done/` and `error/` when missing.
    public func prepare() async throws {
        guard !prepared else { return }
        for name in [Self.processing, Self.done, Self.error] { try await folder.makeFolder(name) }
        prepared = true
    }

    /// Looks at the folder once and processes every complete file, one after the other.
    public func scanOnce(handler: Handler) async throws -> [PickupOutcome] {
        try await prepare()
        var outcomes: [PickupOutcome] = []
        let (ready, refused) = try await readyNames()
        for name in refused {
            outcomes.append(PickupOutcome(
                kind: .refusedName, name: name,
                failure: "refused name \(String(reflecting: name)): a file name may not contain /, \\, NUL or .., nor start with a dot"))
        }
        for name in ready {
            if let outcome = try await process(name: name, handler: handler) { outcomes.append(outcome) }
        }
        return outcomes
    }

    /// The complete names, and the unsafe names not reported before.
    private func readyNames() async throws -> (ready: [String], refused: [String]) {
        let entries = try await folder.list("").sorted { $0.name < $1.name }
        let present = Set(entries.map(\.name))
        var ready: [String] = []
        var refused: [String] = []
        let now = ContinuousClock.now
        for entry in entries where entry.isFile {
            let name = entry.name
            guard ChannelFolders.isSafeName(name) else {
                if !name.hasPrefix("."), reportedNames.insert(name).inserted { refused.append(name) }
                continue
            }
            if name.hasSuffix(".done") || name.hasSuffix(".part") || name.hasSuffix(".tmp") { continue }
            switch completion {
            case .doneMarker:
                if present.contains(name + ".done") { ready.append(name) }
            case .stableFor(let wait):
                if let seen = observed[name], seen.size == entry.size, seen.modified == entry.modified {
                    if now - seen.since >= wait { ready.append(name) }
                } else {
                    observed[name] = (entry.size, entry.modified, now)
                    if wait == .zero { ready.append(name) }
                }
            }
        }
        observed = observed.filter { present.contains($0.key) }
        return (ready, refused)
    }

    private func process(name: String, handler: Handler) async throws -> PickupOutcome? {
        let claimID = UUID().uuidString.lowercased()
        let claimFolder = ChannelFolders.join(Self.processing, claimID)
        try await folder.makeFolder(claimFolder)
        let claimed = ChannelFolders.join(claimFolder, name)
        observed[name] = nil
        guard try await folder.move(name, to: claimed) == .moved else {
            try? await folder.removeFolder(claimFolder)  // another picker took it first
            return nil
        }
        let spoolFolder = (spool as NSString).appendingPathComponent(claimID)
        defer { try? FileManager.default.removeItem(atPath: spoolFolder) }
        let local: String
        let fingerprint: String
        do {
            local = try await localCopy(of: claimed, name: name, spoolFolder: spoolFolder)
            fingerprint = FingerprintStore.fingerprint(contentSHA256: try PickupFiles.sha256(path: local), name: name)
        } catch {
            // Not taken after all: put it back for a later scan.
            _ = try? await ChannelFolders.moveNoReplace(claimed, in: folder, into: "", name: name)
            try? await folder.removeFolder(claimFolder)
            throw error
        }
        let outcome: PickupOutcome
        let isNew = try await fingerprints.claimFingerprint(fingerprint, name: name, claimID: claimID)
        if !isNew {
            outcome = try await finishDuplicate(claimed, name: name, fingerprint: fingerprint)
        } else {
            outcome = try await run(handler, claimed: claimed, local: local, name: name, fingerprint: fingerprint)
        }
        try? await folder.removeFolder(claimFolder)
        return outcome
    }

    private func run(_ handler: Handler, claimed: String, local: String, name: String, fingerprint: String)
        async throws -> PickupOutcome
    {
        let result: PickupResult
        do {
            result = try await handler(local, name)
        } catch {
            try await fingerprints.releaseFingerprint(fingerprint)
            let failure = Rejection(invoiceNumber: nil, firstLine: 0, lastLine: 0,
                                    problems: [RowProblem(line: 0, message: "\(error)")])
            var outcome = try await moveToError(claimed, name: name, result: PickupResult(rejections: [failure]))
            outcome.failure = "\(error)"
            return outcome
        }
        guard result.rejections.isEmpty else { return try await moveToError(claimed, name: name, result: result) }
        let path = try await moveAway(claimed, into: Self.done, name: name)
        return PickupOutcome(kind: .done, name: name, path: path, result: result)
    }

    private func localCopy(of claimed: String, name: String, spoolFolder: String) async throws -> String {
        if let path = folder.localPath(claimed) { return path }
        try FileManager.default.createDirectory(atPath: spoolFolder, withIntermediateDirectories: true)
        let local = (spoolFolder as NSString).appendingPathComponent(name)
        try await folder.download(claimed, toLocal: local)
        return local
    }

    private func finishDuplicate(_ claimed: String, name: String, fingerprint: String) async throws -> PickupOutcome {
        let path = try await moveAway(claimed, into: Self.done, name: name)
        let stamp = ISO8601DateFormatter().string(from: Date())
        let note = "duplicate: a file with the same name and content (SHA-256 \(fingerprint.prefix(64))) was already "
            + "imported; this copy was not imported again (\(stamp))\n"
        let noteName = (path as NSString).lastPathComponent + ".duplicate"
        try await ChannelFolders.deliver(Array(note.utf8), to: folder, folder: Self.done, name: noteName)
        return PickupOutcome(kind: .duplicate, name: name, path: path)
    }

    private func moveToError(_ claimed: String, name: String, result: PickupResult) async throws -> PickupOutcome {
        let path = try await moveAway(claimed, into: Self.error, name: name)
        let reportName = (path as NSString).lastPathComponent + ".errors.csv"
        let report = try await ChannelFolders.deliver(
            Array(ErrorReportCSV.render(result.rejections).utf8), to: folder, folder: Self.error, name: reportName)
        return PickupOutcome(kind: .failed, name: name, path: path, reportPath: report, result: result)
    }

    /// Moves the claimed file into `done/` or `error/`; its `.done` companion follows it.
    private func moveAway(_ claimed: String, into target: String, name: String) async throws -> String {
        guard let path = try await ChannelFolders.moveNoReplace(claimed, in: folder, into: target, name: name) else {
            throw ChannelFolderError(path: claimed, message: "the claimed file vanished from processing/")
        }
        if case .doneMarker = completion {
            _ = try? await folder.move(name + ".done", to: path + ".done")
        }
        return path
    }

    /// Files a picker left in `processing/` when it stopped mid-way (a crash), claimed longer ago than `age`: put
    /// back into the folder with their fingerprint forgotten, so that the next scan takes them again (intake's own
    /// deduplication makes a second submission of the same invoice harmless). Choose `age` above the longest
    /// import. Returns the names put back.
    public func recoverAbandoned(olderThan age: Duration) async throws -> [String] {
        try await prepare()
        let limit = Date().addingTimeInterval(-Double(age.components.seconds))
        var recovered: [String] = []
        for claim in try await folder.list(Self.processing) where claim.isDirectory {
            guard let claimed = claim.modified, claimed < limit, ChannelFolders.isSafeName(claim.name) else { continue }
            let claimFolder = ChannelFolders.join(Self.processing, claim.name)
            for file in try await folder.list(claimFolder) where file.isFile && ChannelFolders.isSafeName(file.name) {
                let path = ChannelFolders.join(claimFolder, file.name)
                let spoolFolder = (spool as NSString).appendingPathComponent(claim.name)
                defer { try? FileManager.default.removeItem(atPath: spoolFolder) }
                let local = try await localCopy(of: path, name: file.name, spoolFolder: spoolFolder)
                try await fingerprints.releaseFingerprint(
                    FingerprintStore.fingerprint(contentSHA256: try PickupFiles.sha256(path: local), name: file.name))
                if try await ChannelFolders.moveNoReplace(path, in: folder, into: "", name: file.name) != nil {
                    recovered.append(file.name)
                }
            }
            try? await folder.removeFolder(claimFolder)
        }
        return recovered
    }
}
