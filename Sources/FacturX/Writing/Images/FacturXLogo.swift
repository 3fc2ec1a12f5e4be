/// A logo to print at the top of the invoice: a JPEG (embedded as it is, `/DCTDecode`) or a PNG
/// (its compressed data reused with PNG predictors, or decoded and flattened onto white when it has alpha,
/// because PDF/A-3 documents made here carry no transparency).
///
/// Read it once and reuse it for every invoice.
public struct FacturXLogo: Sendable {
    let width: Int
    let height: Int
    /// Image dictionary entries after `/Subtype /Image`, without `/Length` and `/Filter`.
    let dictionary: PDFWriteBuffer
    let data: [UInt8]
    let filter: StaticString

    /// Largest logo accepted, in pixels.
    static let maximumPixels = 25_000_000

    public init(bytes: [UInt8]) throws(FacturXError) {
        if bytes.starts(with: [0xFF, 0xD8]) {
            self = try JPEGLogoReader.read(bytes)
        } else if bytes.starts(with: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]) {
            self = try PNGLogoReader.read(bytes)
        } else {
            throw .unsupportedLogo(reason: "not a PNG or JPEG file")
        }
    }

    init(width: Int, height: Int, dictionary: PDFWriteBuffer, data: [UInt8], filter: StaticString) {
        self.width = width
        self.height = height
        self.dictionary = dictionary
        self.data = data
        self.filter = filter
    }

    /// `/Type /XObject /Subtype /Image /Width … /Height …` followed by `rest`.
    static func imageDictionary(width: Int, height: Int, _ rest: (inout PDFWriteBuffer) -> Void) -> PDFWriteBuffer {
        var dictionary = PDFWriteBuffer(capacity: 128)
        dictionary.append("/Type /XObject /Subtype /Image /Width ")
        dictionary.append(int: width)
        dictionary.append(" /Height ")
        dictionary.append(int: height)
        dictionary.append(" ")
        rest(&dictionary)
        return dictionary
    }
}

/// Reads the frame header of a baseline or progressive JPEG.
enum JPEGLogoReader {
    static func read(_ bytes: [UInt8]) throws(FacturXError) -> FacturXLogo {
        var offset = 2
        while offset + 4 <= bytes.count {
            guard bytes[offset] == 0xFF else { throw .unsupportedLogo(reason: "damaged JPEG (marker expected at byte \(offset))") }
            let marker = bytes[offset + 1]
            if marker == 0xFF {
                offset += 1
                continue
            }
            let length = Int(bytes.u16(offset + 2))
            let isFrame = (0xC0...0xCF).contains(marker) && marker != 0xC4 && marker != 0xC8 && marker != 0xCC
            if isFrame {
                guard offset + 9 < bytes.count else { break }
                let precision = Int(bytes[offset + 4])
                let height = Int(bytes.u16(offset + 5))
                let width = Int(bytes.u16(offset + 7))
                let components = Int(bytes[offset + 9])
                guard precision == 8 else { throw .unsupportedLogo(reason: "\(precision)-bit JPEG; save it with 8 bits per channel") }
                guard width > 0, height > 0, width * height <= FacturXLogo.maximumPixels else {
                    throw .unsupportedLogo(reason: "JPEG of \(width)×\(height) pixels; at most \(FacturXLogo.maximumPixels) pixels")
                }
                let colorSpace: StaticString
                switch components {
                case 1: colorSpace = "/DeviceGray"
                case 3: colorSpace = "/DeviceRGB"
                default:
                    throw .unsupportedLogo(reason: "a CMYK JPEG cannot be printed under the document's sRGB output intent; save the logo in RGB")
                }
                let dictionary = FacturXLogo.imageDictionary(width: width, height: height) { dictionary in
                    dictionary.append("/ColorSpace ")
                    dictionary.append(colorSpace)
                    dictionary.append(" /BitsPerComponent 8")
                }
                return FacturXLogo(width: width, height: height, dictionary: dictionary, data: bytes, filter: "DCTDecode")
            }
            guard length >= 2 else { break }
            offset += 2 + length
        }
        throw .unsupportedLogo(reason: "JPEG without a frame header")
    }
}
