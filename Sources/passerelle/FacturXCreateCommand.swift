import ArgumentParser
import EInvoice
import EInvoiceSyntax
import FacturX
import Foundation

/// `passerelle facturx create`: a Factur-X PDF/A-3 invoice from a CII XML file (embedded byte for byte),
/// or from the built-in sample invoice.
struct FacturXCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Factur-X PDF/A-3 invoice: our readable layout with the CII XML embedded as factur-x.xml.",
        discussion: """
            With --xml, the XML is embedded exactly as given and its profile (BT-24) sets the XMP conformance level. \
            With --sample N, a sample French invoice of N lines is written for --profile. Fonts: Liberation Sans from \
            Debian's fonts-liberation2 (or --font-dir / PASSERELLE_FONT_DIR); colour profile: sRGB from icc-profiles-free \
            (or --icc-profile / PASSERELLE_ICC_PROFILE). SOURCE_DATE_EPOCH fixes the creation date.
            """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable { case fr, en }

    @Option(help: "The CII invoice to embed (any Factur-X profile).")
    var xml: String?

    @Option(help: ArgumentHelp("Write the sample invoice with this many lines instead of reading --xml.", valueName: "lines"))
    var sample: Int?

    @Option(help: "Factur-X profile: minimum, basicwl, basic, en16931, extended (default: BT-24 of --xml, en16931 for --sample).")
    var profile: ConvertCommand.Profile?

    @Option(help: "Language of the readable invoice: fr or en.")
    var language: Language = .fr

    @Option(help: "A PNG or JPEG logo for the top of the first page.")
    var logo: String?

    @Option(help: "Folder holding LiberationSans-Regular.ttf and LiberationSans-Bold.ttf.")
    var fontDir: String?

    @Option(help: "sRGB ICC profile for the PDF/A output intent.")
    var iccProfile: String?

    @Option(help: "Also write the embedded XML to this file.")
    var xmlOut: String?

    @Option(name: [.short, .long], help: "The PDF to write.")
    var output: String

    func validate() throws {
        guard (xml == nil) != (sample == nil) else {
            throw ValidationError("give exactly one of --xml FILE or --sample LINES")
        }
        if let sample, !(1...100_000).contains(sample) { throw ValidationError("--sample takes 1 to 100000 lines") }
    }

    func run() throws {
        do {
            var writer = try FacturXWriter(fontDirectory: fontDir, colorProfilePath: iccProfile)
            if let epoch = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap(Double.init) {
                writer.date = Date(timeIntervalSince1970: epoch)
            }
            let logoImage = try logo.map { path throws -> FacturXLogo in
                guard let data = FileManager.default.contents(atPath: path) else {
                    throw FacturXError.unsupportedLogo(reason: "\(path) cannot be read")
                }
                return try FacturXLogo(bytes: [UInt8](data))
            }
            let language: InvoiceLanguage = self.language == .fr ? .french : .english
            let pdf: [UInt8]
            let embedded: [UInt8]
            if let xml {
                embedded = try InvoiceDocumentReader.loadFile(path: xml, limit: 64 << 20)
                pdf = try writer.create(xml: embedded, profile: profile?.facturX, language: language, logo: logoImage)
            } else {
                let invoice = SampleInvoice.make(lineCount: sample ?? 10)
                let chosen = profile?.facturX ?? .en16931
                embedded = CIIWriter().output(invoice, profile: chosen).bytes
                pdf = writer.create(invoice: invoice, profile: chosen, language: language, logo: logoImage)
            }
            try write(pdf, to: output)
            if let xmlOut { try write(embedded, to: xmlOut) }
        } catch let error as FacturXError {
            StandardError.write("facturx create: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        } catch let error as InvoiceDocumentReader.Failure {
            StandardError.write("facturx create: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            StandardError.write("\(path): cannot be written")
            throw ExitCode(ExitStatus.unreadable)
        }
    }
}
