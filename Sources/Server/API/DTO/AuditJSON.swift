import Foundation
import Gateway

/// The API's JSON for the audit trail, for callers outside the HTTP server (`passerelle audit … --json`), so that
/// the command line prints exactly what `GET /v1/invoices/{id}/timeline` and `GET /v1/invoices?…Reference=` answer.
public enum AuditJSON {
    /// The body of `GET /v1/invoices/{id}/timeline`.
    public static func timeline(_ timeline: InvoiceTimeline) throws -> [UInt8] {
        try APIJSON.encode(TimelineDTO(timeline))
    }

    /// `{"items":[…]}` with the invoices as `GET /v1/invoices` lists them.
    public static func invoices(_ records: [InvoiceRecord]) throws -> [UInt8] {
        try APIJSON.encode(ListDTO(items: records.map { InvoiceDTO($0) }))
    }

    /// `2026-11-02T09:30:00.123Z`, as the API writes times.
    public static func timestamp(_ date: Date) -> String {
        APIJSON.timestamp(date)
    }
}
