import EInvoiceSyntax

/// Which official CII schematron applies to a document, chosen from its guideline id (BT-24) as the
/// conformance oracle chooses the Factur-X XSLT: the last `:`-separated segment of the id names
/// MINIMUM, BASIC WL, BASIC or EXTENDED; anything else (EN 16931, XRechnung, Peppol, CIUS, a missing
/// id, and also `…:extended-ctc-fr`) is checked against the EN 16931 schematron.
enum SchematronProfile: Sendable, Equatable {
    case minimum, basicWL, basic, en16931, extended

    init(guidelineID: String) {
        let last = guidelineID.trimmingWhitespace().split(separator: ":", omittingEmptySubsequences: false).last
        switch last.map({ $0.lowercased() }) {
        case "minimum": self = .minimum
        case "basicwl": self = .basicWL
        case "basic": self = .basic
        case "extended": self = .extended
        default: self = .en16931
        }
    }

    /// The profile of a CII document, read from its guideline id (`guidelineID(cii:)`); EN 16931 without one.
    init(cii tree: XMLTree) {
        self.init(guidelineID: Self.guidelineID(cii: tree) ?? "")
    }

    /// The text of
    /// /rsm:CrossIndustryInvoice/rsm:ExchangedDocumentContext/ram:GuidelineSpecifiedDocumentContextParameter/ram:ID.
    static func guidelineID(cii tree: XMLTree) -> String? {
        guard !tree.elements.isEmpty,
            let context = tree.child(of: 0, named: "ExchangedDocumentContext", namespace: Namespaces.ciiRSM),
            let parameter = tree.child(
                of: context, named: "GuidelineSpecifiedDocumentContextParameter", namespace: Namespaces.ciiRAM),
            let id = tree.child(of: parameter, named: "ID", namespace: Namespaces.ciiRAM)
        else { return nil }
        return tree[id].text
    }
}
