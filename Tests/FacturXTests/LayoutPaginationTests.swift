import EInvoice
import Foundation
@testable import FacturX
import Testing

@Suite("Invoice layout", .enabled(if: TestResources.available))
struct LayoutPaginationTests {
    let fonts: FontPair

    init() throws {
        fonts = try FacturXResources.load().fonts
    }

    func layOut(_ invoice: Invoice, _ language: InvoiceLanguage = .french) -> LaidOutInvoice {
        InvoiceLayout(invoice: invoice, language: language, fonts: fonts, logoSize: nil).run()
    }

    /// The content-stream form of `text` in the given face, as the layout draws it.
    func encoded(_ text: String, bold: Bool, in layout: LaidOutInvoice) -> Bytes {
        var usage = bold ? layout.bold : layout.regular
        var output = PDFWriteBuffer()
        usage.encode(text, into: &output)
        return Bytes(Array(output.bytes.dropFirst().dropLast()))  // without the string's parentheses
    }

    @Test func fiveHundredLinesBreakAcrossPagesWithTheHeaderOnEachPage() {
        let invoice = SampleInvoice.make(lineCount: 500)
        let layout = layOut(invoice)
        #expect(layout.pages.count >= 12)
        #expect(layout.pages.count <= 20)
        let header = encoded("Désignation", bold: true, in: layout)
        let pageTexts = layout.pages.map { Bytes($0.bytes) }
        // Every page but possibly the last (totals, payment, mentions) starts a table section with its header.
        for (index, page) in pageTexts.dropLast().enumerated() {
            #expect(page.contains(header), "no table header on page \(index + 1)")
        }
        for (index, page) in pageTexts.enumerated() {
            let footer = encoded("Page \(index + 1)/\(layout.pages.count)", bold: true, in: layout)
            #expect(page.contains(footer), "no page number on page \(index + 1)")
        }
        // Every line is drawn exactly once.
        for number in [1, 57, 250, 499, 500] {
            let name = encoded("Article \(number)", bold: false, in: layout)
            #expect(pageTexts.filter { $0.contains(Bytes([UInt8(ascii: "(")]) + name + Bytes(Array(") Tj".utf8))) }.count == 1, "Article \(number)")
        }
        let due = encoded("Net à payer", bold: true, in: layout)
        #expect(pageTexts.last?.contains(due) == true)
    }

    @Test func aShortInvoiceFitsOnePage() {
        let layout = layOut(SampleInvoice.make(lineCount: 10))
        #expect(layout.pages.count == 1)
        let page = Bytes(layout.pages[0].bytes)
        #expect(page.contains(encoded("Page 1/1", bold: true, in: layout)))
        #expect(page.contains(encoded("FR76 3000 6000 0112 3456 7890 189", bold: true, in: layout)))
    }

    @Test func englishLabelsAndStandardLegalMentionsWhenTheNotesAreMissing() {
        var invoice = SampleInvoice.make(lineCount: 2)
        invoice.notes = []
        let layout = layOut(invoice, .english)
        let page = Bytes(layout.pages[0].bytes)
        #expect(page.contains(encoded("INVOICE", bold: true, in: layout)))
        #expect(page.contains(encoded("Any late payment incurs a fixed recovery fee of €40", bold: false, in: layout)))
    }

    @Test func longDescriptionsWrapWithinTheColumn() {
        var invoice = SampleInvoice.make(lineCount: 1)
        invoice.lines[0].item.name = String(repeating: "Prestation de conseil en organisation ", count: 8)
        let canvas = LayoutCanvas(regular: fonts.regular, bold: fonts.bold)
        let width = InvoiceLayout.columns[1].width - 10
        let lines = canvas.wrap(invoice.lines[0].item.name, width: width, style: .regular, size: 8.5)
        #expect(lines.count > 3)
        for line in lines { #expect(canvas.width(line, .regular, 8.5) <= width) }
        #expect(lines.joined(separator: " ") == invoice.lines[0].item.name.trimmingCharacters(in: .whitespaces))
    }
}

/// Bytes that can be searched for a sub-sequence.
struct Bytes: Equatable {
    var values: [UInt8]

    init(_ values: [UInt8]) { self.values = values }

    func contains(_ other: Bytes) -> Bool {
        let needle = other.values
        guard !needle.isEmpty, needle.count <= values.count else { return needle.isEmpty }
        var index = 0
        while index + needle.count <= values.count {
            if values[index] == needle[0], Array(values[index..<index + needle.count]) == needle { return true }
            index += 1
        }
        return false
    }

    static func + (lhs: Bytes, rhs: Bytes) -> Bytes { Bytes(lhs.values + rhs.values) }
}
