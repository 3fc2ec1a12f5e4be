import EInvoiceSyntax

/// Which core rule ids the official schematron of a document checks.
///
/// - UBL: the EN 16931 UBL artefact checks every core rule except BR-CO-25.
/// - CII: the Factur-X schematron of the profile named by BT-24 applies. The EN 16931 one checks every
///   core rule except BR-CO-25; BASIC WL and EXTENDED check a subset under the same ids and with the same
///   tests (BR-CO-25 only in EXTENDED); MINIMUM and BASIC state the rules under their own FX-SCH-A ids,
///   so no core id is reported for them (the Factur-X profile rules cover those).
/// - In memory: every core rule except BR-CO-25, whatever the profile, because an invoice being built
///   must satisfy EN 16931 whichever profile it will be written in.
enum CoreProfileScope {
    static func checks(_ ruleID: String, artefact: CoreArtefact, profile: FacturXProfile?) -> Bool {
        switch artefact {
        case .ubl, .semantic:
            return !extendedOnly.contains(ruleID)
        case .cii:
            switch profile {
            case .minimum, .basic: return false
            case .basicWL: return basicWL.contains(ruleID)
            case .extended: return extended.contains(ruleID)
            case .en16931, nil: return !extendedOnly.contains(ruleID)
            }
        }
    }

    /// Rules only the Factur-X EXTENDED schematron checks.
    static let extendedOnly: Set<String> = ["BR-CO-25"]

    /// Core rule ids of FACTUR-X_BASIC-WL.xslt.
    static let basicWL: Set<String> = [
        "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09", "BR-10", "BR-11",
        "BR-12", "BR-13", "BR-14", "BR-15", "BR-17", "BR-18", "BR-19", "BR-20", "BR-29", "BR-31", "BR-32",
        "BR-33", "BR-36", "BR-37", "BR-38", "BR-45", "BR-46", "BR-47", "BR-48", "BR-49", "BR-50", "BR-53",
        "BR-55", "BR-56", "BR-57", "BR-61", "BR-62", "BR-63",
        "BR-CO-03", "BR-CO-09", "BR-CO-11", "BR-CO-12", "BR-CO-13", "BR-CO-14", "BR-CO-15",
        "BR-CO-16", "BR-CO-17", "BR-CO-18", "BR-CO-19", "BR-CO-21", "BR-CO-22", "BR-CO-26",
        "BR-DEC-01", "BR-DEC-02", "BR-DEC-05", "BR-DEC-06", "BR-DEC-09", "BR-DEC-10", "BR-DEC-11",
        "BR-DEC-12", "BR-DEC-13", "BR-DEC-14", "BR-DEC-15", "BR-DEC-16", "BR-DEC-17", "BR-DEC-18",
        "BR-DEC-19", "BR-DEC-20",
    ]

    /// Core rule ids of FACTUR-X_EXTENDED.xslt.
    static let extended: Set<String> = [
        "BR-01", "BR-02", "BR-03", "BR-04", "BR-05", "BR-06", "BR-07", "BR-08", "BR-09", "BR-10", "BR-11",
        "BR-12", "BR-13", "BR-14", "BR-15", "BR-16", "BR-17", "BR-18", "BR-19", "BR-20", "BR-21", "BR-25",
        "BR-29", "BR-30", "BR-31", "BR-32", "BR-33", "BR-36", "BR-37", "BR-41", "BR-42", "BR-43", "BR-45",
        "BR-46", "BR-47", "BR-48", "BR-49", "BR-50", "BR-51", "BR-52", "BR-53", "BR-55", "BR-56", "BR-57",
        "BR-61", "BR-62", "BR-63", "BR-64", "BR-65", "BR-B-01", "BR-B-02",
        "BR-CO-03", "BR-CO-09", "BR-CO-14", "BR-CO-18", "BR-CO-19", "BR-CO-20", "BR-CO-21",
        "BR-CO-23", "BR-CO-25", "BR-CO-26",
        "BR-DEC-01", "BR-DEC-02", "BR-DEC-05", "BR-DEC-06", "BR-DEC-09", "BR-DEC-10", "BR-DEC-11",
        "BR-DEC-12", "BR-DEC-13", "BR-DEC-14", "BR-DEC-15", "BR-DEC-16", "BR-DEC-17", "BR-DEC-18",
        "BR-DEC-19", "BR-DEC-20", "BR-DEC-23", "BR-DEC-24", "BR-DEC-25", "BR-DEC-27", "BR-DEC-28",
    ]
}
