@testable import Channels
import Testing

@Suite struct CSVRecordReaderTests {
    @Test func readsQuotedFieldsEscapesAndLineBreaksInQuotes() throws {
        let text = "a;b;c\r\n1;\"x;y\";\"say \"\"hi\"\"\"\n2;\"two\nlines\";end\n\n3;;\n"
        for chunk in [1, 3, 7, 4096] {
            let items = try readAll(Array(text.utf8), chunkSize: chunk)
            let records = items.compactMap(\.record)
            #expect(items.count == 4, "chunk \(chunk)")
            #expect(records.map(\.fields) == [["a", "b", "c"], ["1", "x;y", "say \"hi\""], ["2", "two\nlines", "end"], ["3", "", ""]])
            #expect(records.map(\.line) == [1, 2, 3, 6])
            #expect(records[2].lastLine == 4)
        }
    }

    @Test func dropsTheUTF8ByteOrderMarkAndReadsALastLineWithoutNewline() throws {
        let items = try readAll([0xEF, 0xBB, 0xBF] + Array("Code;Nom\nA;B".utf8), chunkSize: 2)
        #expect(items.compactMap(\.record).map(\.fields) == [["Code", "Nom"], ["A", "B"]])
    }

    @Test func decodesWindows1252AndLatin1() throws {
        // "Œuvre – café €" in Windows-1252: Œ 0x8C, – 0x96, é 0xE9, € 0x80.
        let bytes: [UInt8] = [0x8C] + Array("uvre ".utf8) + [0x96] + Array(" caf".utf8) + [0xE9, 0x20, 0x80, 0x0A]
        let cp1252 = try readAll(bytes, dialect: CSVDialect(encoding: .windows1252))
        #expect(cp1252.first?.record?.fields == ["Œuvre – café €"])
        let latin1 = try readAll([0x63, 0x61, 0x66, 0xE9, 0x0A], dialect: CSVDialect(encoding: .iso8859_1))
        #expect(latin1.first?.record?.fields == ["café"])
        // 0x81 is undefined in Windows-1252: a located error, not a guess.
        let undefined = try readAll(Array("ok;ab".utf8) + [0x81] + [0x0A] + Array("next\n".utf8),
                                    dialect: CSVDialect(encoding: .windows1252))
        #expect(undefined.first?.rowError?.line == 1)
        #expect(undefined.first?.rowError?.column == 6)
        #expect(undefined.last?.record?.fields == ["next"])
    }

    @Test func invalidUTF8IsALocatedErrorForThatRowOnly() throws {
        let bytes = Array("n;name\n1;caf".utf8) + [0xE9] + Array(";x\n2;ok\n".utf8)
        let items = try readAll(bytes)
        #expect(items.count == 3)
        let error = try #require(items[1].rowError)
        #expect(error.line == 2)
        #expect(error.column == 6)
        #expect(error.reason.contains("utf-8"))
        #expect(error.partialFields.first == "1")
        #expect(items[2].record?.fields == ["2", "ok"])
    }

    @Test func textAfterAClosingQuoteIsLocatedAndTheReaderResyncsAtTheNextLine() throws {
        let items = try readAll(Array("1;\"ab\"x;c\n2;ok\n".utf8))
        let error = try #require(items.first?.rowError)
        #expect(error.line == 1)
        #expect(error.column == 7)
        #expect(error.partialFields == ["1"])
        #expect(items.dropFirst().compactMap(\.record).map(\.fields) == [["2", "ok"]])
    }

    @Test func aQuoteInsideAnUnquotedFieldIsLocated() throws {
        let items = try readAll(Array("1;ab\"c;d\n2;e\n".utf8))
        #expect(items.first?.rowError?.line == 1)
        #expect(items.first?.rowError?.column == 5)
        #expect(items.last?.record?.fields == ["2", "e"])
    }

    @Test func anUnterminatedQuoteDoesNotSwallowTheRestOfTheFile() throws {
        let items = try readAll(Array("1;\"never closed;x\n2;b\n3;c\n".utf8))
        let error = try #require(items.first?.rowError)
        #expect(error.line == 1)
        #expect(error.column == 3)
        #expect(items.dropFirst().compactMap(\.record).map(\.fields) == [["2", "b"], ["3", "c"]])
        #expect(items.dropFirst().compactMap(\.record).map(\.line) == [2, 3])
    }

    @Test func aQuoteThatClosesOnALaterLineBadlyIsReportedAtItsOpeningAndLaterLinesAreReread() throws {
        // The stray quote on line 1 pairs with the quote on line 2, followed by text: line 2 must still be read.
        let items = try readAll(Array("1;\"oops;x\n2;\"fine\"\n3;z\n".utf8))
        let error = try #require(items.first?.rowError)
        #expect(error.line == 1)
        #expect(error.column == 3)
        #expect(items.dropFirst().compactMap(\.record).map(\.fields) == [["2", "fine"], ["3", "z"]])
    }

    @Test func aTenMegabyteLineIsRefusedWithItsLineNumberAndReadingGoesOn() throws {
        var bytes = Array("h1;h2\n1;a\n2;".utf8)
        bytes += [UInt8](repeating: UInt8(ascii: "x"), count: 10 << 20)
        bytes += Array("\n3;c\n".utf8)
        var reader = CSVRecordReader(source: ByteSource(bytes: bytes, chunkSize: 256 * 1024),
                                     dialect: CSVDialect(maximumRecordBytes: 1 << 20))
        var items: [CSVItem] = []
        while let item = try reader.next() { items.append(item) }
        #expect(items.count == 4)
        let error = try #require(items[2].rowError)
        #expect(error.line == 3)
        #expect(error.reason.contains("longer than 1048576 bytes"))
        #expect(error.partialFields.first == "2")
        #expect(items[3].record?.fields == ["3", "c"])
        #expect(items[3].record?.line == 4)
    }

    @Test func readsAFileFromDiskInChunks() throws {
        let folder = try TempFolder()
        defer { folder.remove() }
        var text = "n\tv\n"
        for index in 0..<5000 { text += "\(index)\t\"v\(index)\"\n" }
        let path = try folder.write("t.tsv", text)
        var reader = CSVRecordReader(source: try ByteSource(path: path, chunkSize: 1000),
                                     dialect: CSVDialect(separator: 0x09))
        var count = 0
        var last: CSVRecord?
        while let item = try reader.next() {
            count += 1
            last = item.record
        }
        #expect(count == 5001)
        #expect(last?.fields == ["4999", "v4999"])
        #expect(reader.bytesRead == Int64(text.utf8.count))
    }
}
