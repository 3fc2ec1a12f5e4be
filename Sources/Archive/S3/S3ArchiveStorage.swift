import Crypto
import Foundation

/// The archive in an S3 bucket with Object Lock, shared by several nodes. Layout under the location's prefix:
///
///     blobs/<sha256>                    a document; PUT once (If-None-Match: *), locked until its retainUntil
///     journal/<first line, 12 digits>   a segment: the lines of one append ("\n"-terminated), locked
///     seals/…, public-keys/…, timestamps/…   the other logs, same segments
///     state/verified.json               the incremental verification state (not locked: it is rewritten)
///
/// Every object but the state is written with `x-amz-object-lock-mode: COMPLIANCE` and
/// `x-amz-object-lock-retain-until-date`: until then, S3 itself refuses to delete it (in compliance mode not even
/// the account's root user can shorten or remove the lock).
///
/// **No fork with two writers**: a segment's key is the number of its first line, and it is written with
/// `If-None-Match: *`. Two nodes that both believe the journal has N lines both PUT `journal/<N+1>`; S3 accepts
/// exactly one and answers 412 to the other, which fails with `ArchiveError.concurrentWriter` (the archive
/// refuses further writes until reopened, which re-reads what the other node wrote). A PUT is atomic, so there
/// is never an incomplete line to repair.
public actor S3ArchiveStorage: ArchiveStorage {
    let client: S3Client
    /// How long log segments are locked (they are never deleted: lock them at least as long as any document).
    let logRetention: RetentionPolicy
    let clock: @Sendable () -> Date
    /// Keys per LIST page (S3's maximum is 1000; tests use less to exercise paging).
    let listPageSize: Int
    private var nextLine: [ArchiveLog: Int] = [:]
    public nonisolated let location: String

    public init(location: S3Location, credentials: S3Credentials, logRetention: RetentionPolicy = RetentionPolicy(),
                clock: @escaping @Sendable () -> Date = { Date() }, listPageSize: Int = 1000) {
        self.listPageSize = max(1, min(1000, listPageSize))
        self.client = S3Client(location: location, credentials: credentials)
        self.logRetention = logRetention
        self.clock = clock
        self.location = location.description
    }

    var prefix: String { client.location.prefix }

    func blobKey(_ sha256: String) -> String { "\(prefix)blobs/\(sha256)" }

    func logFolder(_ log: ArchiveLog) -> String {
        switch log {
        case .journal: "\(prefix)journal/"
        case .seals: "\(prefix)seals/"
        case .publicKeys: "\(prefix)public-keys/"
        case .timestamps: "\(prefix)timestamps/"
        }
    }

    func segmentKey(_ log: ArchiveLog, firstLine: Int) -> String {
        let digits = String(firstLine)
        return logFolder(log) + String(repeating: "0", count: max(0, 12 - digits.count)) + digits
    }

    /// The Object Lock headers of a locked PUT, with the Content-MD5 S3 requires alongside them.
    func lockedPutHeaders(_ body: [UInt8], until: Date) -> [String: String] {
        [
            "x-amz-object-lock-mode": "COMPLIANCE",
            "x-amz-object-lock-retain-until-date": S3Dates.iso8601(until),
            "content-md5": Data(Insecure.MD5.hash(data: body)).base64EncodedString(),
            "if-none-match": "*",
        ]
    }

    // MARK: blobs

    public func writeBlob(_ bytes: Data, sha256: String) async throws {
        try await writeBlob(bytes, sha256: sha256, retainUntil: logRetention.retainUntil(.original, archivedAt: clock()))
    }

    public func writeBlob(_ bytes: Data, sha256: String, retainUntil: Date?) async throws {
        guard Hex.isSHA256(sha256) else { throw ArchiveError.corrupt("not a SHA-256: \(sha256)") }
        let until = retainUntil ?? logRetention.retainUntil(.original, archivedAt: clock())
        let body = Array(bytes)
        let response = try await client.send("PUT", key: blobKey(sha256), headers: lockedPutHeaders(body, until: until),
                                             body: body)
        if response.status == 412 {
            try await extendRetention(blobKey(sha256), to: until)  // stored before: keep it at least this long
            return
        }
        try client.expectSuccess(response, "PUT blob \(sha256)")
    }

    /// Extends an existing object's lock when `until` is later (compliance mode allows extending, never shortening).
    func extendRetention(_ key: String, to until: Date) async throws {
        let head = try await client.send("HEAD", key: key)
        try client.expectSuccess(head, "HEAD \(key)")
        if let current = head.headers["x-amz-object-lock-retain-until-date"].flatMap(S3Dates.parse), current >= until {
            return
        }
        let body = Array(("<Retention xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Mode>COMPLIANCE</Mode>"
            + "<RetainUntilDate>\(S3Dates.iso8601(until))</RetainUntilDate></Retention>").utf8)
        var query = [("retention", "")]
        if let version = head.headers["x-amz-version-id"] { query.append(("versionId", version)) }
        let response = try await client.send(
            "PUT", key: key, query: query,
            headers: ["content-md5": Data(Insecure.MD5.hash(data: body)).base64EncodedString()], body: body)
        try client.expectSuccess(response, "PUT retention of \(key)")
    }

    public func digestBlob(_ sha256: String) async throws -> BlobDigest? {
        let response = try await client.send("GET", key: blobKey(sha256))
        if response.status == 404 { return nil }
        try client.expectSuccess(response, "GET blob \(sha256)")
        return BlobDigest(sha256: Digest.sha256(response.body), size: response.body.count)
    }

    public func readBlob(_ sha256: String) async throws -> Data {
        let response = try await client.send("GET", key: blobKey(sha256))
        if response.status == 404 { throw ArchiveError.corrupt("blob \(sha256) is missing") }
        try client.expectSuccess(response, "GET blob \(sha256)")
        return Data(response.body)
    }

    /// Deletes the blob's version (a plain DELETE would only hide it behind a delete marker). S3 refuses while
    /// the version is locked.
    public func deleteBlob(_ sha256: String) async throws {
        let head = try await client.send("HEAD", key: blobKey(sha256))
        if head.status == 404 { return }
        try client.expectSuccess(head, "HEAD blob \(sha256)")
        let query = head.headers["x-amz-version-id"].map { [("versionId", $0)] } ?? []
        let response = try await client.send("DELETE", key: blobKey(sha256), query: query)
        try client.expectSuccess(response, "DELETE blob \(sha256)")
    }

    // MARK: logs

    public func append(_ lines: [[UInt8]], to log: ArchiveLog) async throws {
        guard !lines.isEmpty else { return }
        let first: Int
        if let known = nextLine[log] {
            first = known
        } else {
            first = try await read(log).lines.count + 1
        }
        var body: [UInt8] = []
        for line in lines { body += line + [0x0a] }
        let key = segmentKey(log, firstLine: first)
        let until = logRetention.retainUntil(.original, archivedAt: clock())
        let response = try await client.send("PUT", key: key, headers: lockedPutHeaders(body, until: until), body: body)
        if response.status == 412 {
            nextLine[log] = nil
            throw ArchiveError.concurrentWriter(log: log.rawValue, line: first)
        }
        try client.expectSuccess(response, "PUT \(key)")
        nextLine[log] = first + lines.count
    }

    public func read(_ log: ArchiveLog) async throws -> LogContent {
        let folder = logFolder(log)
        let keys = try await client.list(prefix: folder, pageSize: listPageSize)
        var lines: [[UInt8]] = []
        var start = 0
        while start < keys.count {
            let batch = Array(keys[start..<min(keys.count, start + 16)])
            let bodies = try await withThrowingTaskGroup(of: (Int, [UInt8]).self) { group in
                for (index, key) in batch.enumerated() {
                    group.addTask { [client] in
                        let response = try await client.send("GET", key: key)
                        try client.expectSuccess(response, "GET \(key)")
                        return (index, response.body)
                    }
                }
                var found = [[UInt8]](repeating: [], count: batch.count)
                for try await (index, body) in group { found[index] = body }
                return found
            }
            for (key, body) in zip(batch, bodies) {
                guard Int(key.dropFirst(folder.count)) == lines.count + 1 else {
                    throw ArchiveError.corrupt("\(location): segment \(key) does not start at line \(lines.count + 1)")
                }
                guard body.last == 0x0a else { throw ArchiveError.corrupt("\(location): segment \(key) is cut") }
                lines += body.split(separator: 0x0a, omittingEmptySubsequences: false).dropLast().map { Array($0) }
            }
            start += batch.count
        }
        nextLine[log] = lines.count + 1
        return LogContent(lines: lines, tornTailBytes: 0)
    }

    /// S3 PUTs are atomic: a segment is all there or not at all.
    public func repairTornTail(of log: ArchiveLog) async throws -> Int { 0 }

    // MARK: state

    public func readState(_ name: String) async throws -> Data? {
        let response = try await client.send("GET", key: "\(prefix)state/\(name)")
        if response.status == 404 { return nil }
        try client.expectSuccess(response, "GET state/\(name)")
        return Data(response.body)
    }

    public func writeState(_ name: String, _ data: Data) async throws {
        let response = try await client.send("PUT", key: "\(prefix)state/\(name)", body: Array(data))
        try client.expectSuccess(response, "PUT state/\(name)")
    }

    public func close() async {}
}

/// `x-amz-object-lock-retain-until-date` values: ISO 8601 in UTC, whole seconds.
enum S3Dates {
    static func iso8601(_ date: Date) -> String {
        Date(timeIntervalSince1970: date.timeIntervalSince1970.rounded(.up)).ISO8601Format()
    }

    static func parse(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        let fractional = ISO8601DateFormatter()
        fractional.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return fractional.date(from: text)
    }
}

extension S3ArchiveStorage {
    /// Each blob with its own lock (several PUTs at a time).
    public func writeBlobs(_ blobs: [(sha256: String, bytes: Data)], retainUntil: [Date]) async throws {
        try await withThrowingTaskGroup(of: Void.self) { group in
            for (index, blob) in blobs.enumerated() {
                let until = retainUntil.indices.contains(index) ? retainUntil[index] : nil
                group.addTask { try await self.writeBlob(blob.bytes, sha256: blob.sha256, retainUntil: until) }
                if index % 8 == 7 { try await group.next() }
            }
            try await group.waitForAll()
        }
    }
}
