import EInvoice

/// What the layout hands to the PDF writer: the page contents and the glyphs they use.
struct LaidOutInvoice: Sendable {
    var pages: [PDFWriteBuffer]
    var regular: FontUsage
    var bold: FontUsage
    var usesLogo: Bool
}

/// Lays an invoice out on A4 pages: header with the parties, references, the line table (breaking across
/// pages with its header repeated), allowances and charges, VAT breakdown, totals, payment instructions,
/// legal mentions, and a footer with the seller's identity and "Page i/n" on every page.
struct InvoiceLayout {
    static let left = 42.0
    static let right = LayoutCanvas.pageWidth - 42.0
    static let top = 40.0
    /// Content stops here; the footer lives below.
    static let bottom = LayoutCanvas.pageHeight - 58.0
    static var contentWidth: Double { right - left }

    let invoice: Invoice
    let labels: InvoiceLabels
    let format: NumberFormatting
    let language: InvoiceLanguage
    /// Pixel size of the logo, when there is one.
    let logoSize: (width: Int, height: Int)?
    var canvas: LayoutCanvas
    /// The top of the free space on the current page.
    var y = top

    init(invoice: Invoice, language: InvoiceLanguage, fonts: FontPair, logoSize: (width: Int, height: Int)?) {
        self.invoice = invoice
        self.language = language
        labels = InvoiceLabels.of(language)
        format = NumberFormatting(language: language, currencyCode: invoice.currencyCode)
        self.logoSize = logoSize
        canvas = LayoutCanvas(regular: fonts.regular, bold: fonts.bold)
    }

    /// Lays the whole invoice out.
    consuming func run() -> LaidOutInvoice {
        drawHeader()
        drawPartiesAndReferences()
        drawLineTable()
        drawDocumentAllowancesAndCharges()
        drawTotals()
        drawPayment()
        drawLegalMentions()
        drawNotes()
        canvas.finishPage()
        drawFooters()
        return LaidOutInvoice(pages: canvas.pages, regular: canvas.regular, bold: canvas.bold, usesLogo: canvas.drewImage)
    }

    var documentTitle: String {
        labels.title(typeCode: invoice.typeCode, isCreditNote: invoice.isCreditNote)
    }

    /// Starts a new page when `height` points do not fit; returns whether it did.
    @discardableResult
    mutating func ensureSpace(_ height: Double) -> Bool {
        guard y + height > Self.bottom else { return false }
        canvas.finishPage()
        drawContinuationHeader()
        return true
    }

    /// The slim header of the pages after the first.
    mutating func drawContinuationHeader() {
        y = Self.top
        canvas.text(invoice.seller.name, x: Self.left, y: y + 10, style: .bold, size: 9.5, color: .accent)
        let title = "\(documentTitle) \(labels.number) \(invoice.number) (\(labels.continued))"
        canvas.text(title, x: Self.right, y: y + 10, style: .bold, size: 9.5, color: .accent, align: .right)
        canvas.rule(x1: Self.left, x2: Self.right, y: y + 17, color: .accent, lineWidth: 0.8)
        y += 30
    }

    /// A section heading with a rule under it.
    mutating func drawHeading(_ text: String, x: Double = left, width: Double = contentWidth) {
        canvas.text(text, x: x, y: y + 10, style: .bold, size: 9.5, color: .accent)
        canvas.rule(x1: x, x2: x + width, y: y + 14, color: .accent, lineWidth: 0.6)
        y += 22
    }

    /// `123 456 782` for a SIREN, `123 456 782 00012` for a SIRET; other identifiers unchanged.
    static func groupedRegistration(_ value: String) -> String {
        let utf8 = value.utf8
        if utf8.allSatisfy({ $0 < 0x80 }) {
            // ASCII (every real SIREN/SIRET): only 0-9 are numbers; grouped on bytes.
            guard utf8.count == 9 || utf8.count == 14, utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }) else { return value }
            var grouped: [UInt8] = []
            grouped.reserveCapacity(utf8.count + 6)
            for (index, digit) in utf8.enumerated() {
                if index == 3 || index == 6 || index == 9 { grouped += [0xC2, 0xA0] }  // U+00A0 in UTF-8
                grouped.append(digit)
            }
            return String(decoding: grouped, as: UTF8.self)
        }
        let digits = Array(value)
        guard digits.allSatisfy(\.isNumber), digits.count == 9 || digits.count == 14 else { return value }
        let text = String(digits)
        var parts = [String(text.prefix(3)), String(text.dropFirst(3).prefix(3)), String(text.dropFirst(6).prefix(3))]
        if digits.count == 14 { parts.append(String(text.suffix(5))) }
        return parts.joined(separator: NumberFormatting.noBreakSpace)
    }
}

/// The regular and bold faces of the family the invoice is set in.
struct FontPair: Sendable {
    var regular: TrueTypeFont
    var bold: TrueTypeFont
}
