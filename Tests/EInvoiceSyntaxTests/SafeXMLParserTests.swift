import Testing
@testable import EInvoiceSyntax

@Suite("Safe XML reading")
struct SafeXMLParserTests {
    let parser = SafeXMLParser()

    func reason(_ text: String, limits: XMLReadLimits = XMLReadLimits()) -> XMLReadError? {
        do {
            _ = try SafeXMLParser(limits: limits).parse(text)
            return nil
        } catch {
            return error
        }
    }

    @Test func readsNamespacesTextAndPositions() throws {
        let tree = try parser.parse("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- a comment -->
            <a:Root xmlns:a="urn:a" xmlns="urn:default">
              <a:ID schemeID="0002">12&amp;3 &#233;&#x41;</a:ID>
              <Plain><![CDATA[<not markup>]]></Plain>
              <Empty/>
            </a:Root>
            """)
        #expect(tree.elements.count == 4)
        #expect(tree[0].localName == "Root" && tree[0].namespace == "urn:a")
        let id = try #require(tree.child(of: 0, named: "ID"))
        #expect(tree[id].text == "12&3 éA")
        #expect(tree.attribute("schemeID", of: id) == "0002")
        #expect(tree[id].line == 4 && tree[id].column == 3)
        let plain = try #require(tree.child(of: 0, named: "Plain"))
        #expect(tree[plain].namespace == "urn:default" && tree[plain].text == "<not markup>")
        #expect(tree.xpath(of: id) == "/a:Root/a:ID")
    }

    @Test func refusesBillionLaughs() {
        let bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>
            <lolz>&lol2;</lolz>
            """
        let error = reason(bomb)
        #expect(error?.reason == .doctypeForbidden)
        #expect(error?.line == 2)
    }

    @Test func refusesExternalEntities() {
        let xxe = """
            <?xml version="1.0"?><!DOCTYPE foo [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><foo>&xxe;</foo>
            """
        #expect(reason(xxe)?.reason == .doctypeForbidden)
        // Without a DOCTYPE, an entity reference is simply undefined.
        #expect(reason("<foo>&xxe;</foo>")?.reason == .undefinedEntity("xxe"))
    }

    @Test func refusesDeepNesting() {
        let depth = 10_000
        let text = String(repeating: "<a>", count: depth) + String(repeating: "</a>", count: depth)
        let error = reason(text)
        #expect(error?.reason == .tooDeep(limit: 128))
        #expect(error?.line == 1 && error?.column == 128 * 3 + 1)
    }

    @Test func refusesTooManyElementsAndTooManyBytes() {
        var limits = XMLReadLimits()
        limits.maximumElements = 100
        let wide = "<r>" + String(repeating: "<x/>", count: 200) + "</r>"
        #expect(reason(wide, limits: limits)?.reason == .tooManyElements(limit: 100))
        limits.maximumBytes = 50
        #expect(reason(wide, limits: limits)?.reason == .tooLarge(bytes: wide.utf8.count, limit: 50))
    }

    @Test("truncated input names where it stopped",
          arguments: ["<a><b>text</b>", "<a><b", "<a attr=\"x", "<a><!-- never", "<a></b></a>", "", "<a>&amp</a>"])
    func truncatedInput(_ text: String) {
        let error = reason(text)
        #expect(error != nil)
        #expect((error?.line ?? 0) >= 1)
        #expect(error?.description.contains("line") == true)
    }

    @Test func reportsLineAndColumnOfMismatchedTag() {
        let error = reason("<a>\n  <b>\n  </c>\n</a>")
        #expect(error?.reason == .mismatchedTag(expected: "b", found: "c"))
        #expect(error?.line == 3 && error?.column == 3)
    }

    @Test func refusesInvalidUTF8AndUnboundPrefixes() {
        #expect(throws: XMLReadError.self) { try parser.parse([0x3C, 0x61, 0x3E, 0xFF, 0xFE, 0x3C, 0x2F, 0x61, 0x3E]) }
        #expect(reason("<x:a/>")?.reason == .unboundPrefix("x"))
    }

    @Test func transcodesLatin1() throws {
        let bytes: [UInt8] = Array("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><a>caf".utf8) + [0xE9] + Array("</a>".utf8)
        let tree = try parser.parse(bytes)
        #expect(tree[0].text == "café")
    }
}
