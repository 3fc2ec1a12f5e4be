import Foundation
import Gateway
import HTTPTypes
import Hummingbird

/// Takes the invoice payload out of a `POST /v1/invoices` request: a JSON, XML or PDF body, or the `file` part of a
/// `multipart/form-data` upload. The declared media type must agree with what the bytes are.
enum InvoiceUpload {
    static func payload(_ request: Request, context: PasserelleRequestContext) async throws -> [UInt8] {
        let contentType = ContentType(request)
        let body = try await APIBody.bytes(request, context: context)
        guard !body.isEmpty else {
            throw ProblemError(.badRequest, title: "Empty body",
                               detail: "Send the invoice as the body (JSON, CII or UBL XML, Factur-X PDF).")
        }
        if contentType.isMultipartForm {
            return try filePart(of: body, contentType: contentType)
        }
        try check(contentType, against: body)
        return body
    }

    static func filePart(of body: [UInt8], contentType: ContentType) throws -> [UInt8] {
        guard let boundary = contentType.parameters["boundary"], let form = MultipartForm(body, boundary: boundary) else {
            throw ProblemError(.badRequest, title: "Unreadable multipart body",
                               detail: "The body is not multipart/form-data with the boundary its Content-Type names.")
        }
        guard let file = form.part(named: "file") else {
            let names = form.parts.compactMap(\.name).map { "\"\($0)\"" }.joined(separator: ", ")
            throw ProblemError(.badRequest, title: "No file part",
                               detail: "Send the invoice in a part named \"file\"; the form has \(names.isEmpty ? "no named part" : names).")
        }
        let bytes = Array(file.body)
        guard !bytes.isEmpty else {
            throw ProblemError(.badRequest, title: "Empty file part", detail: "The \"file\" part has no content.")
        }
        if let declared = file.contentType, declared.mediaType != "application/octet-stream" {
            try check(declared, against: bytes)
        }
        return bytes
    }

    /// Refuses media types the API does not take, and a media type that says one format when the bytes are another.
    static func check(_ contentType: ContentType, against bytes: [UInt8]) throws {
        guard !contentType.isMissing, contentType.mediaType != "application/octet-stream" else { return }
        let detected = InvoicePayload.detectFormat(bytes)
        let expected: [SourceFormat]
        if contentType.isJSON {
            expected = [.json]
        } else if contentType.isXML {
            expected = [.cii, .ubl]
        } else if contentType.isPDF {
            expected = [.facturX]
        } else {
            throw ProblemError(
                .unsupportedMediaType, title: "Unsupported Content-Type",
                detail: "POST /v1/invoices takes application/json (canonical JSON invoice), application/xml (CII or UBL), application/pdf (Factur-X) or multipart/form-data with a \"file\" part, not \(contentType.mediaType).")
        }
        guard let detected, expected.contains(detected) else {
            throw ProblemError(
                .unsupportedMediaType, title: "Content-Type does not match the body",
                detail: "The Content-Type is \(contentType.mediaType), but the body is \(describe(detected)).")
        }
    }

    static func describe(_ format: SourceFormat?) -> String {
        switch format {
        case .json: "JSON"
        case .cii, .ubl: "XML"
        case .facturX: "a PDF"
        case nil: "neither JSON, XML nor PDF"
        }
    }
}

/// The `Idempotency-Key` header: the same key with the same payload is the same request.
enum IdempotencyKey {
    static let header = HTTPField.Name("Idempotency-Key")

    static func read(_ request: Request) throws -> String? {
        guard let name = Self.header, let value = request.headers[name] else { return nil }
        let key = value.trimmingCharacters(in: .whitespaces)
        guard (1...255).contains(key.utf8.count), key.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ProblemError(.badRequest, title: "Invalid Idempotency-Key",
                               detail: "An Idempotency-Key has 1 to 255 visible ASCII characters (a UUID is a good one).")
        }
        return key
    }
}

/// The `Passerelle-ERP-Reference` header: the ERP's own reference of the invoice (its accounting entry or document
/// number), returned with each payment in the reconciliation feed for lettering.
enum ERPReference {
    static let header = HTTPField.Name("Passerelle-ERP-Reference")

    static func read(_ request: Request) throws -> String? {
        guard let name = Self.header, let value = request.headers[name] else { return nil }
        let reference = value.trimmingCharacters(in: .whitespaces)
        guard (1...255).contains(reference.count), !reference.unicodeScalars.contains(where: { $0.properties.generalCategory == .control })
        else {
            throw ProblemError(.badRequest, title: "Invalid Passerelle-ERP-Reference",
                               detail: "A Passerelle-ERP-Reference has 1 to 255 characters and no control character.")
        }
        return reference
    }
}

/// The `Passerelle-Batch` header: the ERP's own batch (run, export) the invoice belongs to; stored on the invoice
/// (its batch id), for the routing rules' `batch:` condition and the `?batch=` filter.
enum ERPBatch {
    static let header = HTTPField.Name("Passerelle-Batch")

    static func read(_ request: Request) throws -> String? {
        guard let name = Self.header, let value = request.headers[name] else { return nil }
        let batch = value.trimmingCharacters(in: .whitespaces)
        guard (1...128).contains(batch.utf8.count), batch.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw ProblemError(.badRequest, title: "Invalid Passerelle-Batch",
                               detail: "A Passerelle-Batch has 1 to 128 visible ASCII characters.")
        }
        return batch
    }
}
