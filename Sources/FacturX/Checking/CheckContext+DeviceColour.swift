extension CheckContext {
    /// Where the document paints with a device colour space (DeviceRGB, DeviceCMYK, DeviceGray), which PDF/A
    /// allows only with an output intent: the first page content stream or image that does, or nil.
    mutating func firstDeviceColourUse() -> (what: String, object: Int?)? {
        guard let catalog = try? document.catalog().dictionary, let root = catalog["Pages"] else { return nil }
        var stack: [(node: PDFObject, depth: Int)] = [(root, 0)]
        var visited = Set<Int>()
        var budget = 10_000
        while let (node, depth) = stack.popLast(), budget > 0 {
            budget -= 1
            if let number = node.reference?.number, !visited.insert(number).inserted { continue }
            guard depth < 64, let page = (try? document.resolve(node))?.dictionary else { continue }
            if let kids = ((try? document.value("Kids", in: page)) ?? nil)?.array {
                stack += kids.reversed().map { ($0, depth + 1) }
                continue
            }
            if let found = deviceColourInImages(page) { return found }
            let contents = page["Contents"]
            var streams: [PDFObject] = []
            if let resolved = try? document.resolve(contents ?? .null) {
                streams = resolved.array ?? [contents ?? .null]
            }
            for item in streams {
                guard let stream = (try? document.resolve(item))?.stream, let data = try? document.decodedData(of: stream) else { continue }
                if let operatorName = Self.deviceColourOperator(in: data) {
                    return ("the page content uses the '\(operatorName)' operator (a device colour)", stream.objectNumber)
                }
            }
        }
        return nil
    }

    private mutating func deviceColourInImages(_ page: PDFDictionary) -> (what: String, object: Int?)? {
        guard let resources = ((try? document.value("Resources", in: page)) ?? nil)?.dictionary,
              let objects = ((try? document.value("XObject", in: resources)) ?? nil)?.dictionary else { return nil }
        for entry in objects.entries {
            guard let stream = (try? document.resolve(entry.value))?.stream, stream.dictionary["Subtype"]?.name == "Image",
                  let space = ((try? document.value("ColorSpace", in: stream.dictionary)) ?? nil)?.name,
                  space.hasPrefix("Device") else { continue }
            return ("the image /\(entry.key) is in /\(space)", entry.value.reference?.number)
        }
        return nil
    }

    /// The first colour operator of a content stream that selects a device colour space: `rg RG k K g G`, or
    /// `cs CS` after a `/DeviceRGB`-like name. Strings, comments and inline image data are skipped.
    static func deviceColourOperator(in data: [UInt8]) -> String? {
        var index = 0
        var lastName: [UInt8] = []
        let count = data.count
        while index < count {
            let byte = data[index]
            if byte == 0x28 {  // literal string: skip balanced parentheses
                var depth = 1
                index += 1
                while index < count, depth > 0 {
                    if data[index] == 0x5C { index += 1 } else if data[index] == 0x28 { depth += 1 } else if data[index] == 0x29 { depth -= 1 }
                    index += 1
                }
                continue
            }
            if byte == 0x25 {
                while index < count, data[index] != 0x0A, data[index] != 0x0D { index += 1 }
                continue
            }
            guard PDFBytes.isRegular(byte) || byte == 0x2F else {
                index += 1
                continue
            }
            let start = index
            index += 1
            while index < count, PDFBytes.isRegular(data[index]) { index += 1 }
            let token = data[start..<index]
            if byte == 0x2F {
                lastName = Array(token.dropFirst())
                continue
            }
            switch token.count {
            case 1 where token.first == UInt8(ascii: "k") || token.first == UInt8(ascii: "K") || token.first == UInt8(ascii: "g") || token.first == UInt8(ascii: "G"):
                return String(decoding: token, as: UTF8.self)
            case 2 where token.elementsEqual("rg".utf8) || token.elementsEqual("RG".utf8):
                return String(decoding: token, as: UTF8.self)
            case 2 where (token.elementsEqual("cs".utf8) || token.elementsEqual("CS".utf8)) && lastName.starts(with: "Device".utf8):
                return "/" + String(decoding: lastName, as: UTF8.self) + " " + String(decoding: token, as: UTF8.self)
            case 2 where token.elementsEqual("ID".utf8):
                // Inline image data: skip to EI.
                if let end = PDFBytes.firstIndex(of: "EI", in: data, range: index..<count) { index = end + 2 } else { return nil }
            default:
                break
            }
        }
        return nil
    }
}
