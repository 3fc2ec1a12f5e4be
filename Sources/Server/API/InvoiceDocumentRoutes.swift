import Foundation
import Gateway
import Hummingbird

/// `GET /v1/invoices/{id}/documents` and `GET /v1/invoices/{id}/documents/{kind}`: the original payload and the
/// documents made from it, byte for byte, with their SHA-256 as ETag.
enum InvoiceDocumentRoutes {
    static func register<Methods>(on api: APIRouter<Methods>, services: GatewayServices) {
        api.get("/v1/invoices/:id/documents") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let documents = try await existing(InvoiceID(id), principal: principal, services: services)
            return try APIResponse.json(ListDTO(items: documents.map(DocumentDTO.init)))
        }
        api.get("/v1/invoices/:id/documents/:kind") { request, context in
            let principal = try context.require(.invoicesRead)
            _ = try QueryParameters(request, allowed: [])
            let id = try context.pathParameter("id")
            let kindName = try context.pathParameter("kind")
            let record = try await InvoiceReadRoutes.invoice(id, principal: principal, services: services)
            if kindName.hasPrefix("cdar-") || kindName.hasPrefix("payment-") {
                let message = try await services.store.read { transaction in
                    try await transaction.statusDocument(invoice: record.id, name: kindName, tenant: principal.tenant)
                }
                guard let message else {
                    throw ProblemError(.notFound, title: "Document not available",
                                       detail: "Invoice \(id) has no lifecycle message or payment record \(kindName); GET \(InvoiceDTO.path(record.id))/documents lists them.")
                }
                return response(message, number: record.documentKey.number, request: request)
            }
            guard let kind = DocumentKind(rawValue: kindName), kind != .cdar, kind != .payment else {
                let kinds = DocumentKind.allCases.filter { $0 != .cdar && $0 != .payment }.map(\.rawValue)
                    .joined(separator: ", ") + ", cdar-<code>-<status id>, payment-<code>-<status id>"
                throw ProblemError(.notFound, title: "Unknown document kind",
                                   detail: "\"\(kindName)\" is not a document kind; kinds: \(kinds).")
            }
            let document = try await services.store.transaction { transaction in
                try await transaction.document(invoice: record.id, kind: kind, tenant: principal.tenant)
            }
            guard let document else {
                let present = try await existing(record.id, principal: principal, services: services).map(\.kind.rawValue)
                throw ProblemError(
                    .notFound, title: "Document not available",
                    detail: "Invoice \(id) (state \(record.state.rawValue)) has no \(kind.rawValue) document; it has: \(present.isEmpty ? "none" : present.joined(separator: ", ")).")
            }
            return response(document, number: record.documentKey.number, request: request)
        }
    }

    static func response(_ document: StoredDocument, number: String, request: Request) -> Response {
        let tag = ETag.of(hash: document.sha256)
        var headers = HTTPFields()
        headers[.eTag] = tag
        headers[.contentDisposition] = "attachment; filename=\"\(fileName(number: number, document: document))\""
        if ETag.matches(request.headers[.ifNoneMatch], tag) { return Response(status: .notModified, headers: headers) }
        return APIResponse.bytes(document.bytes, contentType: document.mediaType, headers: headers)
    }

    /// `F2026-042-cii.xml`: the invoice number with only safe characters, the kind, the extension.
    static func fileName(number: String, document: StoredDocument) -> String {
        let safe = String(number.unicodeScalars.map { scalar -> Character in
            scalar.isASCII && (CharacterSet.alphanumerics.contains(scalar) || "-_.".unicodeScalars.contains(scalar))
                ? Character(scalar) : "_"
        }.prefix(80))
        let fileExtension = switch document.mediaType {
        case "application/json": "json"
        case "application/pdf": "pdf"
        case "application/xml", "text/xml": "xml"
        default: "bin"
        }
        return "\(safe.isEmpty ? "invoice" : safe)-\(document.name).\(fileExtension)"
    }

    /// The documents the invoice has; 404 when the invoice is not the tenant's.
    static func existing(_ id: InvoiceID, principal: Principal, services: GatewayServices) async throws
        -> [StoredDocument]
    {
        let documents = try await services.store.transaction { transaction -> [StoredDocument]? in
            guard try await transaction.invoice(id, tenant: principal.tenant) != nil else { return nil }
            var documents: [StoredDocument] = []
            for kind in DocumentKind.allCases {
                if let document = try await transaction.document(invoice: id, kind: kind, tenant: principal.tenant) {
                    documents.append(document)
                }
            }
            return documents + (try await transaction.statusDocuments(invoice: id, tenant: principal.tenant))
        }
        guard let documents else { throw InvoiceReadRoutes.notFound(id.rawValue) }
        return documents
    }
}
