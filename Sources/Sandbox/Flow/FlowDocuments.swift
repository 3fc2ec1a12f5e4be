import EInvoice
import EInvoiceSyntax
import FacturX

/// The documents of a flow besides its metadata: the original bytes, the converted document (UBL for a CII, CII
/// for a UBL, the embedded CII of a Factur-X) and the readable view (a Factur-X PDF laid out from the invoice, or
/// the Factur-X itself).
struct FlowDocuments: Sendable {
    struct Document {
        var name: String
        var bytes: [UInt8]
    }

    /// Nil when no PDF can be laid out here (fonts missing): readable views are then not offered.
    var pdfWriter: FacturXWriter?

    func document(_ type: FlowDocType, of flow: StoredFlow) -> Document? {
        let base = Self.baseName(flow.metadata.name)
        switch type {
        case .metadata:
            return nil
        case .original:
            return Document(name: flow.metadata.name, bytes: flow.original)
        case .converted:
            guard let invoice = flow.invoice else { return nil }
            switch flow.metadata.flowSyntax {
            case .cii: return Document(name: base + ".ubl.xml", bytes: UBLWriter().write(invoice))
            case .ubl: return Document(name: base + ".cii.xml", bytes: CIIWriter().write(invoice))
            case .facturX: return flow.embeddedXML.map { Document(name: "factur-x.xml", bytes: $0) }
            case .cdar, .frr: return nil
            }
        case .readableView:
            guard let invoice = flow.invoice else { return nil }
            if flow.metadata.flowSyntax == .facturX { return Document(name: flow.metadata.name, bytes: flow.original) }
            guard let pdfWriter else { return nil }
            return Document(name: base + ".pdf", bytes: pdfWriter.create(invoice: invoice))
        }
    }

    static func baseName(_ name: String) -> String {
        guard let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
