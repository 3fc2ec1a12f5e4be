import Foundation

/// An invoice's audit trail in one chronological list: its events, its stored documents and their archive entries
/// (with the seal that covers each, once sealed). `GET /v1/invoices/{id}/timeline` and `passerelle audit timeline`
/// show it.
public struct InvoiceTimeline: Sendable, Hashable {
    public var invoice: InvoiceRecord
    /// BT-12, BT-13, BT-16 as the invoice cites them.
    public var references: [InvoiceReference]
    /// Oldest first; at the same instant: events (by sequence), then documents, then archive entries.
    public var items: [TimelineItem]

    public init(invoice: InvoiceRecord, references: [InvoiceReference], items: [TimelineItem]) {
        self.invoice = invoice
        self.references = references
        self.items = items
    }
}

/// One line of a timeline.
public struct TimelineItem: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Codable {
        /// A state change or another event of the invoice.
        case event
        /// A document stored for the invoice (the original, CII, UBL, Factur-X…).
        case document
        /// A document's entry in the legal archive.
        case archive
        /// A line added by a ``TimelineContributor`` (e.g. payments); ``TimelineItem/attributes`` holds its facts.
        case other
    }

    public var kind: Kind
    public var at: Date
    /// One line a person reads.
    public var summary: String
    public var event: InvoiceEvent?
    public var document: TimelineDocument?
    public var archiveEntry: TimelineArchiveEntry?
    /// For contributed lines: their kind (`payment`…) and facts as text.
    public var attributes: [String: String]

    public init(kind: Kind, at: Date, summary: String, event: InvoiceEvent? = nil, document: TimelineDocument? = nil,
                archiveEntry: TimelineArchiveEntry? = nil, attributes: [String: String] = [:]) {
        self.kind = kind
        self.at = at
        self.summary = summary
        self.event = event
        self.document = document
        self.archiveEntry = archiveEntry
        self.attributes = attributes
    }

    /// Tie-break at the same instant.
    var rank: Int {
        switch kind {
        case .event: 0
        case .document: 1
        case .archive: 2
        case .other: 3
        }
    }
}

/// A stored document without its bytes.
public struct TimelineDocument: Sendable, Hashable {
    public var kind: String
    public var sha256: String
    public var size: Int
    public var mediaType: String

    public init(kind: String, sha256: String, size: Int, mediaType: String) {
        self.kind = kind
        self.sha256 = sha256
        self.size = size
        self.mediaType = mediaType
    }
}

/// An archive entry and its seal (nil until the journal is next sealed).
public struct TimelineArchiveEntry: Sendable, Hashable {
    public var receipt: ArchiveReceipt
    public var seal: ArchiveSealInfo?

    public init(receipt: ArchiveReceipt, seal: ArchiveSealInfo?) {
        self.receipt = receipt
        self.seal = seal
    }
}

extension InvoiceTimeline {
    /// Merges the three sources (and contributed lines) into one ordered list.
    public static func merge(
        invoice: InvoiceRecord, references: [InvoiceReference], events: [InvoiceEvent], documents: [StoredDocument],
        archived: [ArchiveReceipt], seals: [ArchiveLocation: ArchiveSealInfo], contributed: [TimelineItem] = []
    ) -> InvoiceTimeline {
        var items: [(item: TimelineItem, order: Int)] = []
        for event in events {
            items.append((TimelineItem(kind: .event, at: event.occurredAt, summary: "\(event.type): \(event.message)",
                                       event: event), Int(event.sequence ?? 0)))
        }
        for (index, document) in documents.enumerated() {
            let summary = "\(document.kind.rawValue) stored (\(document.bytes.count) bytes, \(document.mediaType))"
            items.append((TimelineItem(
                kind: .document, at: document.createdAt, summary: summary,
                document: TimelineDocument(kind: document.kind.rawValue, sha256: document.sha256,
                                           size: document.bytes.count, mediaType: document.mediaType)), index))
        }
        for (index, receipt) in archived.enumerated() {
            let seal = seals[receipt.location]
            let sealText = seal.map { "sealed by seal \($0.number)" } ?? "not sealed yet"
            items.append((TimelineItem(
                kind: .archive, at: receipt.archivedAt,
                summary: "\(receipt.kind) archived as \(receipt.location), \(sealText)",
                archiveEntry: TimelineArchiveEntry(receipt: receipt, seal: seal)), index))
        }
        for (index, item) in contributed.enumerated() { items.append((item, index)) }
        let ordered = items.sorted { left, right in
            if left.item.at != right.item.at { return left.item.at < right.item.at }
            if left.item.rank != right.item.rank { return left.item.rank < right.item.rank }
            return left.order < right.order
        }
        return InvoiceTimeline(invoice: invoice, references: references, items: ordered.map(\.item))
    }
}
