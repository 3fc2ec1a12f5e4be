import Foundation
import Testing
@testable import EInvoiceSyntax

@Suite("Reading invoice files")
struct DocumentReaderTests {
    func temporaryFile(_ name: String) -> String {
        NSTemporaryDirectory() + "passerelle-test-\(UUID().uuidString)-\(name)"
    }

    @Test func refusesAOneGigabyteFileWithoutReadingIt() throws {
        let path = temporaryFile("huge.xml")
        FileManager.default.createFile(atPath: path, contents: Data("<a>".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)  // sparse: 1 GiB on paper, nothing on disk
        try handle.close()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let clock = ContinuousClock()
        let start = clock.now
        #expect {
            _ = try InvoiceDocumentReader().read(path: path)
        } throws: { error in
            guard case let .unreadableFile(_, reason) = error as? InvoiceDocumentReader.Failure else { return false }
            return reason.contains("1073741824 bytes")
        }
        #expect(clock.now - start < .seconds(5))
    }

    @Test func namesTheRootWhenTheDocumentIsNotAnInvoice() throws {
        #expect {
            _ = try InvoiceDocumentReader().read(bytes: Array("<order xmlns=\"urn:x\"/>".utf8))
        } throws: { error in
            (error as? InvoiceDocumentReader.Failure)?.description.contains("<order>") == true
        }
    }

    @Test func truncatedInvoiceGivesALocatedError() throws {
        let text = """
            <?xml version="1.0"?>
            <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100">
              <rsm:ExchangedDocument>
            """
        #expect {
            _ = try InvoiceDocumentReader().read(bytes: Array(text.utf8))
        } throws: { error in
            guard case let .xml(xmlError) = error as? InvoiceDocumentReader.Failure else { return false }
            return xmlError.line == 3 && xmlError.description.contains("never closed")
        }
    }

    @Test func missingFileAndFolderAreNamed() {
        #expect(throws: InvoiceDocumentReader.Failure.self) { try InvoiceDocumentReader().read(path: "/nonexistent/x.xml") }
        #expect(throws: InvoiceDocumentReader.Failure.self) { try InvoiceDocumentReader().read(path: NSTemporaryDirectory()) }
    }
}
