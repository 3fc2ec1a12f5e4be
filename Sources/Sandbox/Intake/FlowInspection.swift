import Crypto
import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import FacturX
import Foundation

/// What the sandbox makes of a submitted file, before any lifecycle: refused at the flow level (acknowledgement
/// `Error` with a `ReasonCode` of the spec), an invoice (valid or not: the rules decide 213), or a lifecycle message
/// sent by the client about an invoice it received.
enum IntakeOutcome: Sendable {
    case refused(AcknowledgementDetail)
    case invoice(InspectedInvoice)
    case lifecycle(CDARMessage)
}

/// An invoice read from a flow, with the rules' verdict.
struct InspectedInvoice: Sendable {
    var invoice: Invoice
    /// The syntax actually found (Factur-X when the XML came out of a PDF).
    var syntax: FlowSyntax
    var profile: FlowProfile
    /// From the `BAR` note (B2B, B2BINT, B2C, OUTOFSCOPE, ARCHIVEONLY); B2B when there is none.
    var computedRule: ProcessingRule
    /// Fatal findings only: they make the platform reject the invoice (213, REJ_SEMAN).
    var fatalFindings: [Finding]
    /// The CII of a Factur-X (its `Converted` document); nil for XML flows.
    var embeddedXML: [UInt8]?
}

/// The checks made on receipt, in the order a platform makes them: emptiness, integrity (sha256), type and
/// syntax, then the business rules.
struct FlowInspector: Sendable {
    var validator: Validator

    static func sha256Hex(_ bytes: [UInt8]) -> String {
        SHA256.hash(data: bytes).map { byte in
            let text = String(byte, radix: 16)
            return byte < 16 ? "0" + text : text
        }.joined()
    }

    func inspect(info: FlowInfo, bytes: [UInt8]) -> IntakeOutcome {
        guard !bytes.isEmpty else {
            return .refused(AcknowledgementDetail(item: "file", reason: .emptyFlow, message: "the file is empty"))
        }
        let computed = Self.sha256Hex(bytes)
        if let declared = info.sha256, declared != computed {
            return .refused(AcknowledgementDetail(
                item: "flowInfo.sha256", reason: .checksumMismatch,
                message: "flowInfo.sha256 is \(declared) but the file's SHA-256 is \(computed)"))
        }
        switch info.flowSyntax {
        case .facturX: return inspectPDF(bytes)
        case .cii, .ubl: return inspectXML(bytes, declared: info.flowSyntax, embedded: nil)
        case .cdar:
            do {
                return .lifecycle(try CDARReader().read(bytes))
            } catch {
                return .refused(AcknowledgementDetail(item: "file", reason: .invalidSchema,
                                                      message: "not a CDAR D22B message: \(error)"))
            }
        case .frr:
            return .refused(AcknowledgementDetail(
                item: "flowInfo.flowSyntax", reason: .flowTypeError,
                message: "e-reporting (FRR) flows are not simulated by the sandbox"))
        }
    }

    private func inspectPDF(_ bytes: [UInt8]) -> IntakeOutcome {
        guard bytes.prefix(1024).firstRange(of: Array("%PDF-".utf8)) != nil else {
            return .refused(AcknowledgementDetail(item: "file", reason: .flowTypeError,
                                                  message: "flowSyntax is Factur-X but the file is not a PDF"))
        }
        let extracted: ExtractedInvoice
        do {
            extracted = try FacturXReader.extract(pdf: bytes)
        } catch {
            return .refused(AcknowledgementDetail(item: "file", reason: .invalidSchema,
                                                  message: "no Factur-X invoice can be read from the PDF: \(error)"))
        }
        return inspectXML(extracted.xml, declared: .facturX, embedded: extracted.xml)
    }

    private func inspectXML(_ bytes: [UInt8], declared: FlowSyntax, embedded: [UInt8]?) -> IntakeOutcome {
        let parsed: ParsedInvoice
        do {
            parsed = try InvoiceDocumentReader().read(bytes: bytes)
        } catch {
            return .refused(AcknowledgementDetail(item: "file", reason: .invalidSchema, message: error.description))
        }
        let found: FlowSyntax = parsed.syntax == .cii ? .cii : .ubl
        if declared != .facturX && found != declared {
            return .refused(AcknowledgementDetail(
                item: "flowInfo.flowSyntax", reason: .flowTypeError,
                message: "flowSyntax is \(declared.rawValue) but the file is \(found.rawValue)"))
        }
        if declared == .facturX && found != .cii {
            return .refused(AcknowledgementDetail(item: "file", reason: .flowTypeError,
                                                  message: "the XML embedded in a Factur-X must be CII"))
        }
        let findings = validator.validate(parsed).filter { $0.severity == .fatal }
        return .invoice(InspectedInvoice(
            invoice: parsed.invoice, syntax: declared, profile: Self.profile(parsed.invoice),
            computedRule: Self.processingRule(parsed.invoice), fatalFindings: findings, embeddedXML: embedded))
    }

    /// BT-24 to the spec's `FlowProfile`.
    static func profile(_ invoice: Invoice) -> FlowProfile {
        let guideline = invoice.processControl.specificationIdentifier.lowercased()
        if guideline.contains("extended") { return .extendedCTCFR }
        if guideline.contains("basic") { return .basic }
        if guideline.contains("en16931") || guideline.contains("peppol") { return .cius }
        return .undefined
    }

    /// The `BAR` note (XP Z12-012) to the spec's `ProcessingRule`.
    static func processingRule(_ invoice: Invoice) -> ProcessingRule {
        guard let note = invoice.notes.first(where: { $0.subjectCode?.uppercased() == "BAR" }) else { return .b2b }
        switch note.text.trimmingCharacters(in: .whitespaces).uppercased() {
        case "B2BINT": return .b2bInt
        case "B2C": return .b2c
        case "OUTOFSCOPE": return .outOfScope
        case "ARCHIVEONLY": return .archiveOnly
        default: return .b2b
        }
    }
}
