extension CheckContext {
    static let standardFonts: Set<String> = [
        "Times-Roman", "Times-Bold", "Times-Italic", "Times-BoldItalic", "Helvetica", "Helvetica-Bold", "Helvetica-Oblique",
        "Helvetica-BoldOblique", "Courier", "Courier-Bold", "Courier-Oblique", "Courier-BoldOblique", "Symbol", "ZapfDingbats",
    ]

    /// Every font used by a page, a form XObject, an annotation appearance or a Type 3 glyph carries its font
    /// program (`/FontFile`, `/FontFile2` or `/FontFile3`); a Type 0 font through its descendant.
    mutating func checkFonts() {
        guard let catalog = try? document.catalog().dictionary, let pages = catalog["Pages"] else { return }
        var walk = ResourceWalk()
        walkPageTree(pages, inherited: nil, depth: 0, walk: &walk)
    }

    struct ResourceWalk {
        var visitedNodes = Set<Int>()
        var visitedResources = Set<Int>()
        var visitedFonts = Set<Int>()
        var budget = 200_000
    }

    private mutating func walkPageTree(_ node: PDFObject, inherited: PDFObject?, depth: Int, walk: inout ResourceWalk) {
        guard depth < 64, walk.budget > 0 else { return }
        walk.budget -= 1
        if let number = node.reference?.number, !walk.visitedNodes.insert(number).inserted {
            add("PDF-CYCLE", .error, "the page tree's /Kids lead back to node \(number): the tree loops", object: number)
            return
        }
        guard let dictionary = (try? document.resolve(node))?.dictionary else { return }
        let resources = dictionary["Resources"] ?? inherited
        if let kids = (try? document.value("Kids", in: dictionary))??.array {
            for kid in kids { walkPageTree(kid, inherited: resources, depth: depth + 1, walk: &walk) }
            return
        }
        if let resources { walkResources(resources, depth: 0, walk: &walk) }
        for annotation in ((try? document.value("Annots", in: dictionary)) ?? nil)?.array ?? [] {
            guard let annotationDictionary = (try? document.resolve(annotation))?.dictionary,
                  let appearances = ((try? document.value("AP", in: annotationDictionary)) ?? nil)?.dictionary else { continue }
            for entry in appearances.entries { walkAppearance(entry.value, walk: &walk) }
        }
    }

    private mutating func walkAppearance(_ value: PDFObject, walk: inout ResourceWalk) {
        guard let resolved = try? document.resolve(value) else { return }
        if let stream = resolved.stream {
            if let resources = stream.dictionary["Resources"] { walkResources(resources, depth: 1, walk: &walk) }
        } else if let states = resolved.dictionary {
            for state in states.entries {
                if let stream = (try? document.resolve(state.value))?.stream, let resources = stream.dictionary["Resources"] {
                    walkResources(resources, depth: 1, walk: &walk)
                }
            }
        }
    }

    private mutating func walkResources(_ value: PDFObject, depth: Int, walk: inout ResourceWalk) {
        guard depth < 32, walk.budget > 0 else { return }
        walk.budget -= 1
        if let number = value.reference?.number, !walk.visitedResources.insert(number).inserted { return }
        guard let resources = (try? document.resolve(value))?.dictionary else { return }
        if let fonts = ((try? document.value("Font", in: resources)) ?? nil)?.dictionary {
            for entry in fonts.entries { checkFont(entry.value, resourceName: entry.key, depth: depth, walk: &walk) }
        }
        if let objects = ((try? document.value("XObject", in: resources)) ?? nil)?.dictionary {
            for entry in objects.entries {
                if let number = entry.value.reference?.number, walk.visitedResources.contains(-number - 1) { continue }
                if let number = entry.value.reference?.number { walk.visitedResources.insert(-number - 1) }
                guard let stream = (try? document.resolve(entry.value))?.stream, stream.dictionary["Subtype"]?.name == "Form",
                      let inner = stream.dictionary["Resources"] else { continue }
                walkResources(inner, depth: depth + 1, walk: &walk)
            }
        }
    }

    private mutating func checkFont(_ value: PDFObject, resourceName: String, depth: Int, walk: inout ResourceWalk) {
        let number = value.reference?.number
        if let number, !walk.visitedFonts.insert(number).inserted { return }
        guard let font = (try? document.resolve(value))?.dictionary else { return }
        let baseFont = font["BaseFont"]?.name ?? resourceName
        switch font["Subtype"]?.name {
        case "Type3":
            if let resources = font["Resources"] { walkResources(resources, depth: depth + 1, walk: &walk) }
            return
        case "Type0":
            guard let descendants = ((try? document.value("DescendantFonts", in: font)) ?? nil)?.array, let first = descendants.first,
                  let descendant = (try? document.resolve(first))?.dictionary else {
                add("PDFA-FONT-NOT-EMBEDDED", .error, "the Type 0 font \(baseFont) has no descendant font: embed the font", object: number)
                return
            }
            requireProgram(descendant, baseFont: baseFont, object: first.reference?.number ?? number)
        default:
            requireProgram(font, baseFont: baseFont, object: number)
        }
    }

    private mutating func requireProgram(_ font: PDFDictionary, baseFont: String, object: Int?) {
        let descriptor = ((try? document.value("FontDescriptor", in: font)) ?? nil)?.dictionary
        if let descriptor, descriptor["FontFile"] != nil || descriptor["FontFile2"] != nil || descriptor["FontFile3"] != nil { return }
        let plainName = baseFont.split(separator: "+").last.map(String.init) ?? baseFont
        if Self.standardFonts.contains(plainName) {
            add("PDFA-FONT-NOT-EMBEDDED", .error, "the font \(baseFont) is one of the 14 standard fonts and is not embedded; PDF/A requires every font embedded: embed it (or a metric-compatible font such as Liberation)", object: object)
        } else {
            add("PDFA-FONT-NOT-EMBEDDED", .error, "the font \(baseFont) is not embedded (its font descriptor has no /FontFile, /FontFile2 or /FontFile3): embed the font program", object: object)
        }
    }
}
