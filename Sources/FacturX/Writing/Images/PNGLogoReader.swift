/// Reads a PNG logo. Without alpha its zlib data goes into the PDF unchanged, with the PNG predictors
/// declared in `/DecodeParms`; with alpha it is decoded, composited onto white and compressed again.
enum PNGLogoReader {
    struct Header {
        var width: Int
        var height: Int
        var bitDepth: Int
        var colorType: UInt8
        var interlaced: Bool
    }

    static func read(_ bytes: [UInt8]) throws(FacturXError) -> FacturXLogo {
        var header: Header?
        var palette: [UInt8] = []
        var transparency: [UInt8] = []
        var compressed: [UInt8] = []
        var offset = 8
        while offset + 8 <= bytes.count {
            let length = Int(bytes.u32(offset))
            let type = String(decoding: bytes[offset + 4..<offset + 8], as: UTF8.self)
            let start = offset + 8
            guard length >= 0, start + length + 4 <= bytes.count else { throw .unsupportedLogo(reason: "truncated PNG chunk '\(type)'") }
            let body = bytes[start..<start + length]
            switch type {
            case "IHDR":
                guard length >= 13 else { throw .unsupportedLogo(reason: "damaged PNG header") }
                header = Header(width: Int(bytes.u32(start)), height: Int(bytes.u32(start + 4)), bitDepth: Int(bytes[start + 8]),
                                colorType: bytes[start + 9], interlaced: bytes[start + 12] != 0)
            case "PLTE": palette = Array(body)
            case "tRNS": transparency = Array(body)
            case "IDAT": compressed.append(contentsOf: body)
            default: break
            }
            if type == "IEND" { break }
            offset = start + length + 4
        }
        guard let header else { throw .unsupportedLogo(reason: "PNG without a header") }
        guard header.width > 0, header.height > 0, header.width * header.height <= FacturXLogo.maximumPixels else {
            throw .unsupportedLogo(reason: "PNG of \(header.width)×\(header.height) pixels; at most \(FacturXLogo.maximumPixels) pixels")
        }
        guard !header.interlaced else { throw .unsupportedLogo(reason: "interlaced PNG; save it without interlacing") }
        guard !compressed.isEmpty else { throw .unsupportedLogo(reason: "PNG without image data") }

        switch header.colorType {
        case 0, 2:
            // A tRNS colour key on grey or RGB images is ignored: the key colour is printed as it is.
            return passThrough(header, colors: header.colorType == 0 ? 1 : 3, colorSpace: header.colorType == 0 ? "/DeviceGray" : "/DeviceRGB", compressed)
        case 3:
            guard !palette.isEmpty, palette.count % 3 == 0 else { throw .unsupportedLogo(reason: "palette PNG without a palette") }
            return passThroughIndexed(header, palette: flatten(palette: palette, alpha: transparency), compressed)
        case 4, 6:
            guard header.bitDepth == 8 || header.bitDepth == 16 else { throw .unsupportedLogo(reason: "unsupported PNG bit depth") }
            return try flattenAlpha(header, compressed)
        default:
            throw .unsupportedLogo(reason: "PNG colour type \(header.colorType) is not valid")
        }
    }

    private static func passThrough(_ header: Header, colors: Int, colorSpace: StaticString, _ data: [UInt8]) -> FacturXLogo {
        let dictionary = FacturXLogo.imageDictionary(width: header.width, height: header.height) { dictionary in
            dictionary.append("/ColorSpace ")
            dictionary.append(colorSpace)
            appendPredictor(&dictionary, header, colors: colors)
        }
        return FacturXLogo(width: header.width, height: header.height, dictionary: dictionary, data: data, filter: "FlateDecode")
    }

    private static func passThroughIndexed(_ header: Header, palette: [UInt8], _ data: [UInt8]) -> FacturXLogo {
        let dictionary = FacturXLogo.imageDictionary(width: header.width, height: header.height) { dictionary in
            dictionary.append("/ColorSpace [/Indexed /DeviceRGB ")
            dictionary.append(int: palette.count / 3 - 1)
            dictionary.append(" ")
            dictionary.append(hexString: palette)
            dictionary.append("]")
            appendPredictor(&dictionary, header, colors: 1)
        }
        return FacturXLogo(width: header.width, height: header.height, dictionary: dictionary, data: data, filter: "FlateDecode")
    }

