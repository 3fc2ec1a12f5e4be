import CZlib
import Testing

@Suite("zlib is linked")
struct ZlibLinkTests {
    @Test func zlibReportsAVersion() {
        let version = String(cString: zlibVersion())
        #expect(version.hasPrefix("1."))
    }
}
