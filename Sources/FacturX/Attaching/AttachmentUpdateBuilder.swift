/// Builds the incremental update that attaches the invoice: embedded file stream, file specification,
/// a flattened `/EmbeddedFiles` name tree with the existing attachments, `/AF`, XMP, output intent, `/Info`
/// and a new catalog under the old catalog's number.
struct AttachmentUpdateBuilder {
    var document: PDFDocument
    let options: FacturXAttacher.Options
    var nextNumber: Int
    var update: PDFIncrementalUpdate

    init(pdf: [UInt8], options: FacturXAttacher.Options) throws(PDFError) {
        document = try PDFDocument(bytes: pdf)
        self.options = options
        let size = document.trailer["Size"]?.integer ?? 0
        nextNumber = max(size, (document.objectNumbers().max() ?? 0) + 1)
        update = PDFIncrementalUpdate(base: pdf)
    }

    mutating func add(_ object: PDFObject, data: [UInt8]? = nil) -> PDFReference {
        let reference = PDFReference(nextNumber)
        nextNumber += 1
        update.objects.append(.init(number: reference.number, object: object, streamData: data))
        return reference
    }

    mutating func build(xml: [UInt8], profile: EmbeddedInvoiceProfile.Declared) throws(PDFError) -> [UInt8] {
        let (catalog, catalogNumber) = try document.catalog()
        guard let catalogNumber else { throw PDFError(.missing, "the trailer's /Root is not an indirect reference; the catalog cannot be replaced") }
        let date = PDFDateText(secondsSince1970: options.secondsSince1970)
        let compressed = FlateEncoder.deflate(xml) ?? xml
        let fileStream = add(.dictionary(PDFDictionary(entries: [
            .init(key: "Type", value: .name("EmbeddedFile")), .init(key: "Subtype", value: .name("text/xml")),
            .init(key: "Params", value: .dictionary(PDFDictionary(entries: [
                .init(key: "Size", value: .integer(xml.count)), .init(key: "ModDate", value: .string(Array(date.pdf.utf8))),
            ]))),
            .init(key: "Filter", value: .name("FlateDecode")), .init(key: "Length", value: .integer(compressed.count)),
        ])), data: compressed)
        let relationship = (profile.facturXProfile?.hasLines ?? true) ? "Alternative" : "Data"
        let fileName = PDFSerializer.textString(options.fileName)
        let fileSpec = add(.dictionary(PDFDictionary(entries: [
            .init(key: "Type", value: .name("Filespec")), .init(key: "F", value: fileName), .init(key: "UF", value: fileName),
            .init(key: "Desc", value: .string(Array("Factur-X invoice".utf8))), .init(key: "AFRelationship", value: .name(relationship)),
            .init(key: "EF", value: .dictionary(PDFDictionary(entries: [.init(key: "F", value: .reference(fileStream)), .init(key: "UF", value: .reference(fileStream))]))),
        ])))
        var newCatalog = catalog
        try setNames(in: &newCatalog, adding: fileSpec)
        var associated = try document.value("AF", in: catalog)?.array ?? []
        associated.append(.reference(fileSpec))
        set("AF", .array(associated), in: &newCatalog)
        let info = try updatedInfo(date: date)
        let xmp = xmpPacket(profile: profile, info: info.dictionary, date: date)
        let metadata = add(.dictionary(PDFDictionary(entries: [
            .init(key: "Type", value: .name("Metadata")), .init(key: "Subtype", value: .name("XML")), .init(key: "Length", value: .integer(xmp.count)),
        ])), data: xmp)
        set("Metadata", .reference(metadata), in: &newCatalog)
        if try !hasOutputIntent(catalog), let icc = options.iccProfile {
            let packed = FlateEncoder.deflate(icc) ?? icc
            var entries: [PDFDictionary.Entry] = [.init(key: "N", value: .integer(3)), .init(key: "Length", value: .integer(packed.count))]
            if packed.count != icc.count || packed != icc { entries.append(.init(key: "Filter", value: .name("FlateDecode"))) }
            let profileStream = add(.dictionary(PDFDictionary(entries: entries)), data: packed)
            let intent = PDFObject.dictionary(PDFDictionary(entries: [
                .init(key: "Type", value: .name("OutputIntent")), .init(key: "S", value: .name("GTS_PDFA1")),
                .init(key: "OutputConditionIdentifier", value: .string(Array("sRGB IEC61966-2.1".utf8))),
                .init(key: "DestOutputProfile", value: .reference(profileStream)),
            ]))
            set("OutputIntents", .array([intent]), in: &newCatalog)
        }
        update.objects.append(.init(number: catalogNumber, object: .dictionary(newCatalog), streamData: nil))
        var trailer = PDFDictionary(entries: [.init(key: "Root", value: .reference(PDFReference(catalogNumber)))])
        if let infoReference = info.reference {
            update.objects.append(.init(number: infoReference.number, object: .dictionary(info.dictionary), streamData: nil))
            trailer.entries.append(.init(key: "Info", value: .reference(infoReference)))
        }
        trailer.entries.append(.init(key: "ID", value: .array(identifiers(xml: xml))))
        let previous = try PDFXrefReader(bytes: document.bytes, limits: document.limits).startxrefOffset()
        return update.write(trailer: trailer, previousXref: previous, size: nextNumber)
    }

