import ArgumentParser
import EInvoice
import EInvoiceSyntax
import FacturX
import Foundation

/// `passerelle facturx create`: a Factur-X PDF/A-3 invoice from a CII XML file (embedded byte for byte), from the
/// canonical JSON invoice, or from the built-in sample; laid out by Passerelle, or attached to the ERP's own PDF.
struct FacturXCreateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create a Factur-X PDF/A-3 invoice: our readable layout (or the ERP's PDF) with the CII XML embedded as factur-x.xml.",
        discussion: """
            The invoice comes from --xml (CII, embedded exactly as given; its BT-24 sets the XMP conformance level), \
            --from (the JSON invoice, written as CII for --profile) or --sample N (a French sample invoice of N lines). \
            With --pdf, the XML is attached to that PDF by an incremental update instead of our layout; when the PDF \
            cannot become PDF/A-3 the reasons are listed, and --fallback-layout renders our layout instead. \
            Fonts: Liberation Sans from Debian's fonts-liberation2 (or --font-dir / PASSERELLE_FONT_DIR); colour \
            profile: sRGB from icc-profiles-free (or --icc-profile / PASSERELLE_ICC_PROFILE). SOURCE_DATE_EPOCH fixes the dates.
            """
    )

    enum Language: String, ExpressibleByArgument, CaseIterable { case fr, en }

    @Option(help: "The CII invoice to embed (any Factur-X profile).")
    var xml: String?

    @Option(help: ArgumentHelp("The invoice as canonical JSON (POST /v1/invoices).", valueName: "invoice.json"))
    var from: String?

    @Option(help: ArgumentHelp("Write the sample invoice with this many lines.", valueName: "lines"))
    var sample: Int?

    @Option(help: ArgumentHelp("Attach the XML to this PDF (the ERP's own invoice) instead of using our layout.", valueName: "base.pdf"))
    var pdf: String?

    @Flag(help: "With --pdf: when that PDF cannot become PDF/A-3, render our layout instead of failing.")
    var fallbackLayout = false

    @Option(help: "Factur-X profile: minimum, basicwl, basic, en16931, extended (default: BT-24 of the invoice, else en16931).")
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
        let sources = [xml != nil, from != nil, sample != nil].filter { $0 }.count
        guard sources == 1 else { throw ValidationError("give exactly one of --xml FILE, --from invoice.json or --sample LINES") }
        if let sample, !(1...100_000).contains(sample) { throw ValidationError("--sample takes 1 to 100000 lines") }
        if fallbackLayout, pdf == nil { throw ValidationError("--fallback-layout goes with --pdf") }
    }

    /// What to embed: the XML bytes, and the model when we have it (the layout prints all of it).
    private struct Source {
        var xml: [UInt8]
        var invoice: Invoice?
        var profile: FacturXProfile?
    }

    func run() throws {
        do {
            let source = try readSource()
            let bytes: [UInt8]
            if let pdf {
                bytes = try attach(source, to: pdf)
            } else {
                bytes = try render(source)
            }
            try write(bytes, to: output)
            if let xmlOut { try write(source.xml, to: xmlOut) }
        } catch let error as FacturXError {
            StandardError.write("facturx create: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        } catch let error as InvoiceDocumentReader.Failure {
            StandardError.write("facturx create: \(error)")
            throw ExitCode(ExitStatus.unreadable)
        } catch let error as InvoiceJSON.Failure {
            StandardError.write("facturx create: \(from ?? "JSON"): \(error.description)")
            throw ExitCode(ExitStatus.unreadable)
        }
    }

    private func readSource() throws -> Source {
        if let xml {
            return Source(xml: try InvoiceDocumentReader.loadFile(path: xml, limit: 64 << 20), invoice: nil, profile: profile?.facturX)
        }
        let invoice: Invoice
        if let from {
            let bytes = try InvoiceDocumentReader.loadFile(path: from, limit: 64 << 20)
            invoice = try InvoiceJSON.decode(bytes)
        } else {
            invoice = SampleInvoice.make(lineCount: sample ?? 10)
        }
        let chosen = profile?.facturX ?? FacturXProfile(guidelineID: invoice.processControl.specificationIdentifier) ?? .en16931
        return Source(xml: CIIWriter().output(invoice, profile: chosen).bytes, invoice: invoice, profile: chosen)
    }

    private func render(_ source: Source) throws -> [UInt8] {
        var writer = try FacturXWriter(fontDirectory: fontDir, colorProfilePath: iccProfile)
        if let epoch = sourceDateEpoch { writer.date = Date(timeIntervalSince1970: Double(epoch)) }
        let logoImage = try logo.map { path throws -> FacturXLogo in
            guard let data = FileManager.default.contents(atPath: path) else {
                throw FacturXError.unsupportedLogo(reason: "\(path) cannot be read")
            }
            return try FacturXLogo(bytes: [UInt8](data))
        }
        let language: InvoiceLanguage = self.language == .fr ? .french : .english
        if let invoice = source.invoice, let profile = source.profile {
            return writer.create(invoice: invoice, profile: profile, language: language, logo: logoImage)
        }
        return try writer.create(xml: source.xml, profile: source.profile, language: language, logo: logoImage)
    }

    private func attach(_ source: Source, to path: String) throws -> [UInt8] {
        let base = try InvoiceDocumentReader.loadFile(path: path, limit: 256 << 20)
        let options = FacturXAttacher.Options(
            secondsSince1970: sourceDateEpoch ?? Int(Date().timeIntervalSince1970),
            iccProfile: try FacturXResources.colorProfileBytes(path: iccProfile))
        do {
            return try FacturXAttacher().attach(xml: source.xml, to: base, options: options)
        } catch {
            StandardError.write("facturx create: \(path): \(error)")
            guard fallbackLayout, case .cannotBecomePDFA = error else { throw ExitCode(ExitStatus.invalid) }
            StandardError.write("facturx create: --fallback-layout: rendering Passerelle's own layout instead")
            return try render(source)
        }
    }

    private var sourceDateEpoch: Int? {
        ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"].flatMap { Int($0) }
    }

    private func write(_ bytes: [UInt8], to path: String) throws {
        guard FileManager.default.createFile(atPath: path, contents: Data(bytes)) else {
            StandardError.write("\(path): cannot be written")
            throw ExitCode(ExitStatus.unreadable)
        }
    }
}
