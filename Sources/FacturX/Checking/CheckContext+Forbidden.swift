extension CheckContext {
    static let forbiddenActions: Set<String> = ["Launch", "Sound", "Movie", "ResetForm", "ImportData", "Hide", "SetOCGState", "Rendition", "Trans", "GoTo3DView", "JavaScript"]

    /// Reads every object of the file and looks for what PDF/A forbids: JavaScript, launch and other
    /// forbidden actions, additional actions, LZW; transparency is reported as a warning (allowed by
    /// PDF/A-2 and -3, forbidden by PDF/A-1 and refused by some receivers).
    mutating func checkForbiddenFeatures() {
        for number in document.objectNumbers() {
            let value: PDFObject
            do {
                value = try document.object(number)
            } catch {
                add(error, "object \(number) cannot be read")
                continue
            }
            inspect(value, object: number, depth: 0)
        }
    }

    private mutating func inspect(_ value: PDFObject, object: Int, depth: Int) {
        guard depth < 64 else { return }
        switch value {
        case let .array(items):
            for item in items { inspect(item, object: object, depth: depth + 1) }
        case let .dictionary(dictionary):
            inspect(dictionary, object: object, depth: depth, isStream: false)
        case let .stream(stream):
            inspect(stream.dictionary, object: object, depth: depth, isStream: true)
        default:
            break
        }
    }

    private mutating func inspect(_ dictionary: PDFDictionary, object: Int, depth: Int, isStream: Bool) {
        if let action = dictionary["S"]?.name, Self.forbiddenActions.contains(action), dictionary["Type"]?.name != "Group" {
            if action == "JavaScript" {
                add("PDFA-JAVASCRIPT", .error, "a JavaScript action: PDF/A forbids JavaScript, remove the action", object: object)
            } else if action == "Launch" {
                add("PDFA-LAUNCH-ACTION", .error, "a Launch action (starts a program): PDF/A forbids it, remove the action", object: object)
            } else {
                add("PDFA-ACTION-FORBIDDEN", .error, "a /\(action) action, which PDF/A forbids: remove it", object: object)
            }
        }
        if dictionary["JS"] != nil {
            add("PDFA-JAVASCRIPT", .error, "a /JS entry (JavaScript): PDF/A forbids JavaScript, remove it", object: object)
        }
        if dictionary["JavaScript"] != nil {
            add("PDFA-JAVASCRIPT", .error, "a /JavaScript name tree in the /Names dictionary: PDF/A forbids document JavaScript, remove it", object: object)
        }
        if dictionary["AA"] != nil {
            add("PDFA-ADDITIONAL-ACTIONS", .error, "an /AA (additional actions) entry: PDF/A forbids actions triggered by events, remove it", object: object)
        }
        let isTransparencyGroup = dictionary["Type"]?.name == "Group" && dictionary["S"]?.name == "Transparency"
        if isTransparencyGroup || dictionary["Group"].flatMap({ groupIsTransparency($0) }) == true {
            add("PDFA-TRANSPARENCY", .warning, "a transparency group (/Group << /S /Transparency >>): allowed by PDF/A-3 but forbidden by PDF/A-1 and refused by some receivers; flatten it if the receiver requires", object: object)
        }
        if let mask = dictionary["SMask"], mask.name != "None" {
            add("PDFA-TRANSPARENCY", .warning, "a soft mask (/SMask) in an \(isStream ? "image" : "graphics state"): allowed by PDF/A-3 but forbidden by PDF/A-1; flatten it if the receiver requires", object: object)
        }
        if isStream, usesLZW(dictionary["Filter"]) {
            add("PDFA-LZW", .error, "a stream compressed with LZWDecode: PDF/A forbids LZW, recompress it with FlateDecode", object: object)
        }
        for entry in dictionary.entries where entry.key != "Parent" {
            inspect(entry.value, object: object, depth: depth + 1)
        }
    }

    private func groupIsTransparency(_ value: PDFObject) -> Bool {
        value.dictionary?["S"]?.name == "Transparency"
    }

    private func usesLZW(_ filter: PDFObject?) -> Bool {
        switch filter {
        case let .name(name)?: name == "LZWDecode" || name == "LZW"
        case let .array(items)?: items.contains { $0.name == "LZWDecode" || $0.name == "LZW" }
        default: false
        }
    }
}
