@testable import FacturX
import Foundation

/// A small reader for the files our writer makes: finds stream bodies and inflates them, enough for
/// tests to look inside object streams, content streams, the XMP and the attachment.
struct WrittenPDF {
    let bytes: [UInt8]

    var text: String { String(decoding: bytes, as: UTF8.self) }

    /// Every stream: its dictionary text and its decoded data (Flate streams inflated).
    var streams: [(dictionary: String, data: [UInt8])] {
        var result: [(String, [UInt8])] = []
        let streamMarker = Array(">>\nstream\n".utf8)
        let endMarker = Array("\nendstream".utf8)
        var index = 0
        while let start = find(streamMarker, from: index) {
            let dictionaryStart = findBackwards(Array(" obj\n<<".utf8), before: start) ?? 0
            let dictionary = String(decoding: bytes[dictionaryStart..<start], as: UTF8.self)
            let dataStart = start + streamMarker.count
            guard let end = lengthOf(dictionary).map({ dataStart + $0 }) ?? find(endMarker, from: dataStart) else { break }
            let raw = Array(bytes[dataStart..<end])
            let data = dictionary.contains("/FlateDecode") && !dictionary.contains("/DecodeParms")
                ? ((try? Flate.decompress(raw, limit: 50_000_000)) ?? []) : raw
            result.append((dictionary, data))
            index = end
        }
        return result
    }

    /// The decoded text of all object streams, where every dictionary that is not a stream lives.
    var objectStreamText: String {
        streams.filter { $0.dictionary.contains("/Type /ObjStm") }.map { String(decoding: $0.data, as: UTF8.self) }.joined()
    }

    func stream(containing marker: String) -> [UInt8]? {
        streams.first { $0.dictionary.contains(marker) }?.data
    }

    private func lengthOf(_ dictionary: String) -> Int? {
        guard let range = dictionary.range(of: "/Length ", options: .backwards) else { return nil }
        let digits = dictionary[range.upperBound...].prefix { $0.isNumber }
        return Int(digits)
    }

    private func find(_ needle: [UInt8], from start: Int) -> Int? {
        guard needle.count <= bytes.count else { return nil }
        var index = start
        while index + needle.count <= bytes.count {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index += 1
        }
        return nil
    }

    private func findBackwards(_ needle: [UInt8], before end: Int) -> Int? {
        var index = end - needle.count
        while index >= 0 {
            if bytes[index] == needle[0], Array(bytes[index..<index + needle.count]) == needle { return index }
            index -= 1
        }
        return nil
    }
}

enum TestResources {
    /// Fonts and the ICC profile as CI installs them; tests that need them are skipped without them.
    static let available: Bool = (try? FacturXResources.load()) != nil

    static func writer() throws -> FacturXWriter {
        var writer = try FacturXWriter()
        writer.date = Date(timeIntervalSince1970: 1_790_000_000)
        return writer
    }
}
