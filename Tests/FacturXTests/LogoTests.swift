import CZlib
import EInvoice
@testable import FacturX
import Testing

@Suite("Logos")
struct LogoTests {
    /// A PNG file made of the given chunks (lengths and CRCs computed).
    static func png(width: Int, height: Int, colorType: UInt8, rows: [[UInt8]], extra: [(String, [UInt8])] = []) -> [UInt8] {
        var bytes: [UInt8] = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]
        func chunk(_ type: String, _ body: [UInt8]) {
            bytes.appendU32(UInt32(body.count))
            let typed = Array(type.utf8) + body
            bytes += typed
            let crc = typed.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
            bytes.appendU32(crc)
        }
        var header: [UInt8] = []
        header.appendU32(UInt32(width))
        header.appendU32(UInt32(height))
        header += [8, colorType, 0, 0, 0]
        chunk("IHDR", header)
        for (type, body) in extra { chunk(type, body) }
        chunk("IDAT", Flate.compress(rows.flatMap { [0] + $0 }))
        chunk("IEND", [])
        return bytes
    }

    static func jpeg(components: UInt8) -> [UInt8] {
        // SOI, an APP0 segment, then SOF0: precision 8, 40 × 120 pixels.
        [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x04, 0x00, 0x00, 0xFF, 0xC0, 0x00, 0x11, 0x08, 0x00, 0x28, 0x00, 0x78, components]
            + [UInt8](repeating: 0, count: 12) + [0xFF, 0xD9]
    }

    @Test func rgbJPEGIsEmbeddedAsIs() throws {
        let bytes = Self.jpeg(components: 3)
        let logo = try FacturXLogo(bytes: bytes)
        #expect(logo.width == 120 && logo.height == 40)
        #expect(logo.data == bytes)
        #expect("\(logo.filter)" == "DCTDecode")
        #expect(String(decoding: logo.dictionary.bytes, as: UTF8.self).contains("/ColorSpace /DeviceRGB"))
    }

    @Test func cmykJPEGIsRefused() {
        do {
            _ = try FacturXLogo(bytes: Self.jpeg(components: 4))
            Issue.record("a CMYK JPEG was accepted")
        } catch {
            #expect(error.description.contains("CMYK"))
        }
    }

    @Test func opaquePNGKeepsItsCompressedDataWithPredictors() throws {
        let bytes = Self.png(width: 2, height: 1, colorType: 2, rows: [[10, 20, 30, 40, 50, 60]])
        let logo = try FacturXLogo(bytes: bytes)
        let dictionary = String(decoding: logo.dictionary.bytes, as: UTF8.self)
        #expect(dictionary.contains("/DecodeParms << /Predictor 15 /Colors 3 /BitsPerComponent 8 /Columns 2 >>"))
        #expect(try Flate.decompress(logo.data, limit: 100) == [0, 10, 20, 30, 40, 50, 60])
    }

    @Test func pngAlphaIsFlattenedOntoWhite() throws {
        // An opaque red pixel, a transparent black one, a half-transparent black one.
        let bytes = Self.png(width: 3, height: 1, colorType: 6, rows: [[255, 0, 0, 255, 0, 0, 0, 0, 0, 0, 0, 128]])
        let logo = try FacturXLogo(bytes: bytes)
        let pixels = try Flate.decompress(logo.data, limit: 100)
        #expect(pixels == [255, 0, 0, 255, 255, 255, 127, 127, 127])
        #expect(!String(decoding: logo.dictionary.bytes, as: UTF8.self).contains("SMask"))
    }

    @Test func palettePNGWithTransparencyBlendsThePalette() throws {
        let bytes = Self.png(width: 1, height: 1, colorType: 3, rows: [[0]],
                             extra: [("PLTE", [0, 0, 0, 200, 10, 10]), ("tRNS", [0])])
        let logo = try FacturXLogo(bytes: bytes)
        #expect(String(decoding: logo.dictionary.bytes, as: UTF8.self).contains("/Indexed /DeviceRGB 1 <FFFFFFC80A0A>"))
    }

    @Test func otherFilesAreRefused() {
        #expect(throws: FacturXError.unsupportedLogo(reason: "not a PNG or JPEG file")) {
            _ = try FacturXLogo(bytes: Array("GIF89a".utf8))
        }
    }

    @Test(.enabled(if: TestResources.available))
    func theLogoIsDrawnOnTheFirstPage() throws {
        let writer = try TestResources.writer()
        let logo = try FacturXLogo(bytes: Self.png(width: 2, height: 1, colorType: 2, rows: [[10, 20, 30, 40, 50, 60]]))
        let pdf = WrittenPDF(bytes: writer.create(invoice: SampleInvoice.make(lineCount: 1), logo: logo))
        #expect(pdf.objectStreamText.contains("/XObject << /Im1 "))
        let content = pdf.streams.map { String(decoding: $0.data, as: UTF8.self) }.first { $0.contains("/Im1 Do") }
        #expect(content != nil)
    }
}
