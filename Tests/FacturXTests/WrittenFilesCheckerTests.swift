import EInvoice
import EInvoiceSyntax
@testable import FacturX
import Testing

/// Every file the writer makes passes the module's own PDF/A-3 and Factur-X structural checker, and the
/// reader gets the identical XML back, for every profile and for 1-, 10- and 500-line invoices.
@Suite("Written files pass the structural checker", .enabled(if: TestResources.available))
struct WrittenFilesCheckerTests {
    static let cases: [(FacturXProfile, Int)] = FacturXProfile.allCases.flatMap { profile in [1, 10, 500].map { (profile, $0) } }

    @Test(arguments: cases.indices)
    func checkerFindsNoError(index: Int) throws {
        let (profile, lines) = Self.cases[index]
        let writer = try TestResources.writer()
        let invoice = SampleInvoice.make(lineCount: lines)
        let xml = CIIWriter().output(invoice, profile: profile).bytes
        for pdf in [writer.create(invoice: invoice, profile: profile), try writer.create(xml: xml)] {
            let report = FacturXChecker().check(pdf: pdf)
            let problems = report.findings.map(\.description)
            #expect(!report.hasErrors, "\(profile.rawValue), \(lines) lines: \(problems)")
            #expect(report.findings.isEmpty, "\(profile.rawValue), \(lines) lines: \(problems)")
            #expect(report.invoice?.xml == xml)
            #expect(report.invoice?.relationship == (profile.hasLines ? "Alternative" : "Data"))
            #expect(report.xmlProfile == profile.rawValue)
        }
    }

    @Test func aFileWithALogoPassesToo() throws {
        let writer = try TestResources.writer()
        let logo = try FacturXLogo(bytes: LogoTests.png(width: 2, height: 1, colorType: 6, rows: [[10, 20, 30, 128, 40, 50, 60, 255]]))
        let report = FacturXChecker().check(pdf: writer.create(invoice: SampleInvoice.make(lineCount: 3), logo: logo))
        #expect(report.findings.isEmpty, "\(report.findings.map(\.description))")
    }
}
