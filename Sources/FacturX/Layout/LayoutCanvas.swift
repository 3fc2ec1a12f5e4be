/// A colour in DeviceRGB, which the sRGB output intent makes device-independent (PDF/A-3 6.2.4.3).
struct RGBColor: Sendable, Equatable {
    var red: Double
    var green: Double
    var blue: Double

    static let text = RGBColor(red: 0.13, green: 0.15, blue: 0.18)
    static let muted = RGBColor(red: 0.40, green: 0.43, blue: 0.47)
    static let accent = RGBColor(red: 0.11, green: 0.27, blue: 0.45)
    static let white = RGBColor(red: 1, green: 1, blue: 1)
    static let rule = RGBColor(red: 0.78, green: 0.80, blue: 0.83)
    static let band = RGBColor(red: 0.95, green: 0.96, blue: 0.97)
    static let panel = RGBColor(red: 0.92, green: 0.94, blue: 0.97)
}

enum FontStyle: Sendable, Equatable {
    case regular
    case bold
}

/// Pages of drawing operators in top-down coordinates (y grows downwards from the top edge, in points),
/// with the fonts' glyph usage recorded as text is drawn.
struct LayoutCanvas: Sendable {
    static let pageWidth = 595.276
    static let pageHeight = 841.89

    private(set) var regular: FontUsage
    private(set) var bold: FontUsage
    private(set) var pages: [PDFWriteBuffer] = []
    private var current = PDFWriteBuffer(capacity: 16 * 1024)
    /// Whether the logo image was drawn (it is then written as `/Im1`).
    private(set) var drewImage = false
    /// Graphics state already set on the current page, so that operators are written only on change.
    private var currentFont: (style: FontStyle, size: Double)?
    private var currentFill: RGBColor?
    private var currentStroke: RGBColor?
    private var currentLineWidth: Double?

    init(regular: TrueTypeFont, bold: TrueTypeFont) {
        self.regular = FontUsage(font: regular)
        self.bold = FontUsage(font: bold)
    }

    /// The width of `text` in points.
    func width(_ text: String, _ style: FontStyle, _ size: Double) -> Double {
        (style == .bold ? bold : regular).width(text) * size
    }

    /// Draws `text` with its baseline at `y`; `align` positions it against `x` (left edge, right edge or centre).
    mutating func text(_ text: String, x: Double, y: Double, style: FontStyle = .regular, size: Double,
                       color: RGBColor = .text, align: TextAlignment = .left) {
        guard !text.isEmpty else { return }
        var left = x
        switch align {
        case .left: break
        case .right: left = x - width(text, style, size)
        case .center: left = x - width(text, style, size) / 2
        }
        if currentFont?.style != style || currentFont?.size != size {
            current.append(style == .bold ? "/F2 " : "/F1 ")
            current.append(number: size)
            current.append(" Tf ")
            currentFont = (style, size)
        }
        setFill(color)
        current.append("BT ")
        current.append(numbers: left, Self.pageHeight - y)
        current.append("Td ")
        if style == .bold {
            bold.encode(text, into: &current)
        } else {
            regular.encode(text, into: &current)
        }
        current.append(" Tj ET\n")
    }

    /// A filled rectangle whose top-left corner is (x, y).
    mutating func fill(x: Double, y: Double, width: Double, height: Double, color: RGBColor) {
        setFill(color)
        current.append(numbers: x, Self.pageHeight - y - height, width, height)
        current.append("re f\n")
    }

    /// A stroked rectangle whose top-left corner is (x, y).
    mutating func stroke(x: Double, y: Double, width: Double, height: Double, color: RGBColor, lineWidth: Double = 0.6) {
        setStroke(color, lineWidth)
        current.append(numbers: x, Self.pageHeight - y - height, width, height)
        current.append("re S\n")
    }

    /// A horizontal rule from x1 to x2 at y.
    mutating func rule(x1: Double, x2: Double, y: Double, color: RGBColor = .rule, lineWidth: Double = 0.6) {
        setStroke(color, lineWidth)
        current.append(numbers: x1, Self.pageHeight - y)
        current.append("m ")
        current.append(numbers: x2, Self.pageHeight - y)
        current.append("l S\n")
    }

    /// Draws the logo XObject into the box whose top-left corner is (x, y).
    mutating func image(x: Double, y: Double, width: Double, height: Double) {
        drewImage = true
        current.append("q ")
        current.append(numbers: width, 0, 0, height, x, Self.pageHeight - y - height)
        current.append("cm /Im1 Do Q\n")
    }

    /// Ends the current page and starts a new one.
    mutating func finishPage() {
        pages.append(current)
        current = PDFWriteBuffer(capacity: 16 * 1024)
        forgetState()
    }

    private mutating func forgetState() {
        currentFont = nil
        currentFill = nil
        currentStroke = nil
        currentLineWidth = nil
    }

    /// Draws onto an already finished page (footers with the page count).
    mutating func drawOnPage(_ index: Int, _ body: (inout LayoutCanvas) -> Void) {
        guard pages.indices.contains(index) else { return }
        let saved = current
        current = pages[index]
        forgetState()
        body(&self)
        pages[index] = current
        current = saved
        forgetState()
    }

    private mutating func setFill(_ color: RGBColor) {
        guard currentFill != color else { return }
        current.append(numbers: color.red, color.green, color.blue)
        current.append("rg ")
        currentFill = color
    }

    private mutating func setStroke(_ color: RGBColor, _ lineWidth: Double) {
        if currentStroke != color {
            current.append(numbers: color.red, color.green, color.blue)
            current.append("RG ")
            currentStroke = color
        }
        if currentLineWidth != lineWidth {
            current.append(number: lineWidth)
            current.append(" w ")
            currentLineWidth = lineWidth
        }
    }
}

enum TextAlignment: Sendable {
    case left
    case right
    case center
}
