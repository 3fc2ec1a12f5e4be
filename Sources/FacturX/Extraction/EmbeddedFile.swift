/// A file attached to a PDF: found in the catalog's `/Names /EmbeddedFiles` tree, in its `/AF` array, or both.
/// Its content is not decoded until `PDFDocument.contents(of:)` is asked for it.
public struct EmbeddedFile: Sendable {
    /// The file name: the file specification's `/UF`, else `/F`, else the name-tree key.
    public var name: String
    /// The name-tree key, when it is in the tree.
    public var treeKey: String?
    /// The object number of the file specification dictionary (nil when it is a direct object).
    public var fileSpecObject: Int?
    /// `/AFRelationship` (Data, Alternative, Source, Supplement, Unspecified), when present.
    public var relationship: String?
    /// The embedded file stream's `/Subtype` (its MIME type, e.g. `text/xml`), when present.
    public var mimeType: String?
    /// `/Params /ModDate` of the embedded file stream, as written.
    public var modificationDate: String?
    /// `/Params /Size`: the file's size as the writer declared it (a hint, never trusted).
    public var size: Int?
    public var inNamesTree: Bool
    public var inAssociatedFiles: Bool
    /// The embedded file stream (`/EF /UF`, else `/EF /F`); nil when the file specification has none.
    public var stream: PDFStream?

    /// All names the file goes by (`/UF`, `/F`, tree key), for matching.
    public var names: [String] {
        var all = [name]
        if let treeKey, treeKey != name { all.append(treeKey) }
        return all
    }
}

extension PDFDocument {
    /// The embedded files of the document: the name tree's first, in tree order, then those only in `/AF`.
    public mutating func embeddedFiles(catalog: PDFDictionary) throws(PDFError) -> [EmbeddedFile] {
        var files: [EmbeddedFile] = []
        if let names = try value("Names", in: catalog)?.dictionary, let tree = names["EmbeddedFiles"] {
            for leaf in try PDFNameTree.leaves(of: tree, in: &self) {
                guard var file = try embeddedFile(leaf.value) else { continue }
                file.treeKey = PDFTextString.decode(leaf.key)
                if file.name.isEmpty { file.name = file.treeKey ?? "" }
                file.inNamesTree = true
                files.append(file)
            }
        }
        if let associated = try value("AF", in: catalog)?.array {
            for item in associated {
                if let number = item.reference?.number, let index = files.firstIndex(where: { $0.fileSpecObject == number }) {
                    files[index].inAssociatedFiles = true
                    continue
                }
                guard var file = try embeddedFile(item) else { continue }
                file.inAssociatedFiles = true
                files.append(file)
            }
        }
        return files
    }

    /// Reads a file specification; nil when it is not a dictionary.
    mutating func embeddedFile(_ spec: PDFObject) throws(PDFError) -> EmbeddedFile? {
        guard let dictionary = try resolve(spec).dictionary else { return nil }
        var name = ""
        if let unicode = try value("UF", in: dictionary)?.stringBytes {
            name = PDFTextString.decode(unicode)
        } else if let plain = try value("F", in: dictionary)?.stringBytes {
            name = PDFTextString.decode(plain)
        }
        var file = EmbeddedFile(name: name, treeKey: nil, fileSpecObject: spec.reference?.number,
                                relationship: try value("AFRelationship", in: dictionary)?.name,
                                mimeType: nil, modificationDate: nil, size: nil, inNamesTree: false, inAssociatedFiles: false, stream: nil)
        var stream: PDFStream?
        if let embedded = try value("EF", in: dictionary)?.dictionary {
            stream = try value("UF", in: embedded)?.stream
            if stream == nil { stream = try value("F", in: embedded)?.stream }
        }
        if let stream {
            file.stream = stream
            file.mimeType = try value("Subtype", in: stream.dictionary)?.name
            if let parameters = try value("Params", in: stream.dictionary)?.dictionary {
                if let date = try value("ModDate", in: parameters)?.stringBytes { file.modificationDate = PDFTextString.decode(date) }
                file.size = try value("Size", in: parameters)?.integer
            }
        }
        return file
    }

    /// The decoded content of an embedded file.
    public mutating func contents(of file: EmbeddedFile) throws(PDFError) -> [UInt8] {
        guard let stream = file.stream else {
            throw PDFError(.missing, "the file specification of '\(file.name)' has no embedded file stream (/EF)", object: file.fileSpecObject)
        }
        return try decodedData(of: stream, sizeHint: file.size)
    }
}
