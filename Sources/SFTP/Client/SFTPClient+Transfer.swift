import NIOCore

/// How `write` opens the remote file.
public enum SFTPWriteMode: Sendable, Hashable {
    /// Create the file, or empty an existing one, and write from offset 0.
    case truncate
    /// Create the file; fail if it exists.
    case createNew
    /// Keep what is there and write from this offset on (the file is created when missing).
    case resume(at: UInt64)
}

extension SFTPClient {
    /// Streams a remote file from `offset` to its end into `consumer`, in order, in chunks of at most 32,000 bytes,
    /// keeping several READ requests in flight. Returns the number of bytes delivered.
    @discardableResult
    public func read(
        _ path: String, from offset: UInt64 = 0, into consumer: ([UInt8]) async throws -> Void
    ) async throws -> UInt64 {
        let handle = try await openHandle(.open(path: path, flags: .read, attributes: .init()), path: path)
        let chunk = UInt32(SFTPLimits.maximumChunk)
        var queue: [(offset: UInt64, length: UInt32, reply: EventLoopFuture<SFTPResponse>)] = []
        var nextOffset = offset
        var delivered: UInt64 = 0
        func request(
            _ at: UInt64, _ length: UInt32
        ) -> (offset: UInt64, length: UInt32, reply: EventLoopFuture<SFTPResponse>) {
            (at, length, sendFuture(.read(handle: handle, offset: at, length: length)))
        }
        for _ in 0..<settings.requestsInFlight {
            queue.append(request(nextOffset, chunk))
            nextOffset += UInt64(chunk)
        }
        do {
            while !queue.isEmpty {
                let head = queue.removeFirst()
                switch try await head.reply.get() {
                case .data(_, let data):
                    let count = data.readableBytes
                    guard count > 0, count <= Int(head.length) else {
                        throw SFTPError.malformedPacket("READ of \(head.length) bytes answered with \(count) bytes")
                    }
                    try await consumer(Array(data.readableBytesView))
                    delivered += UInt64(count)
                    if count < Int(head.length) {
                        // A short read: ask for the rest of this range before anything after it.
                        queue.insert(request(head.offset + UInt64(count), head.length - UInt32(count)), at: 0)
                    } else {
                        queue.append(request(nextOffset, chunk))
                        nextOffset += UInt64(chunk)
                    }
                case .status(_, .endOfFile, _):
                    // Everything still queued lies past the end too.
                    queue.removeAll()
                case let other:
                    _ = try other.failingOnStatus(path: path)
                    throw SFTPError(.unexpectedResponse, path: path, message: "READ answered \(other.kind)")
                }
            }
        } catch {
            await closeHandle(handle, path: path)
            throw error
        }
        try await sendExpectingOK(.close(handle: handle), path: path)
        return delivered
    }

    /// The whole file in memory; throws `tooLarge` past `maxBytes`.
    public func readAll(_ path: String, maxBytes: Int) async throws -> [UInt8] {
        var bytes: [UInt8] = []
        try await read(path) { chunk in
            guard bytes.count + chunk.count <= maxBytes else {
                throw SFTPError(.tooLarge, path: path, message: "the file is larger than the \(maxBytes) bytes allowed")
            }
            bytes += chunk
        }
        return bytes
    }

    /// Writes the chunks of `source` to a remote file in order, cut into WRITE requests of at most 32,000 bytes with
    /// several in flight, then closes the file (the server's CLOSE reply confirms it). Returns the bytes written.
    @discardableResult
    public func write<Source: AsyncSequence>(
        _ path: String, from source: Source, mode: SFTPWriteMode = .truncate,
        progress: ((UInt64) async throws -> Void)? = nil
    ) async throws -> UInt64 where Source.Element == [UInt8] {
        let flags: SFTPOpenFlags
        var offset: UInt64 = 0
        switch mode {
        case .truncate: flags = [.write, .create, .truncate]
        case .createNew: flags = [.write, .create, .exclusive]
        case .resume(let start):
            flags = [.write, .create]
            offset = start
        }
        let start = offset
        let handle = try await openHandle(.open(path: path, flags: flags, attributes: .init()), path: path)
        var inFlight: [EventLoopFuture<SFTPResponse>] = []
        do {
            for try await bytes in source {
                var index = bytes.startIndex
                while index < bytes.endIndex {
                    let end = min(index + SFTPLimits.maximumChunk, bytes.endIndex)
                    if inFlight.count >= settings.requestsInFlight {
                        try checkOK(try await inFlight.removeFirst().get(), path: path)
                    }
                    let data = ByteBuffer(bytes: bytes[index..<end])
                    inFlight.append(sendFuture(.write(handle: handle, offset: offset, data: data)))
                    offset += UInt64(end - index)
                    index = end
                }
                if let progress { try await progress(offset - start) }
            }
            while !inFlight.isEmpty {
                try checkOK(try await inFlight.removeFirst().get(), path: path)
            }
        } catch {
            await closeHandle(handle, path: path)
            throw error
        }
        try await sendExpectingOK(.close(handle: handle), path: path)
        return offset - start
    }

    /// Writes bytes held in memory.
    @discardableResult
    public func write(_ path: String, bytes: [UInt8], mode: SFTPWriteMode = .truncate) async throws -> UInt64 {
        try await write(path, from: ByteChunks(bytes), mode: mode)
    }
}

/// Bytes in memory as an async sequence of one chunk (`write` cuts it into requests).
struct ByteChunks: AsyncSequence, Sendable {
    typealias Element = [UInt8]
    let bytes: [UInt8]

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    struct AsyncIterator: AsyncIteratorProtocol {
        var remaining: [UInt8]?
        mutating func next() async -> [UInt8]? {
            defer { remaining = nil }
            return remaining
        }
    }

    func makeAsyncIterator() -> AsyncIterator { AsyncIterator(remaining: bytes) }
}
