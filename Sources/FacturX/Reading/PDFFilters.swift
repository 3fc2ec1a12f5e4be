/// Applies a stream's filter chain (ISO 32000-1 §7.4): Flate (with predictors), ASCIIHex, ASCII85 and
/// RunLength. LZW, Crypt and the image filters are refused with `.unsupportedFilter`.
enum PDFFilters {
    struct Step: Sendable {
        var name: String
        var parameters: PDFDictionary?
    }

    struct Decoded {
        var bytes: [UInt8]
        /// False when Flate data ended before its end marker (what came out is kept).
        var complete: Bool
    }

    /// Decodes `range` of `source` through `steps` in order. The first step reads the source in place.
    static func decode(_ source: [UInt8], range: Range<Int>, steps: [Step], limits: PDFLimits, sizeHint: Int = 0) throws(PDFError) -> Decoded {
        guard range.lowerBound >= 0, range.upperBound <= source.count else {
            throw PDFError(.stream, "the stream data \(range) lies outside the data", offset: range.lowerBound)
        }
        guard let first = steps.first else { return Decoded(bytes: Array(source[range]), complete: true) }
        var complete = true
        var current: [UInt8]
        if isFlate(first.name) {
            let result = try source.withUnsafeBufferPointer { buffer throws(PDFError) in
                try flate(UnsafeBufferPointer(rebasing: buffer[range]), limits: limits, sizeHint: steps.count == 1 ? sizeHint : 0)
            }
            complete = result.complete
            current = try PDFPredictor.apply(result.bytes, PDFPredictor.Parameters(first.parameters))
        } else {
            current = try apply(first, to: Array(source[range]), limits: limits, complete: &complete)
        }
        for step in steps.dropFirst() {
            current = try apply(step, to: current, limits: limits, complete: &complete)
        }
        return Decoded(bytes: current, complete: complete)
    }

    static func isFlate(_ name: String) -> Bool { name == "FlateDecode" || name == "Fl" }

    private static func apply(_ step: Step, to data: [UInt8], limits: PDFLimits, complete: inout Bool) throws(PDFError) -> [UInt8] {
        switch step.name {
        case "FlateDecode", "Fl":
            let result = try data.withUnsafeBufferPointer { buffer throws(PDFError) in
                try flate(buffer, limits: limits, sizeHint: 0)
            }
            if !result.complete { complete = false }
            return try PDFPredictor.apply(result.bytes, PDFPredictor.Parameters(step.parameters))
        case "ASCIIHexDecode", "AHx":
            return try ASCIIFilters.hex(data)
        case "ASCII85Decode", "A85":
            return try ASCIIFilters.ascii85(data)
        case "RunLengthDecode", "RL":
            return try ASCIIFilters.runLength(data, limit: limits.maximumDecodedBytes)
        case "LZWDecode", "LZW":
            throw PDFError(.unsupportedFilter, "LZWDecode is not decoded (and is forbidden in PDF/A)")
        default:
            throw PDFError(.unsupportedFilter, "the filter /\(step.name) is not decoded by this reader")
        }
    }

    private static func flate(_ input: UnsafeBufferPointer<UInt8>, limits: PDFLimits, sizeHint: Int) throws(PDFError) -> (bytes: [UInt8], complete: Bool) {
        do throws(FlateDecoder.Failure) {
            return try FlateDecoder.inflate(input, limits: limits, sizeHint: sizeHint)
        } catch {
            switch error {
            case let .data(reason):
                throw PDFError(.filter, "the Flate data is corrupt (zlib: \(reason))")
            case .truncated:
                throw PDFError(.filter, "the Flate data is empty or ends before any byte could be decoded")
            case let .tooLarge(limit):
                throw PDFError(.decompressionLimit, "the stream decodes to more than \(limit) bytes (decompression bomb refused)")
            case let .ratio(output, input):
                throw PDFError(.decompressionLimit,
                               "the stream decodes \(input) bytes into more than \(output) (ratio above \(limits.maximumCompressionRatio):1, decompression bomb refused)")
            }
        }
    }
}
