/// A PDF file opened for reading. Only the cross-reference data is read up front; objects are parsed when
/// asked for (and cached), so extracting an attachment touches a handful of objects of a large file.
///
/// Reading methods are `mutating` because they fill the cache. Every method is bounded by `limits` and
/// throws a `PDFError` on bad input; nothing traps.
public struct PDFDocument: Sendable {
    public let bytes: [UInt8]
    public let limits: PDFLimits
    var xref: PDFXref
    /// Problems worked around while reading, in the order met.
    public internal(set) var repairs: [PDFRepair] = []
    var cache: [Int: PDFObject] = [:]
    var objectStreams: [Int: PDFObjectStreamContents] = [:]
    /// Objects being loaded right now (a `/Length` or object stream that needs itself is a cycle).
    var loading: [Int] = []
    /// Object offsets found by scanning the file, built the first time an xref entry proves wrong.
    var scanned: PDFReconstruction.Result?

    public init(bytes: [UInt8], limits: PDFLimits = PDFLimits()) throws(PDFError) {
        guard bytes.count >= 8 else { throw PDFError(.notPDF, "the data is \(bytes.count) bytes long, too short for a PDF", offset: 0) }
        let headerWindow = min(bytes.count, 1024)
        guard PDFBytes.firstIndex(of: "%PDF-", in: bytes, range: 0..<headerWindow) != nil else {
            throw PDFError(.notPDF, "no '%PDF-' header in the first \(headerWindow) bytes: this is not a PDF file", offset: 0)
        }
        self.bytes = bytes
        self.limits = limits
        cache.reserveCapacity(16)  // extraction loads about a dozen objects; no rehashing on the way
        var reader = PDFXrefReader(bytes: bytes, limits: limits)
        do {
            xref = try reader.read()
            repairs = reader.repairs
        } catch {
            repairs = reader.repairs
            repairs.append(PDFRepair(kind: .xrefRebuilt, message: "the cross-reference data is unusable (\(error.description)); objects were found by scanning the file", offset: error.offset))
            let result = try PDFReconstruction.scan(bytes, limits: limits)
            scanned = result
            xref = PDFXref(sections: [.scanned(result.offsets)], trailer: result.trailer, reconstructed: true)
        }
    }

    /// The trailer dictionary (of the newest section, completed from older ones).
    public var trailer: PDFDictionary { xref.trailer }

    /// Whether the cross-reference data was rebuilt by scanning.
    public var isReconstructed: Bool { xref.reconstructed }

    /// Every object number in use, for a full walk.
    public func objectNumbers() -> [Int] { xref.allObjectNumbers(in: bytes) }

    /// The indirect object `number` (null when it is free or absent, as the standard says).
    public mutating func object(_ number: Int) throws(PDFError) -> PDFObject {
        if let cached = cache[number] { return cached }
        guard !loading.contains(number) else {
            throw PDFError(.cycle, "object \(number) is needed to load itself (through a /Length or an object stream): reference cycle", object: number)
        }
        guard loading.count < limits.maximumReferenceDepth else {
            throw PDFError(.limit, "loading object \(number) needs more than \(limits.maximumReferenceDepth) nested objects", object: number)
        }
        loading.append(number)
        defer { loading.removeLast() }
        let value = try load(number)
        cache[number] = value
        return value
    }

    /// Follows references until a direct object; a chain that loops or is too long is an error.
    public mutating func resolve(_ value: PDFObject) throws(PDFError) -> PDFObject {
        var current = value
        var seen: [Int] = []
        while case let .reference(reference) = current {
            guard !seen.contains(reference.number) else {
                throw PDFError(.cycle, "the reference \(reference) leads back to itself", object: reference.number)
            }
            guard seen.count < limits.maximumReferenceDepth else {
                throw PDFError(.limit, "more than \(limits.maximumReferenceDepth) references in a chain", object: reference.number)
            }
            seen.append(reference.number)
            current = try object(reference.number)
        }
        return current
    }

    /// The resolved value of `key` in `dictionary`.
    public mutating func value(_ key: String, in dictionary: PDFDictionary) throws(PDFError) -> PDFObject? {
        guard let raw = dictionary[key] else { return nil }
        let resolved = try resolve(raw)
        return resolved.isNull ? nil : resolved
    }

    /// The document catalog (`/Root`) and its object number.
    public mutating func catalog() throws(PDFError) -> (dictionary: PDFDictionary, objectNumber: Int?) {
        if trailer["Encrypt"] != nil {
            throw PDFError(.encrypted, "the document is encrypted (/Encrypt in the trailer); its embedded files cannot be read")
        }
        let root = trailer["Root"]
        if let dictionary = try? resolve(root ?? .null).dictionary {
            return (dictionary, root?.reference?.number)
        }
        // The trailer's /Root is missing or broken: look for the catalog by scanning.
        let result = try scanResult()
        if let number = result.catalogNumber, case let .dictionary(dictionary)? = try? object(number) {
            return (dictionary, number)
        }
        throw PDFError(.missing, "the trailer has no usable /Root and no /Type /Catalog object was found")
    }

    /// The scan of the whole file, made once.
    mutating func scanResult() throws(PDFError) -> PDFReconstruction.Result {
        if let scanned { return scanned }
        let result = try PDFReconstruction.scan(bytes, limits: limits)
        scanned = result
        return result
    }
}
