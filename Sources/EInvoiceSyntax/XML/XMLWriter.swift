import EInvoice

/// A streaming XML writer into a byte buffer: escapes text and attributes, writes no whitespace.
///
/// The writer owns its memory and writes straight into it: a tag or a run of text costs one room check and one
/// copy, with no array append, no uniqueness check and no intermediate `String`. The memory is a list of chunks
/// of at most `chunkSize` bytes, filled in turn and never moved (growing copies nothing, and chunks stay small
/// enough for the allocator to reuse them, where large buffers would be mapped and unmapped for each
/// document); `finish()` copies them into the one array it returns. Because it owns that memory the writer
/// cannot be copied. Text that needs no escaping (nearly all of it) is checked once and copied in one go.
public struct XMLWriter: ~Copyable {
    /// The chunk being filled: written bytes are `base[0..<count]`, the rest up to `capacity` is spare room.
    private var base: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    /// The chunks filled before it, with how many bytes each holds.
    private var filled: [(start: UnsafeMutablePointer<UInt8>, count: Int)] = []
    private var filledCount = 0

    /// The largest chunk: below the size from which allocators map memory afresh for each allocation.
    static let chunkSize = 64 * 1024

    public init(capacity: Int = 16 * 1024) {
        self.capacity = Swift.min(Swift.max(capacity, 64), Self.chunkSize)
        base = .allocate(capacity: self.capacity)
        raw("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
    }

    deinit {
        for chunk in filled { chunk.start.deallocate() }
        base.deallocate()
    }

    /// The document written so far.
    public var bytes: [UInt8] {
        Array(unsafeUninitializedCapacity: filledCount + count) { buffer, initialized in
            guard var target = buffer.baseAddress else { return }
            for chunk in filled {
                target.initialize(from: chunk.start, count: chunk.count)
                target += chunk.count
            }
            target.initialize(from: base, count: count)
            initialized = filledCount + count
        }
    }

    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The document written.
    public func finish() -> [UInt8] { bytes }

    public mutating func raw(_ text: String) {
        append(text)
    }

    /// `<name attr="value"…>` — attributes with a nil value are left out.
    public mutating func open(_ name: String, _ attributes: [(String, String?)] = []) {
        write(UInt8(ascii: "<"))
        append(name)
        for (key, value) in attributes {
            guard let value else { continue }
            attribute(key, value)
        }
        write(UInt8(ascii: ">"))
    }

    /// `<name key="value">`, or `<name>` when the value is nil (the one-attribute case, without an array).
    mutating func open(_ name: String, attribute key: String, _ value: String?) {
        write(UInt8(ascii: "<"))
        append(name)
        if let value { attribute(key, value) }
        write(UInt8(ascii: ">"))
    }

    public mutating func close(_ name: String) {
        write(UInt8(ascii: "<"), UInt8(ascii: "/"))
        append(name)
        write(UInt8(ascii: ">"))
    }

    /// `<name attr…>text</name>`; nothing at all when `text` is nil.
    public mutating func element(_ name: String, _ text: String?, _ attributes: [(String, String?)] = []) {
        guard let text else { return }
        open(name, attributes)
        escape(text, inAttribute: false)
        close(name)
    }

    /// `<name key="value">text</name>` (the one-attribute case, without an array); nothing when `text` is nil.
    mutating func element(_ name: String, _ text: String?, attribute key: String, _ value: String?) {
        guard let text else { return }
        open(name, attribute: key, value)
        escape(text, inAttribute: false)
        close(name)
    }

    /// Writes `open`, the body, then `close`.
    public mutating func group(_ name: String, _ attributes: [(String, String?)] = [], _ body: (inout XMLWriter) -> Void) {
        open(name, attributes)
        body(&self)
        close(name)
    }

    /// The text of a number (its digits never need escaping).
    mutating func number(_ value: ExactDecimal) {
        value.withDescriptionBytes { write($0) }
    }

    private mutating func attribute(_ key: String, _ value: String) {
        write(UInt8(ascii: " "))
        append(key)
        write(UInt8(ascii: "="), UInt8(ascii: "\""))
        escape(value, inAttribute: true)
        write(UInt8(ascii: "\""))
    }

    /// The UTF-8 bytes of a string, copied in one go when they are contiguous (always, for native strings).
    private mutating func append(_ text: String) {
        let copied: Void? = text.utf8.withContiguousStorageIfAvailable { write($0) }
        if copied == nil { for byte in text.utf8 { write(byte) } }
    }

    mutating func escape(_ text: String, inAttribute: Bool) {
        let copied: Bool? = text.utf8.withContiguousStorageIfAvailable { buffer in
            guard !XMLEscaping.needsEscaping(buffer, inAttribute: inAttribute) else { return false }
            write(buffer)
            return true
        }
        if copied == true { return }
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "<"): append("&lt;")
            case UInt8(ascii: ">"): append("&gt;")
            case UInt8(ascii: "&"): append("&amp;")
            case UInt8(ascii: "\"") where inAttribute: append("&quot;")
            case 0x0D: append("&#13;")
            case 0x0A where inAttribute: append("&#10;")
            case 0x09 where inAttribute: append("&#9;")
            default: write(byte)
            }
        }
    }

    // MARK: The buffer

    /// Makes room for `size` more contiguous bytes and returns where they go; the caller fills them, then calls
    /// `commit`. For tags and short text: longer runs go through `write(_:)`, which splits them across chunks.
    @inline(__always)
    mutating func room(_ size: Int) -> UnsafeMutablePointer<UInt8> {
        if count + size > capacity { startChunk(size) }
        return base + count
    }

    /// Counts `size` bytes filled after `room` as written.
    @inline(__always)
    mutating func commit(_ size: Int) {
        count += size
    }

    /// Sets the current chunk aside and starts one with room for at least `size` bytes.
    @inline(never)
    private mutating func startChunk(_ size: Int) {
        filled.append((base, count))
        filledCount += count
        capacity = Swift.max(size, Self.chunkSize)
        base = .allocate(capacity: capacity)
        count = 0
    }

    @inline(__always)
    mutating func write(_ run: UnsafeBufferPointer<UInt8>) {
        if count + run.count <= capacity {
            XMLEscaping.copy(run, to: base + count)
            count += run.count
        } else {
            writeAcrossChunks(run)
        }
    }

    /// A run longer than the room left: fills the chunk, then continues in new ones.
    @inline(never)
    private mutating func writeAcrossChunks(_ run: UnsafeBufferPointer<UInt8>) {
        var rest = run
        while !rest.isEmpty {
            if count == capacity { startChunk(1) }
            let part = Swift.min(rest.count, capacity - count)
            XMLEscaping.copy(UnsafeBufferPointer(rebasing: rest[..<part]), to: base + count)
            count += part
            rest = UnsafeBufferPointer(rebasing: rest[part...])
        }
    }

    @inline(__always)
    mutating func write(_ byte: UInt8) {
        room(1).pointee = byte
        commit(1)
    }

    @inline(__always)
    mutating func write(_ first: UInt8, _ second: UInt8) {
        let target = room(2)
        target[0] = first
        target[1] = second
        commit(2)
    }
}

/// What the writer escapes, and the copy it writes runs with.
enum XMLEscaping {
    /// Whether `XMLWriter.escape` writes the byte as something else.
    @inline(__always) static func needsEscaping(_ byte: UInt8, inAttribute: Bool) -> Bool {
        switch byte {
        case UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "&"), 0x0D: true
        case UInt8(ascii: "\""), 0x0A, 0x09: inAttribute
        default: false
        }
    }

    @inline(__always) static func needsEscaping(_ bytes: UnsafeBufferPointer<UInt8>, inAttribute: Bool) -> Bool {
        bytes.contains(where: { needsEscaping($0, inAttribute: inAttribute) })
    }

    /// Copies `run` to `target`: a loop for the short runs of tag names and most values, `memcpy` for longer ones.
    @inline(__always) static func copy(_ run: UnsafeBufferPointer<UInt8>, to target: UnsafeMutablePointer<UInt8>) {
        guard let source = run.baseAddress else { return }
        if run.count <= 16 {
            for offset in 0..<run.count { target[offset] = source[offset] }
        } else {
            target.update(from: source, count: run.count)
        }
    }
}
