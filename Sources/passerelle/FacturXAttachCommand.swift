import ArgumentParser
import EInvoiceSyntax
import FacturX
import Foundation

/// `passerelle facturx attach --xml invoice.xml --pdf erp.pdf -o out.pdf`: turns the ERP's own PDF into a
/// Factur-X PDF/A-3 file by an incremental update, or says exactly why it cannot.
struct FacturXAttachCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "attach",
        abstract: "Attach the invoice XML to an existing PDF (the ERP's own) and make it Factur-X PDF/A-3b.",
        discussion: """
            The original bytes are kept (incremental update); the XML, an XMP packet, an sRGB output intent (when the \
            PDF has none) and a new /ID are appended. When the PDF cannot become PDF/A by adding to it (fonts not \
            embedded, encryption, JavaScript, LZW, …) nothing is written and each reason is listed: re-render the \
            invoice with `passerelle facturx create` instead.
            Exit status: 0 written, 1 the PDF cannot become PDF/A-3, 2 an input cannot be read.
            """
    )

    @Option(help: "The invoice XML (CII with a Factur-X guideline id).")
    var xml: String

    @Option(help: "The PDF to attach it to.")
    var pdf: String

    @Option(name: .shortAndLong, help: "The Factur-X PDF to write.")
    var output: String

    @Option(help: "sRGB ICC profile for the output intent (default: PASSERELLE_ICC_PROFILE, then /usr/share/color/icc/sRGB.icc).")
    var icc: String?

    func run() throws {
        let xmlBytes: [UInt8]
        let pdfBytes: [UInt8]
        do {
            xmlBytes = try InvoiceDocumentReader.loadFile(path: xml, limit: 64 << 20)
            pdfBytes = try InvoiceDocumentReader.loadFile(path: pdf, limit: 256 << 20)
        } catch {
            StandardError.write(error.description)
            throw ExitCode(ExitStatus.unreadable)
        }
        let iccPath = icc ?? ProcessInfo.processInfo.environment["PASSERELLE_ICC_PROFILE"] ?? "/usr/share/color/icc/sRGB.icc"
        let profile = FileManager.default.contents(atPath: iccPath).map { [UInt8]($0) }
        let options = FacturXAttacher.Options(secondsSince1970: Int(Date().timeIntervalSince1970), iccProfile: profile)
        let attached: [UInt8]
        do {
            attached = try FacturXAttacher().attach(xml: xmlBytes, to: pdfBytes, options: options)
        } catch {
            StandardError.write("\(pdf): \(error.description)")
            if case .invoiceXML = error { throw ExitCode(ExitStatus.unreadable) }
            throw ExitCode(ExitStatus.invalid)
        }
        guard FileManager.default.createFile(atPath: output, contents: Data(attached)) else {
            StandardError.write("\(output): cannot be written")
            throw ExitCode(ExitStatus.unreadable)
        }
        if profile == nil { StandardError.write("note: no ICC profile at \(iccPath); none was needed for this PDF") }
    }
}
