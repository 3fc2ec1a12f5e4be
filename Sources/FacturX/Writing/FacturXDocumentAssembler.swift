import EInvoiceSyntax

/// Turns a laid-out invoice and its XML into the PDF/A-3B file: pages, subset fonts, the logo,
/// the sRGB output intent, the XMP packet, the Info dictionary, and `factur-x.xml` as an associated file.
struct FacturXDocumentAssembler {
    var layout: LaidOutInvoice
    var xml: [UInt8]
    var profile: FacturXProfile
    var metadata: XMPPacket
    var language: InvoiceLanguage
    var colorProfile: ColorProfile
    var logo: FacturXLogo?
    var compression: StreamCompression

    static let attachmentName = "factur-x.xml"

    /// MD5 of the XML: the attachment's `/CheckSum`, and with the date and title, the document `/ID`.
    private let xmlChecksum: [UInt8]

    init(layout: LaidOutInvoice, xml: [UInt8], profile: FacturXProfile, metadata: XMPPacket, language: InvoiceLanguage,
         colorProfile: ColorProfile, logo: FacturXLogo?, compression: StreamCompression) {
        self.layout = layout
        self.xml = xml
        self.profile = profile
        self.metadata = metadata
        self.language = language
        self.colorProfile = colorProfile
        self.logo = logo
        self.compression = compression
        xmlChecksum = MD5.digest(xml)
    }

    consuming func assemble() -> [UInt8] {
        var file = PDFFileWriter(compression: compression)
        let catalog = file.reserve()
        let pagesNode = file.reserve()
        let resources = file.reserve()
        let regularFont = layout.regular.isUsed ? file.reserve() : nil
        let boldFont = layout.bold.isUsed ? file.reserve() : nil
        let image = layout.usesLogo && logo != nil ? file.reserve() : nil
        let pageObjects = layout.pages.map { _ in (page: file.reserve(), content: file.reserve()) }

        var pages = PDFWriteBuffer(capacity: 64 + pageObjects.count * 8)
        pages.append("<< /Type /Pages /Count ")
        pages.append(int: pageObjects.count)
        pages.append(" /Kids [")
        for object in pageObjects {
            pages.append(int: object.page)
            pages.append(" 0 R ")
        }
        pages.append("] >>")
        file.setObject(pagesNode, pages)

        for (object, content) in zip(pageObjects, layout.pages) {
            var page = PDFWriteBuffer(capacity: 160)
            page.append("<< /Type /Page /Parent ")
            page.append(int: pagesNode)
            page.append(" 0 R /MediaBox [0 0 ")
            page.append(numbers: LayoutCanvas.pageWidth, LayoutCanvas.pageHeight)
            page.append("] /Resources ")
            page.append(int: resources)
            page.append(" 0 R /Contents ")
            page.append(int: object.content)
            page.append(" 0 R >>")
            file.setObject(object.page, page)
            file.setStream(object.content, dictionary: PDFWriteBuffer(), data: content.bytes, compress: true)
        }

        var resourceDictionary = PDFWriteBuffer(capacity: 128)
        resourceDictionary.append("<< /Font <<")
        if let regularFont {
            resourceDictionary.append(" /F1 ")
            resourceDictionary.append(int: regularFont)
            resourceDictionary.append(" 0 R")
            FontEmbedding(usage: layout.regular).write(fontObject: regularFont, into: &file)
        }
        if let boldFont {
            resourceDictionary.append(" /F2 ")
            resourceDictionary.append(int: boldFont)
            resourceDictionary.append(" 0 R")
            FontEmbedding(usage: layout.bold).write(fontObject: boldFont, into: &file)
        }
        resourceDictionary.append(" >>")
        if let image, let logo {
            resourceDictionary.append(" /XObject << /Im1 ")
            resourceDictionary.append(int: image)
            resourceDictionary.append(" 0 R >>")
            file.setStream(image, dictionary: logo.dictionary, data: logo.data, compress: false, filter: logo.filter)
        }
        resourceDictionary.append(" >>")
        file.setObject(resources, resourceDictionary)

        let info = writeInfo(&file)
        let catalogBody = writeCatalogParts(&file, pagesNode: pagesNode)
        file.setObject(catalog, catalogBody)
        let documentID = MD5.digest(xmlChecksum + Array(metadata.date.pdfText.utf8) + Array(metadata.title.utf8))
        return file.finish(root: catalog, info: info, documentID: documentID)
    }

