@testable import FacturX
import Testing

@Suite("Missing resources give errors that say what to install")
struct ResourceErrorTests {
    @Test func missingFontsNameTheDebianPackage() {
        do {
            _ = try FacturXResources.load(fontDirectory: "/nonexistent/fonts")
            Issue.record("fonts found in a folder that does not exist")
        } catch {
            #expect(error == .fontsMissing(searched: ["/nonexistent/fonts"]))
            #expect(error.description.contains("fonts-liberation2"))
            #expect(error.description.contains("PASSERELLE_FONT_DIR"))
        }
    }

    @Test(.enabled(if: TestResources.available))
    func missingColorProfileNamesTheDebianPackage() {
        do {
            _ = try FacturXResources.load(colorProfilePath: "/nonexistent/sRGB.icc")
            Issue.record("a missing ICC profile was accepted")
        } catch {
            #expect(error == .colorProfileMissing(path: "/nonexistent/sRGB.icc"))
            #expect(error.description.contains("icc-profiles-free"))
        }
    }

    @Test(.enabled(if: TestResources.available))
    func aFontFileThatIsNotTrueTypeIsRefused() {
        #expect(throws: FontError.self) { _ = try TrueTypeFont(path: "fake.ttf", data: Array("OTTO not a truetype font".utf8)) }
    }
}
