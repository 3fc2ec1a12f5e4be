/// Bounds that keep a hostile PDF from exhausting memory or time. Every one is checked; passing one is a
/// `PDFError` (`.decompressionLimit`, `.limit` or `.cycle`), never a crash.
public struct PDFLimits: Sendable, Equatable {
    /// Largest decoded stream, in bytes.
    public var maximumDecodedBytes = 64 << 20
    /// Largest decoded/encoded ratio of a Flate stream, checked once the output passes
    /// `ratioCheckThreshold` (small streams of repeated bytes legitimately compress very well).
    public var maximumCompressionRatio = 200
    public var ratioCheckThreshold = 1 << 20
    /// Deepest nesting of arrays and dictionaries.
    public var maximumNesting = 64
    /// Longest `/Prev` chain of cross-reference sections.
    public var maximumXrefSections = 256
    /// Deepest name tree (`/Kids` levels) and largest number of its nodes.
    public var maximumNameTreeDepth = 32
    public var maximumNameTreeNodes = 10_000
    /// Longest chain of references to references, and deepest nested object loading (a /Length that is in an
    /// object stream whose /Length is a reference …).
    public var maximumReferenceDepth = 32
    /// Most objects in one object stream.
    public var maximumObjectsPerStream = 100_000
    /// Most elements in one array or entries in one dictionary.
    public var maximumCollectionCount = 1_000_000

    public init() {}
}
