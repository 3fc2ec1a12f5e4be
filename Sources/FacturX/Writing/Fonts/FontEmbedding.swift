/// Writes one used font into the PDF as a Type 0 font over a CIDFontType2 subset: Identity-H encoding,
/// `/W` widths from the font's own advances, `/CIDToGIDMap /Identity` (the subset is numbered by CID),
/// a ToUnicode CMap so that text can be extracted, and the subset program as `/FontFile2`.
/// No `/CIDSet`: PDF/A-2 and -3 make it optional, and a wrong one is a classic validation failure.
struct FontEmbedding {
    let usage: FontUsage

    /// Writes the objects; `fontObject` is the number the page resources refer to.
    func write(fontObject: Int, into file: inout PDFFileWriter) {
        let font = usage.font
        let subset = TrueTypeSubsetter(font: font).subset(glyphs: usage.glyphs, unicodes: usage.texts)
        let baseName = subsetTag() + "+" + font.postScriptName
        let cidFont = file.reserve()
        let descriptor = file.reserve()
        let program = file.reserve()
        let toUnicode = file.reserve()

        var type0 = PDFWriteBuffer(capacity: 256)
        type0.append("<< /Type /Font /Subtype /Type0 /BaseFont ")
        type0.append(name: baseName)
        type0.append(" /Encoding /Identity-H /DescendantFonts [")
        reference(cidFont, &type0)
        type0.append("] /ToUnicode ")
        reference(toUnicode, &type0)
        type0.append(" >>")
        file.setObject(fontObject, type0)

        var cid = PDFWriteBuffer(capacity: 256 + usage.glyphs.count * 6)
        cid.append("<< /Type /Font /Subtype /CIDFontType2 /BaseFont ")
        cid.append(name: baseName)
        cid.append(" /CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /FontDescriptor ")
        reference(descriptor, &cid)
        cid.append(" /CIDToGIDMap /Identity /DW 1000 /W [0 [")
        for glyph in usage.glyphs {
            cid.append(int: scaled(Int(font.advances[Int(glyph)])))
            cid.append(" ")
        }
        cid.append("]] >>")
        file.setObject(cidFont, cid)

        var fd = PDFWriteBuffer(capacity: 256)
        fd.append("<< /Type /FontDescriptor /FontName ")
        fd.append(name: baseName)
        fd.append(" /Flags ")
        fd.append(int: font.italicAngle != 0 ? 32 + 64 : 32)
        fd.append(" /FontBBox [")
        let box = font.boundingBox
        for value in [box.0, box.1, box.2, box.3] {
            fd.append(int: scaled(value))
            fd.append(" ")
        }
        fd.append("] /ItalicAngle ")
        fd.append(number: font.italicAngle)
        fd.append(" /Ascent ")
        fd.append(int: scaled(font.ascent))
        fd.append(" /Descent ")
        fd.append(int: scaled(font.descent))
        fd.append(" /CapHeight ")
        fd.append(int: scaled(font.capHeight))
        fd.append(" /StemV ")
        fd.append(int: 10 + 220 * max(0, font.weightClass - 50) / 900)
        fd.append(" /FontFile2 ")
        reference(program, &fd)
        fd.append(" >>")
        file.setObject(descriptor, fd)

        var programDictionary = PDFWriteBuffer()
        programDictionary.append("/Length1 ")
        programDictionary.append(int: subset.program.count)
        // Written unfiltered: a hint-free subset is a few kilobytes that Flate would shrink by a quarter at most.
        file.setStream(program, dictionary: programDictionary, data: subset.program, compress: false)

        file.setStream(toUnicode, dictionary: PDFWriteBuffer(), data: ToUnicodeCMap.make(usage.texts), compress: false)
    }

    /// Font units to the PDF's 1/1000 text space.
    private func scaled(_ value: Int) -> Int {
        let unitsPerEm = usage.font.unitsPerEm
        let product = value * 1000
        return product >= 0 ? (product + unitsPerEm / 2) / unitsPerEm : (product - unitsPerEm / 2) / unitsPerEm
    }

    /// Six capital letters derived from the glyph set (PDF 9.6.4: subset fonts are named `ABCDEF+Name`).
    private func subsetTag() -> String {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for glyph in usage.glyphs {
            hash = (hash ^ UInt64(glyph)) &* 0x0100_0000_01B3
        }
        for byte in usage.font.postScriptName.utf8 {
            hash = (hash ^ UInt64(byte)) &* 0x0100_0000_01B3
        }
        var tag = ""
        for _ in 0..<6 {
            tag.unicodeScalars.append(Unicode.Scalar(UInt8(65 + hash % 26)))
            hash /= 26
        }
        return tag
    }

    private func reference(_ number: Int, _ output: inout PDFWriteBuffer) {
        output.append(int: number)
        output.append(" 0 R")
    }
}

/// The ToUnicode CMap (PDF 9.10.3) that maps 2-byte CIDs back to characters.
enum ToUnicodeCMap {
    static func make(_ texts: [Unicode.Scalar]) -> [UInt8] {
        var output = PDFWriteBuffer(capacity: 512 + texts.count * 24)
        output.append("""
            /CIDInit /ProcSet findresource begin
            12 dict begin
            begincmap
            /CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def
            /CMapName /Adobe-Identity-UCS def
            /CMapType 2 def
            1 begincodespacerange
            <0000> <FFFF>
            endcodespacerange

            """)
        let entries = Array(texts.enumerated().dropFirst())
        var start = 0
        while start < entries.count {
            let chunk = entries[start..<min(start + 100, entries.count)]
            output.append(int: chunk.count)
            output.append(" beginbfchar\n")
            for (cid, scalar) in chunk {
                output.append(byte: UInt8(ascii: "<"))
                output.appendHexByte(UInt8(cid >> 8))
                output.appendHexByte(UInt8(cid & 0xFF))
                output.append("> <")
                appendUTF16BigEndianHex(scalar, &output)
                output.append(">\n")
            }
            output.append("endbfchar\n")
            start += 100
        }
        output.append("endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n")
        return output.bytes
    }

    /// The UTF-16BE code units of a character in hex digits, without an intermediate array.
    private static func appendUTF16BigEndianHex(_ scalar: Unicode.Scalar, _ output: inout PDFWriteBuffer) {
        let value = scalar.value
        guard value > 0xFFFF else {
            output.appendHexByte(UInt8(value >> 8))
            output.appendHexByte(UInt8(value & 0xFF))
            return
        }
        for byte in utf16BigEndian(scalar) { output.appendHexByte(byte) }
    }

    /// The UTF-16BE code units of a character (a surrogate pair above U+FFFF).
    static func utf16BigEndian(_ scalar: Unicode.Scalar) -> [UInt8] {
        let value = scalar.value
        guard value > 0xFFFF else { return [UInt8(value >> 8), UInt8(value & 0xFF)] }
        let offset = value - 0x10000
        let high = 0xD800 + (offset >> 10)
        let low = 0xDC00 + (offset & 0x3FF)
        return [UInt8(high >> 8), UInt8(high & 0xFF), UInt8(low >> 8), UInt8(low & 0xFF)]
    }
}
