import ArgumentParser
import FacturX
import EInvoiceSyntax
import Foundation

/// `passerelle facturx extract FILE.pdf [-o out.xml]`: writes the embedded XML byte for byte.
struct FacturXExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Write the invoice XML embedded in a Factur-X, ZUGFeRD 1/2 or XRechnung PDF.",
        discussion: """
            The XML goes to standard output, or to the file given with -o. What was found (file name, standard, \
            AFRelationship, the XMP's declared profile) goes to standard error, or as JSON with --info.
            Exit status: 0 when the XML was extracted, 2 when the PDF cannot be read or holds no invoice XML.
            """
    )

    @Argument(help: "The PDF file.")
    var file: String

    @Option(name: .shortAndLong, help: "Write the XML to this file instead of standard output.")
    var output: String?

    @Flag(help: "Print what was found as JSON on standard output instead of the XML (needs -o to also save the XML).")
    var info = false

    @Flag(name: .shortAndLong, help: "Print nothing on standard error.")
    var quiet = false

    func run() throws {
        let bytes: [UInt8]
        do {
            bytes = try InvoiceDocumentReader.loadFile(path: file, limit: 256 << 20)
        } catch {
            StandardError.write("\(file): \(error.description)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let extracted: ExtractedInvoice
        do {
            extracted = try FacturXReader.extract(pdf: bytes)
        } catch {
            StandardError.write("\(file): \(error.description)")
            throw ExitCode(ExitStatus.unreadable)
        }
        if let output {
            guard FileManager.default.createFile(atPath: output, contents: Data(extracted.xml)) else {
                StandardError.write("\(output): cannot be written")
                throw ExitCode(ExitStatus.unreadable)
            }
        } else if !info {
            FileHandle.standardOutput.write(Data(extracted.xml))
        }
        if info {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            print(String(decoding: try encoder.encode(ExtractionInfo(extracted)), as: UTF8.self))
        } else if !quiet {
            StandardError.write(ExtractionInfo(extracted).summary(file: file))
        }
    }
}

/// What `extract` reports about the attachment, for people (stderr) and scripts (--info).
struct ExtractionInfo: Encodable {
    let fileName: String
    let standard: String
    let rootElement: String
    let relationship: String?
    let mimeType: String?
    let declaredProfile: String?
    let guidelineID: String?
    let xmlProfile: String?
    let profilesAgree: Bool?
    let xmpDocumentFileName: String?
    let pdfaPart: String?
    let pdfaConformance: String?
    let bytes: Int
    let attachments: [String]
    let repairs: [String]

    init(_ extracted: ExtractedInvoice) {
        fileName = extracted.fileName
        standard = extracted.standard.rawValue
        rootElement = extracted.rootElement
        relationship = extracted.relationship
        mimeType = extracted.mimeType
        declaredProfile = extracted.declaredProfile
        guidelineID = extracted.guidelineID
        xmlProfile = extracted.xmlProfile
        profilesAgree = extracted.profilesAgree
        xmpDocumentFileName = extracted.xmp?.documentFileName
        pdfaPart = extracted.xmp?.pdfaPart
        pdfaConformance = extracted.xmp?.pdfaConformance
        bytes = extracted.xml.count
        attachments = extracted.attachmentNames
        repairs = extracted.repairs.map(\.description)
    }

    func summary(file: String) -> String {
        var text = "\(file): \(fileName) (\(standard), \(bytes) bytes)"
        text += ", AFRelationship \(relationship ?? "missing")"
        text += ", XMP profile \(declaredProfile ?? "not declared")"
        text += ", XML profile \(xmlProfile ?? guidelineID ?? "unknown")"
        if profilesAgree == false { text += " — the XMP ConformanceLevel does not match the XML's guideline id (BT-24)" }
        for repair in repairs { text += "\n  repaired: \(repair)" }
        return text
    }
}
