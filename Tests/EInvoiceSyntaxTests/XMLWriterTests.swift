import EInvoice
import Testing

@testable import EInvoiceSyntax

/// The writer's bytes, pinned on the edge cases of escaping, numbers and dates that its fast paths skip or take.
@Suite("XML writer")
struct XMLWriterTests {
    static let declaration = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"

    func written(capacity: Int = 16 * 1024, _ body: (inout XMLWriter) -> Void) -> String {
        var writer = XMLWriter(capacity: capacity)
        body(&writer)
        let bytes = writer.finish()
        let text = String(decoding: bytes, as: UTF8.self)
        #expect(text.hasPrefix(Self.declaration))
        return String(text.dropFirst(Self.declaration.count))
    }

    @Test func textIsEscapedOnlyWhereXMLNeedsIt() {
        let text = written { w in
            w.leaf("ram:Name", "Dupont & Fils <SARL> \"l'atelier\" été €")
            w.leaf("ram:Name", "plain")
            w.leaf("ram:Name", "a\r\nb\tc")
            w.leaf("ram:Name", "")
            w.leaf("ram:Name", nil)
        }
        #expect(
            text == "<ram:Name>Dupont &amp; Fils &lt;SARL&gt; \"l'atelier\" été €</ram:Name>"
                + "<ram:Name>plain</ram:Name><ram:Name>a&#13;\nb\tc</ram:Name><ram:Name></ram:Name>")
    }

    @Test func attributesAlsoEscapeQuotesAndWhitespace() {
        let text = written { w in
            w.leaf("ram:ID", "x<y", attribute: "schemeID", "a\"b&c\n\td'é")
            w.start("ram:ID", attribute: "schemeID", nil)
            w.end("ram:ID")
            w.open("Root", [("a", "1"), ("b", nil), ("c", "<\r>")])
            w.close("Root")
        }
        #expect(
            text == "<ram:ID schemeID=\"a&quot;b&amp;c&#10;&#9;d'é\">x&lt;y</ram:ID><ram:ID></ram:ID>"
                + "<Root a=\"1\" c=\"&lt;&#13;&gt;\"></Root>")
    }

    @Test func numbersAreWrittenWithTheirFractionDigits() {
        let values: [ExactDecimal] = [
            .zero, ExactDecimal(mantissa: 0, fractionDigits: 2), ExactDecimal(mantissa: -5, fractionDigits: 2),
            ExactDecimal(mantissa: -1234567, fractionDigits: 3), ExactDecimal(mantissa: 1, fractionDigits: 18),
            ExactDecimal(mantissa: Int128(Int64.max) * 1000 + 7, fractionDigits: 18),
            ExactDecimal(mantissa: -(Int128(UInt64.max) + 1), fractionDigits: 0),
        ]
        let text = written { w in
            for value in values { w.leaf("ram:Amount", number: value) }
        }
        let expected = [
            "0", "0.00", "-0.05", "-1234.567", "0.000000000000000001", "9223.372036854775807007",
            "-18446744073709551616",
        ]
        #expect(text == expected.map { "<ram:Amount>\($0)</ram:Amount>" }.joined())
        // The same text as the number's own description.
        #expect(expected == values.map(\.description))
    }

    @Test func datesMatchTheirTextForms() {
        let dates = [
            CalendarDate(year: 2026, month: 11, day: 2), CalendarDate(year: 5, month: 1, day: 31),
            CalendarDate(year: 12345, month: 6, day: 7), CalendarDate(year: 9999, month: 12, day: 31),
        ]
        let compact = written { w in
            for date in dates { w.compactDate(date) }
        }
        let iso = written { w in
            for date in dates { w.isoDate(date) }
        }
        #expect(compact == "20261102" + "00050131" + "123450607" + "99991231")
        #expect(compact == dates.map(\.compactText).joined())
        #expect(iso == "2026-11-02" + "0005-01-31" + "12345-06-07" + "9999-12-31")
        #expect(iso == dates.map(\.isoText).joined())
    }

    @Test func theBufferGrowsWithoutLosingBytes() {
        let long = String(repeating: "0123456789", count: 40)
        let text = written(capacity: 16) { w in
            for index in 0..<50 {
                w.start("ram:IncludedSupplyChainTradeLineItem")
                w.leaf("ram:LineID", String(index))
                w.leaf("ram:Description", long)
                w.end("ram:IncludedSupplyChainTradeLineItem")
            }
        }
        let line = { (index: Int) in
            "<ram:IncludedSupplyChainTradeLineItem><ram:LineID>\(index)</ram:LineID>"
                + "<ram:Description>\(long)</ram:Description></ram:IncludedSupplyChainTradeLineItem>"
        }
        #expect(text == (0..<50).map(line).joined())
    }

    @Test func textLongerThanAChunkIsSplitAcrossChunksIntact() {
        // Three chunks' worth of text (like a base64 attachment), then more tags after it.
        let long = String((0..<(3 * XMLWriter.chunkSize + 123)).map { Character(Unicode.Scalar(UInt8(65 + $0 % 26))) })
        let text = written(capacity: 100) { w in
            w.leaf("ram:AttachmentBinaryObject", long)
            w.leaf("ram:ID", "é<")
        }
        #expect(text == "<ram:AttachmentBinaryObject>\(long)</ram:AttachmentBinaryObject><ram:ID>é&lt;</ram:ID>")
    }
}