    func set(_ key: String, _ value: PDFObject, in dictionary: inout PDFDictionary) {
        dictionary.entries.removeAll { $0.key == key }
        dictionary.entries.append(.init(key: key, value: value))
    }

    /// `/Names` with a flat `/EmbeddedFiles` tree: the existing leaves and the invoice, sorted by key.
    mutating func setNames(in catalog: inout PDFDictionary, adding fileSpec: PDFReference) throws(PDFError) {
        var names = try document.value("Names", in: catalog)?.dictionary ?? PDFDictionary()
        var leaves: [PDFNameTree.Leaf] = []
        if let tree = names["EmbeddedFiles"] { leaves = try PDFNameTree.leaves(of: tree, in: &document) }
        leaves.append(PDFNameTree.Leaf(key: Array(options.fileName.utf8), value: .reference(fileSpec)))
        leaves.sort { $0.key.lexicographicallyPrecedes($1.key) }
        let flat = leaves.flatMap { [PDFObject.string($0.key), $0.value] }
        set("EmbeddedFiles", .dictionary(PDFDictionary(entries: [.init(key: "Names", value: .array(flat))])), in: &names)
        set("Names", .dictionary(names), in: &catalog)
    }

    mutating func hasOutputIntent(_ catalog: PDFDictionary) throws(PDFError) -> Bool {
        for item in try document.value("OutputIntents", in: catalog)?.array ?? [] {
            if try document.resolve(item).dictionary?["S"]?.name == "GTS_PDFA1" { return true }
        }
        return false
    }

    /// The document information with the new modification date (PDF/A: it must match the XMP).
    mutating func updatedInfo(date: PDFDateText) throws(PDFError) -> (dictionary: PDFDictionary, reference: PDFReference?) {
        let reference = document.trailer["Info"]?.reference
        var info = try document.value("Info", in: document.trailer)?.dictionary ?? PDFDictionary()
        set("ModDate", .string(Array(date.pdf.utf8)), in: &info)
        if reference == nil, !info.entries.isEmpty {
            return (info, add(.dictionary(info)))
        }
        return (info, reference)
    }

    func xmpPacket(profile: EmbeddedInvoiceProfile.Declared, info: PDFDictionary, date: PDFDateText) -> [UInt8] {
        func text(_ key: String) -> String? { info[key]?.stringBytes.map(PDFTextString.decode) }
        let level = profile.conformanceLevel ?? "EN 16931"
        return AttachmentXMP(conformanceLevel: level == "XRECHNUNG" ? "XRECHNUNG" : level, documentFileName: options.fileName,
                             title: text("Title"), author: text("Author"), subject: text("Subject"), keywords: text("Keywords"),
                             creatorTool: text("Creator"), producer: text("Producer"),
                             createDate: text("CreationDate").flatMap(PDFDateText.xmp(fromPDF:)), modifyDate: date.xmp).packet()
    }

    /// The original first identifier (or a new one) and a new second one, derived from the content.
    func identifiers(xml: [UInt8]) -> [PDFObject] {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        var second: UInt64 = 0x8422_2325_CBF2_9CE4
        let seed: [UInt8] = xml + Array("\(document.bytes.count)/\(options.secondsSince1970)".utf8)
        for byte in seed {
            hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3
            second = (second ^ UInt64(byte)) &* 0x100_0000_01B3 &+ 0x9E37
        }
        var digest: [UInt8] = []
        for shift in stride(from: 0, to: 64, by: 8) { digest.append(UInt8(truncatingIfNeeded: hash >> UInt64(shift))) }
        for shift in stride(from: 0, to: 64, by: 8) { digest.append(UInt8(truncatingIfNeeded: second >> UInt64(shift))) }
        let original = document.trailer["ID"]?.array?.first
        return [original ?? .string(digest), .string(digest)]
    }
}
