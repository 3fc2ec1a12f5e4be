import EInvoice

/// BT-21 in UBL: a note has no subject code element, so the code travels in the text as `#CODE#text`.
enum UBLNoteText {
    static func decode(_ text: String) -> InvoiceNote {
        let scalars = Array(text.unicodeScalars)
        guard scalars.count >= 3, scalars[0] == "#", let close = scalars[1...].firstIndex(of: "#"), close > 1
        else { return InvoiceNote(text: text) }
        let code = scalars[1..<close]
        guard code.count <= 10, code.allSatisfy({ $0.properties.isAlphabetic || ("0"..."9").contains($0) })
        else { return InvoiceNote(text: text) }
        var codeText = ""
        codeText.unicodeScalars.append(contentsOf: code)
        var rest = ""
        rest.unicodeScalars.append(contentsOf: scalars[(close + 1)...])
        return InvoiceNote(text: rest.trimmingWhitespace(), subjectCode: codeText)
    }

    static func encode(_ note: InvoiceNote) -> String {
        guard let code = note.subjectCode, !code.isEmpty else { return note.text }
        return "#\(code)#\(note.text)"
    }
}
