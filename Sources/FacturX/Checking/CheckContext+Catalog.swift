import EInvoiceSyntax

extension CheckContext {
    /// Output intent, the invoice attachment, the XMP packet and their agreement.
    mutating func checkCatalog() {
        let catalog: PDFDictionary
        let catalogNumber: Int?
        do {
            (catalog, catalogNumber) = try document.catalog()
        } catch {
            add(error, "the document catalog cannot be read")
            return
        }
        checkOutputIntent(catalog, catalogNumber)
        do {
            let extracted = try FacturXReader.extract(from: &document)
            invoice = extracted
            checkInvoiceXML(extracted)
        } catch {
            if error.code == .noInvoice {
                add("FX-XML-MISSING", .error, "\(error.message): attach the invoice XML as factur-x.xml", object: catalogNumber)
            } else {
                add(error, as: "FX-XML-UNREADABLE", "the embedded invoice XML cannot be read")
            }
        }
        checkAttachments(catalog, catalogNumber)
        checkXMP(catalog, catalogNumber)
    }

    mutating func checkOutputIntent(_ catalog: PDFDictionary, _ catalogNumber: Int?) {
        let intents = ((try? document.value("OutputIntents", in: catalog)) ?? nil)?.array ?? []
        var found = false
        for item in intents {
            guard let intent = (try? document.resolve(item))?.dictionary, intent["S"]?.name == "GTS_PDFA1" else { continue }
            found = true
            let profile = (try? document.value("DestOutputProfile", in: intent)) ?? nil
            if profile?.stream == nil {
                add("PDFA-OUTPUTINTENT-PROFILE-MISSING", .error, "the /GTS_PDFA1 output intent has no /DestOutputProfile ICC stream: embed an ICC profile (e.g. sRGB)",
                    object: item.reference?.number ?? catalogNumber)
            }
        }
        if !found {
            // PDF/A requires the output intent only when a device colour space is used (ISO 19005-2 §6.2.4.3).
            if let use = firstDeviceColourUse() {
                add("PDFA-OUTPUTINTENT-MISSING", .error, "the catalog has no /OutputIntents entry with /S /GTS_PDFA1, yet \(use.what): add an output intent with an ICC profile (e.g. sRGB)", object: use.object ?? catalogNumber)
            } else {
                add("PDFA-OUTPUTINTENT-MISSING", .warning, "the catalog has no /OutputIntents entry with /S /GTS_PDFA1; no device colour was seen, but Factur-X expects an sRGB output intent: add one", object: catalogNumber)
            }
        }
    }

    /// The XML parses and names a known profile.
    mutating func checkInvoiceXML(_ extracted: ExtractedInvoice) {
        let tree: XMLTree
        do {
            tree = try SafeXMLParser().parse(extracted.xml)
        } catch {
            add("FX-XML-UNREADABLE", .error, "the embedded '\(extracted.fileName)' is not well-formed XML (\(error.description)): fix the XML and embed it again",
                object: extracted.attachment.fileSpecObject)
            return
        }
        // CII and UBL schemas qualify every element; an element in no namespace fails the XSD.
        if let root = tree.root, !root.namespace.isEmpty, let stray = tree.elements.firstIndex(where: { $0.namespace.isEmpty }) {
            add("FX-XML-ELEMENT-WITHOUT-NAMESPACE", .error,
                "the embedded XML has <\(tree[stray].qualifiedName)> at line \(tree[stray].line) in no namespace (\(tree.xpath(of: stray))), which its schema does not allow: give it its prefix",
                object: extracted.attachment.fileSpecObject)
        }
        guard let declared = EmbeddedInvoiceProfile.declared(in: tree) else {
            add("FX-XML-PROFILE-MISSING", .error, "the embedded XML has no guideline id (BT-24) naming its profile: write ram:GuidelineSpecifiedDocumentContextParameter/ram:ID",
                object: extracted.attachment.fileSpecObject)
            return
        }
        xmlProfile = declared
        if declared.legacy {
            add("FX-XML-GUIDELINE-LEGACY", .error, "the guideline id (BT-24) '\(declared.guidelineID)' is a draft spelling the official Factur-X schematron rejects: write '\(declared.correctID ?? "the profile's URN")'",
                object: extracted.attachment.fileSpecObject)
        }
        if declared.conformanceLevel == nil {
            add("FX-XML-PROFILE-UNKNOWN", .warning, "the guideline id (BT-24) '\(declared.guidelineID)' names no Factur-X/ZUGFeRD profile: the XMP ConformanceLevel cannot be checked against it",
                object: extracted.attachment.fileSpecObject)
        }
    }
}