    private static func appendPredictor(_ dictionary: inout PDFWriteBuffer, _ header: Header, colors: Int) {
        dictionary.append(" /BitsPerComponent ")
        dictionary.append(int: header.bitDepth)
        dictionary.append(" /DecodeParms << /Predictor 15 /Colors ")
        dictionary.append(int: colors)
        dictionary.append(" /BitsPerComponent ")
        dictionary.append(int: header.bitDepth)
        dictionary.append(" /Columns ")
        dictionary.append(int: header.width)
        dictionary.append(" >>")
    }

    /// Palette entries blended onto white by their tRNS alpha.
    private static func flatten(palette: [UInt8], alpha: [UInt8]) -> [UInt8] {
        var result = palette
        for index in 0..<min(alpha.count, palette.count / 3) {
            let a = Int(alpha[index])
            for channel in 0..<3 {
                let value = Int(palette[index * 3 + channel])
                result[index * 3 + channel] = UInt8((value * a + 255 * (255 - a) + 127) / 255)
            }
        }
        return result
    }

    /// Grey+alpha or RGBA decoded, composited onto white, 8 bits per channel, Flate again.
    private static func flattenAlpha(_ header: Header, _ compressed: [UInt8]) throws(FacturXError) -> FacturXLogo {
        let channels = header.colorType == 4 ? 2 : 4
        let bytesPerSample = header.bitDepth / 8
        let pixelBytes = channels * bytesPerSample
        let rowBytes = header.width * pixelBytes
        let raw: [UInt8]
        do {
            raw = try Flate.decompress(compressed, limit: (rowBytes + 1) * header.height)
        } catch {
            throw .unsupportedLogo(reason: "damaged PNG image data (\(error))")
        }
        guard raw.count >= (rowBytes + 1) * header.height else { throw .unsupportedLogo(reason: "PNG image data is too short") }
        let pixels = try PNGFilters.unfilter(raw, rowBytes: rowBytes, rows: header.height, pixelBytes: pixelBytes)
        let colorChannels = channels - 1
        var output = [UInt8]()
        output.reserveCapacity(header.width * header.height * colorChannels)
        var index = 0
        while index + pixelBytes <= pixels.count {
            let alpha = Int(pixels[index + colorChannels * bytesPerSample])
            for channel in 0..<colorChannels {
                let value = Int(pixels[index + channel * bytesPerSample])
                output.append(UInt8((value * alpha + 255 * (255 - alpha) + 127) / 255))
            }
            index += pixelBytes
        }
        let dictionary = FacturXLogo.imageDictionary(width: header.width, height: header.height) { dictionary in
            dictionary.append(colorChannels == 1 ? "/ColorSpace /DeviceGray" : "/ColorSpace /DeviceRGB")
            dictionary.append(" /BitsPerComponent 8")
        }
        return FacturXLogo(width: header.width, height: header.height, dictionary: dictionary,
                           data: Flate.compress(output, level: 6), filter: "FlateDecode")
    }
}

/// PNG row filters (None, Sub, Up, Average, Paeth) undone.
enum PNGFilters {
    static func unfilter(_ raw: [UInt8], rowBytes: Int, rows: Int, pixelBytes: Int) throws(FacturXError) -> [UInt8] {
        var output = [UInt8](repeating: 0, count: rowBytes * rows)
        for row in 0..<rows {
            let filter = raw[row * (rowBytes + 1)]
            let source = row * (rowBytes + 1) + 1
            let target = row * rowBytes
            for column in 0..<rowBytes {
                let value = raw[source + column]
                let left = column >= pixelBytes ? Int(output[target + column - pixelBytes]) : 0
                let up = row > 0 ? Int(output[target - rowBytes + column]) : 0
                let upLeft = row > 0 && column >= pixelBytes ? Int(output[target - rowBytes + column - pixelBytes]) : 0
                let predicted: Int
                switch filter {
                case 0: predicted = 0
                case 1: predicted = left
                case 2: predicted = up
                case 3: predicted = (left + up) / 2
                case 4: predicted = paeth(left, up, upLeft)
                default: throw .unsupportedLogo(reason: "damaged PNG (row filter \(filter))")
                }
                output[target + column] = value &+ UInt8(predicted & 0xFF)
            }
        }
        return output
    }

    private static func paeth(_ a: Int, _ b: Int, _ c: Int) -> Int {
        let p = a + b - c
        let pa = abs(p - a)
        let pb = abs(p - b)
        let pc = abs(p - c)
        if pa <= pb && pa <= pc { return a }
        return pb <= pc ? b : c
    }
}
