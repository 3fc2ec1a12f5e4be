import ArgumentParser
import EInvoice
import EInvoiceSyntax
import Foundation

struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Convert an invoice between CII, UBL and the canonical JSON invoice.",
        discussion: """
            Everything the EN 16931 model holds is carried over. Whatever the source holds beyond it (EXTENDED \
            content, extensions) cannot be, and is listed on standard error, element by element. The input may be \
            CII, UBL or the canonical JSON invoice (docs/invoice-json.md).
            """
    )

    enum Target: String, ExpressibleByArgument, CaseIterable { case cii, ubl, json }

    enum Profile: String, ExpressibleByArgument, CaseIterable {
        case minimum, basicwl, basic, en16931, extended

        var facturX: FacturXProfile {
            switch self {
            case .minimum: .minimum
            case .basicwl: .basicWL
            case .basic: .basic
            case .en16931: .en16931
            case .extended: .extended
            }
        }
    }

    @Option(help: "Target syntax: cii, ubl or json (the canonical JSON invoice).")
    var to: Target

    @Option(help: "Factur-X profile of the CII output (minimum, basicwl, basic, en16931, extended); default: the source's BT-24.")
    var profile: Profile?

    @Option(name: [.short, .long], help: "Output file (default: standard output).")
    var output: String?

    @Argument(help: "The invoice to convert (CII or UBL XML, or a JSON invoice).")
    var file: String

    func run() throws {
        let parsed: ParsedInvoice
        do {
            parsed = try InvoiceInput().read(path: file)
        } catch {
            StandardError.write("\(file): \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
        var dropped = parsed.notCarried.map { "\($0) (not in the EN 16931 model)" }
        let bytes: [UInt8]
        switch to {
        case .cii:
            let result = CIIWriter().write(parsed.invoice, profile: profile?.facturX)
            bytes = result
            if let profile = profile?.facturX {
                dropped += CIIWriter.dropped(for: parsed.invoice, profile: profile).map { "\($0) (not allowed in profile \(profile.rawValue))" }
            }
        case .ubl:
            bytes = UBLWriter().write(parsed.invoice)
        case .json:
            bytes = InvoiceJSON.encode(parsed.invoice, pretty: true) + [0x0A]
        }
        if !dropped.isEmpty {
            StandardError.write("\(file): \(dropped.count) element(s) of the source cannot be carried over:")
            for item in dropped { StandardError.write("  - \(item)") }
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(bytes)) else {
                StandardError.write("\(output): cannot be written")
                throw ExitCode(ExitStatus.unreadable)
            }
        } else {
            FileHandle.standardOutput.write(Data(bytes))
        }
    }
}
