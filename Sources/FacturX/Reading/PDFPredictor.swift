/// Undoes the PNG (10–15) and TIFF (2) predictors of Flate data (ISO 32000-1 §7.4.4.4).
enum PDFPredictor {
    struct Parameters {
        var predictor = 1
        var colors = 1
        var bitsPerComponent = 8
        var columns = 1

        init(_ parameters: PDFDictionary?) {
            guard let parameters else { return }
            predictor = parameters["Predictor"]?.integer ?? 1
            colors = max(1, min(parameters["Colors"]?.integer ?? 1, 32))
            bitsPerComponent = max(1, min(parameters["BitsPerComponent"]?.integer ?? 8, 16))
            columns = max(1, min(parameters["Columns"]?.integer ?? 1, 1 << 24))
        }
    }

    static func apply(_ data: [UInt8], _ parameters: Parameters) throws(PDFError) -> [UInt8] {
        switch parameters.predictor {
        case ...1: return data
        case 2: return tiff(data, parameters)
        case 10...15: return try png(data, parameters)
        default:
            throw PDFError(.filter, "unknown predictor \(parameters.predictor) in /DecodeParms")
        }
    }

    private static func png(_ data: [UInt8], _ p: Parameters) throws(PDFError) -> [UInt8] {
        let bitsPerPixel = p.colors * p.bitsPerComponent
        let pixelBytes = max(1, bitsPerPixel / 8)
        // A row is never longer than the data (a hostile /Columns must not size a huge buffer).
        let rowBytes = max(1, min((p.columns * bitsPerPixel + 7) / 8, data.count))
        let stride = rowBytes + 1
        let rows = (data.count + stride - 1) / stride
        var output = [UInt8](repeating: 0, count: rows * rowBytes)
        var previous = [UInt8](repeating: 0, count: rowBytes)
        var current = [UInt8](repeating: 0, count: rowBytes)
        for row in 0..<rows {
            let start = row * stride
            let type = data[start]
            let available = min(rowBytes, data.count - start - 1)
            for index in 0..<rowBytes { current[index] = index < available ? data[start + 1 + index] : 0 }
            for index in 0..<rowBytes {
                let left = index >= pixelBytes ? current[index - pixelBytes] : 0
                let up = previous[index]
                let upLeft = index >= pixelBytes ? previous[index - pixelBytes] : 0
                let raw = current[index]
                switch type {
                case 0: break
                case 1: current[index] = raw &+ left
                case 2: current[index] = raw &+ up
                case 3: current[index] = raw &+ UInt8((Int(left) + Int(up)) / 2)
                case 4: current[index] = raw &+ paeth(left, up, upLeft)
                default:
                    throw PDFError(.filter, "PNG predictor row \(row) has an unknown filter type \(type)")
                }
            }
            let outStart = row * rowBytes
            for index in 0..<rowBytes { output[outStart + index] = current[index] }
            swap(&previous, &current)
        }
        return output
    }

    private static func paeth(_ a: UInt8, _ b: UInt8, _ c: UInt8) -> UInt8 {
        let p = Int(a) + Int(b) - Int(c)
        let pa = abs(p - Int(a)), pb = abs(p - Int(b)), pc = abs(p - Int(c))
        if pa <= pb, pa <= pc { return a }
        return pb <= pc ? b : c
    }

    /// TIFF predictor 2, for 8 bits per component (the only depth cross-reference and XML data use).
    private static func tiff(_ data: [UInt8], _ p: Parameters) -> [UInt8] {
        guard p.bitsPerComponent == 8 else { return data }
        let rowBytes = max(1, min(p.columns * p.colors, data.count))
        var output = data
        var rowStart = 0
        while rowStart < output.count {
            let end = min(output.count, rowStart + rowBytes)
            var index = rowStart + min(p.colors, rowBytes)
            while index < end {
                output[index] = output[index] &+ output[index - p.colors]
                index += 1
            }
            rowStart += rowBytes
        }
        return output
    }
}
