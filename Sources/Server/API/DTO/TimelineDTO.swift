import Foundation
import Gateway

/// `GET /v1/invoices/{id}/timeline`: the invoice's events, stored documents and archive entries in one
/// chronological list, with the references (BT-12, BT-13, BT-16) it cites.
struct TimelineDTO: Encodable, Sendable {
    struct Reference: Encodable, Sendable {
        /// `contract`, `order` or `delivery`.
        var kind: String
        /// `BT-12`, `BT-13` or `BT-16`.
        var term: String
        var value: String
    }

    struct Document: Encodable, Sendable {
        var kind: String
        var sha256: String
        var size: Int
        var mediaType: String
        var link: String
    }

    struct Seal: Encodable, Sendable {
        var number: Int
        var sealedAt: Date
        var hash: String
        var keyId: String
    }

    struct ArchiveEntry: Encodable, Sendable {
        /// The node journal holding the entry.
        var journal: String
        var sequence: Int
        var documentKind: String
        var sha256: String
        var entryHash: String
        var retainUntil: Date
        /// Absent until the journal is next sealed.
        var seal: Seal?
    }

    struct Item: Encodable, Sendable {
        /// `event`, `document`, `archive`, or another kind added by a contributor (`other`).
        var kind: String
        var at: Date
        var summary: String
        var event: InvoiceEventDTO?
        var document: Document?
        var archive: ArchiveEntry?
        var attributes: [String: String]?
    }

    var invoice: String
    /// BT-1
    var number: String
    var state: String
    var references: [Reference]
    var items: [Item]

    init(_ timeline: InvoiceTimeline) {
        let path = InvoiceDTO.path(timeline.invoice.id)
        invoice = timeline.invoice.id.rawValue
        number = timeline.invoice.documentKey.number
        state = timeline.invoice.state.rawValue
        references = timeline.references.map { Reference(kind: $0.kind.rawValue, term: $0.kind.term, value: $0.value) }
        items = timeline.items.map { item in
            Item(
                kind: item.kind.rawValue, at: item.at, summary: item.summary,
                event: item.event.map(InvoiceEventDTO.init),
                document: item.document.map {
                    Document(kind: $0.kind, sha256: $0.sha256, size: $0.size, mediaType: $0.mediaType,
                             link: "\(path)/documents/\($0.kind)")
                },
                archive: item.archiveEntry.map { entry in
                    ArchiveEntry(
                        journal: entry.receipt.location.journal, sequence: entry.receipt.location.sequence,
                        documentKind: entry.receipt.kind, sha256: entry.receipt.sha256,
                        entryHash: entry.receipt.entryHash, retainUntil: entry.receipt.retainUntil,
                        seal: entry.seal.map {
                            Seal(number: $0.number, sealedAt: $0.sealedAt, hash: $0.hash, keyId: $0.keyID)
                        })
                },
                attributes: item.attributes.isEmpty ? nil : item.attributes)
        }
    }
}
