@testable import FacturX
import Testing

@Suite("PDF filters and lexer")
struct FilterTests {
    @Test func asciiHexAndASCII85Decode() throws {
        #expect(try ASCIIFilters.hex(Array("48 65 6C6c6F7>".utf8)) == Array("Hellop".utf8))
        // "Man " in ASCII85 is 9jqo^, and 'z' stands for four zero bytes.
        #expect(try ASCIIFilters.ascii85(Array("<~9jqo^z~>".utf8)) == Array("Man ".utf8) + [0, 0, 0, 0])
        #expect(try ASCIIFilters.ascii85(Array("9jqo~>".utf8)) == Array("Man".utf8))
        #expect(throws: PDFError.self) { try ASCIIFilters.ascii85(Array("9j{o^~>".utf8)) }
        #expect(try ASCIIFilters.runLength([2, 65, 66, 67, 254, 68, 128], limit: 100) == Array("ABCDDD".utf8))
    }

    @Test func pngPredictorsUndoEachRowFilter() throws {
        // Two rows of three bytes: Sub then Up, then Average and Paeth against them.
        let encoded: [UInt8] = [1, 10, 5, 5, 2, 1, 1, 1, 3, 1, 1, 1, 4, 0, 0, 0]
        var parameters = PDFPredictor.Parameters(nil)
        parameters.predictor = 12
        parameters.columns = 3
        let decoded = try PDFPredictor.apply(encoded, parameters)
        #expect(Array(decoded[0..<3]) == [10, 15, 20])
        #expect(Array(decoded[3..<6]) == [11, 16, 21])
        #expect(Array(decoded[6..<9]) == [6, 12, 17])  // 1 + (left + up) / 2
        #expect(Array(decoded[9..<12]) == [6, 12, 17])  // Paeth picks up
    }

    @Test func lexerReadsEveryObjectType() throws {
        let text = "<< /Name#20With#20Spaces (a\\(b\\)\\n\\101) /Hex <48 65 7> /Ref 12 0 R /Arr [1 -2 +3.5 .5 true false null] /Nested << /K /V >> >>"
        var parser = PDFParser(bytes: Array(text.utf8), limits: PDFLimits())
        let dictionary = try #require(try parser.parseObject().dictionary)
        #expect(dictionary["Name With Spaces"]?.stringBytes == Array("a(b)\nA".utf8))
        #expect(dictionary["Hex"]?.stringBytes == [0x48, 0x65, 0x70])
        #expect(dictionary["Ref"]?.reference == PDFReference(12, 0))
        let array = try #require(dictionary["Arr"]?.array)
        #expect(array.count == 7, "null is kept in arrays: \(array)")
        #expect(array[1].integer == -2)
        #expect(array[2].number == 3.5)
        #expect(array[3].number == 0.5)
        #expect(dictionary["Nested"]?.dictionary?["K"]?.name == "V")
    }

    @Test func unterminatedObjectsAreErrorsWithOffsets() {
        for (text, offset) in [("<< /A (open", 6), ("[1 2 3", 0), ("<4142", 0), ("<< /A 1", 0)] {
            var parser = PDFParser(bytes: Array(text.utf8), limits: PDFLimits())
            do {
                _ = try parser.parseObject()
                Issue.record("'\(text)' was parsed")
            } catch {
                #expect(error.code == .syntax)
                #expect(error.offset == offset, "\(text): \(error)")
            }
        }
    }

    @Test func textStringsDecode() {
        #expect(PDFTextString.decode([0xFE, 0xFF, 0x00, 0x66, 0x00, 0xE9]) == "fé")
        #expect(PDFTextString.decode(Array("factur-x.xml".utf8)) == "factur-x.xml")
        #expect(PDFTextString.decode([0x63, 0x61, 0x66, 0xE9]) == "café")
    }
}
