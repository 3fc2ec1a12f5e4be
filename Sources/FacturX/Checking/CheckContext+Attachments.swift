extension CheckContext {
    static let allowedInvoiceRelationships: Set<String> = ["Data", "Alternative", "Source"]
    static let allowedRelationships: Set<String> = ["Data", "Alternative", "Source", "Supplement", "Unspecified", "EncryptedPayload", "FormData", "Schema"]

    /// Every embedded file is associated (`/AF`), has a relationship, a MIME type and a modification date;
    /// the invoice's relationship suits its profile.
    mutating func checkAttachments(_ catalog: PDFDictionary, _ catalogNumber: Int?) {
        guard let files = try? document.embeddedFiles(catalog: catalog) else { return }
        if catalog["AF"] == nil, !files.isEmpty {
            add("FX-AF-MISSING", .error, "the catalog has no /AF array: list the invoice's file specification in the catalog's /AF (PDF/A-3 associated files)", object: catalogNumber)
        }
        for file in files {
            let isInvoice = invoice.map { $0.attachment.fileSpecObject == file.fileSpecObject && $0.attachment.name == file.name } ?? false
            let object = file.fileSpecObject
            if catalog["AF"] != nil, !file.inAssociatedFiles {
                add("FX-AF-NOT-REFERENCED", .error, "the embedded file '\(file.name)' is not in the catalog's /AF array: add its file specification there", object: object)
            }
            if file.stream == nil {
                add("PDFA-EMBEDDED-FILE-STREAM-MISSING", .error, "the file specification of '\(file.name)' has no /EF embedded file stream", object: object)
            }
            if let relationship = file.relationship {
                if !Self.allowedRelationships.contains(relationship) {
                    add("FX-AFRELATIONSHIP-INVALID", .error, "'\(file.name)' has /AFRelationship /\(relationship), which ISO 32000-2 does not define: use Data, Alternative or Source", object: object)
                } else if isInvoice, !Self.allowedInvoiceRelationships.contains(relationship) {
                    add("FX-AFRELATIONSHIP-INVALID", .error, "the invoice XML '\(file.name)' has /AFRelationship /\(relationship); Factur-X allows Data, Alternative or Source", object: object)
                }
            } else {
                add(isInvoice ? "FX-AFRELATIONSHIP-MISSING" : "PDFA-AFRELATIONSHIP-MISSING", .error,
                    "the file specification of '\(file.name)' has no /AFRelationship: add /AFRelationship /\(isInvoice ? "Alternative (or /Data for MINIMUM and BASIC WL)" : "Supplement")", object: object)
            }
            if file.stream != nil {
                if file.mimeType == nil {
                    add("PDFA-EMBEDDED-FILE-MIMETYPE-MISSING", .error, "the embedded file stream of '\(file.name)' has no /Subtype MIME type: add /Subtype /text#2Fxml for XML", object: file.stream?.objectNumber ?? object)
                } else if isInvoice, file.mimeType != "text/xml" {
                    add("FX-ATTACHMENT-MIMETYPE", .warning, "the invoice XML's MIME type is '\(file.mimeType ?? "")'; Factur-X writes /Subtype /text#2Fxml", object: file.stream?.objectNumber ?? object)
                }
                if file.modificationDate == nil {
                    add("PDFA-EMBEDDED-FILE-MODDATE-MISSING", isInvoice ? .error : .warning,
                        "the embedded file stream of '\(file.name)' has no /Params << /ModDate (D:…) >>: add the file's modification date", object: file.stream?.objectNumber ?? object)
                }
            }
            if isInvoice { checkRelationshipForProfile(file) }
        }
    }

    /// Factur-X: `Data` for MINIMUM and BASIC WL (not a full invoice), `Alternative` for the others.
    mutating func checkRelationshipForProfile(_ file: EmbeddedFile) {
        guard let relationship = file.relationship, let profile = xmlProfile?.facturXProfile else { return }
        if !profile.hasLines, relationship != "Data" {
            add("FX-AFRELATIONSHIP-PROFILE", .warning, "the \(profile.rawValue) XML is not a full invoice, so its /AFRelationship should be /Data, not /\(relationship)", object: file.fileSpecObject)
        } else if profile.hasLines, relationship == "Data" {
            add("FX-AFRELATIONSHIP-PROFILE", .warning, "the \(profile.rawValue) XML is the invoice itself, so Factur-X recommends /AFRelationship /Alternative rather than /Data", object: file.fileSpecObject)
        }
    }
}