    /// The metadata stream, the output intent's profile and the attachment; returns the catalog dictionary.
    private func writeCatalogParts(_ file: inout PDFFileWriter, pagesNode: Int) -> PDFWriteBuffer {
        let metadataObject = file.reserve()
        var metadataDictionary = PDFWriteBuffer()
        metadataDictionary.append("/Type /Metadata /Subtype /XML")
        file.setStream(metadataObject, dictionary: metadataDictionary, data: metadata.packet(), compress: false)

        let iccObject = file.reserve()
        var iccDictionary = PDFWriteBuffer()
        iccDictionary.append("/N ")
        iccDictionary.append(int: colorProfile.components)
        file.setCompressedStream(iccObject, dictionary: iccDictionary, flateData: colorProfile.compressed)

        let embeddedFile = file.reserve()
        let fileSpec = file.reserve()
        var streamDictionary = PDFWriteBuffer(capacity: 200)
        streamDictionary.append("/Type /EmbeddedFile /Subtype ")
        streamDictionary.append(name: "text/xml")
        streamDictionary.append(" /Params << /Size ")
        streamDictionary.append(int: xml.count)
        streamDictionary.append(" /CheckSum ")
        streamDictionary.append(hexString: xmlChecksum)
        streamDictionary.append(" /CreationDate ")
        streamDictionary.append(textString: metadata.date.pdfText)
        streamDictionary.append(" /ModDate ")
        streamDictionary.append(textString: metadata.date.pdfText)
        streamDictionary.append(" >>")
        file.setStream(embeddedFile, dictionary: streamDictionary, data: xml, compress: true)

        var spec = PDFWriteBuffer(capacity: 200)
        spec.append("<< /Type /Filespec /F ")
        spec.append(textString: Self.attachmentName)
        spec.append(" /UF ")
        spec.append(textString: Self.attachmentName)
        spec.append(" /Desc (Factur-X invoice ")
        spec.append(string: profile.rawValue)
        spec.append(") /AFRelationship /")
        spec.append(profile.attachmentRelationship)
        spec.append(" /EF << /F ")
        spec.append(int: embeddedFile)
        spec.append(" 0 R /UF ")
        spec.append(int: embeddedFile)
        spec.append(" 0 R >> >>")
        file.setObject(fileSpec, spec)

        var catalog = PDFWriteBuffer(capacity: 512)
        catalog.append("<< /Type /Catalog /Pages ")
        catalog.append(int: pagesNode)
        catalog.append(" 0 R /Metadata ")
        catalog.append(int: metadataObject)
        catalog.append(" 0 R /Lang ")
        catalog.append(textString: language.languageTag)
        catalog.append(" /ViewerPreferences << /DisplayDocTitle true >>")
        catalog.append(" /OutputIntents [<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB IEC61966-2.1)")
        catalog.append(" /RegistryName (http://www.color.org) /Info (sRGB IEC61966-2.1) /DestOutputProfile ")
        catalog.append(int: iccObject)
        catalog.append(" 0 R >>] /Names << /EmbeddedFiles << /Names [")
        catalog.append(textString: Self.attachmentName)
        catalog.append(" ")
        catalog.append(int: fileSpec)
        catalog.append(" 0 R] >> >> /AF [")
        catalog.append(int: fileSpec)
        catalog.append(" 0 R] >>")
        return catalog
    }

    /// The Info dictionary, entry for entry the same as the XMP (PDF/A-3 6.6.2.3.1).
    private func writeInfo(_ file: inout PDFFileWriter) -> Int {
        let info = file.reserve()
        var body = PDFWriteBuffer(capacity: 256)
        body.append("<< /Title ")
        body.append(textString: metadata.title)
        body.append(" /Author ")
        body.append(textString: metadata.author)
        body.append(" /Subject ")
        body.append(textString: metadata.subject)
        body.append(" /Creator ")
        body.append(textString: metadata.creatorTool)
        body.append(" /Producer ")
        body.append(textString: metadata.producer)
        body.append(" /CreationDate ")
        body.append(textString: metadata.date.pdfText)
        body.append(" /ModDate ")
        body.append(textString: metadata.date.pdfText)
        body.append(" >>")
        file.setObject(info, body)
        return info
    }
}
