import EInvoice
import EInvoiceSyntax

/// The profile models, parsed on first use.
enum ProfileModels {
    static let minimum = ProfileElements(model: ProfileElements.minimumModel)
    static let basicWL = ProfileElements(model: ProfileElements.basicWLModel)
    static let basic = ProfileElements(model: ProfileElements.basicModel)
    static let en16931 = ProfileElements(model: ProfileElements.en16931Model)
    static let extended = ProfileElements(model: ProfileElements.extendedModel)

    static func model(for profile: FacturXProfile) -> ProfileElements? {
        switch profile {
        case .minimum: minimum
        case .basicWL: basicWL
        case .basic: basic
        case .en16931: en16931
        case .extended: extended
        }
    }
}

extension RuleGroups {
    /// `PX-FX-ELEMENT`: an element the Factur-X 1.09 XSD of the invoice's profile does not allow where it stands.
    ///
    /// This is Passerelle's own check (no schematron has it): it is the part of the profile's XSD validation that
    /// says which elements may appear inside which. It runs on CII documents whose guideline id (BT-24) names a
    /// Factur-X profile exactly — MINIMUM, BASIC WL, BASIC, EN 16931 (`urn:cen.eu:en16931:2017` alone) or
    /// EXTENDED — not on other EN 16931 CIUS (XRechnung, EXTENDED-CTC-FR…), whose XSDs differ. An element's
    /// content is not examined further once the element itself is misplaced.
    public static let profileElements = RuleGroup(name: "profileElements", ruleIDs: [profileElementRuleID]) {
        context in
        guard context.parsed?.syntax == .cii, let tree = context.parsed?.tree,
            let profile = exactFacturXProfile(SchematronProfile.guidelineID(cii: tree)),
            let model = ProfileModels.model(for: profile)
        else { return }
        for misplaced in model.misplaced(in: tree) {
            let element = tree[misplaced.element].qualifiedName
            let parent = misplaced.parent >= 0 ? tree[misplaced.parent].qualifiedName : nil
            let place = parent.map { "in \($0)" } ?? "as the root element"
            let lieu = parent.map { "dans \($0)" } ?? "comme élément racine"
            context.report(
                profileElementRuleID, .fatal, element: misplaced.element,
                en: "\(element) is not allowed \(place) by the Factur-X \(profile.rawValue) XSD",
                fr: "\(element) n'est pas autorisé \(lieu) par le XSD Factur-X \(profile.rawValue)")
        }
    }

    static let profileElementRuleID = "PX-FX-ELEMENT"

    /// The Factur-X profile BT-24 names exactly; nil for other EN 16931 specifications.
    static func exactFacturXProfile(_ guidelineID: String?) -> FacturXProfile? {
        guard let guidelineID, let profile = FacturXProfile(guidelineID: guidelineID) else { return nil }
        if profile == .en16931 && guidelineID.trimmingWhitespace() != FacturXProfile.en16931.guidelineID {
            return nil
        }
        return profile
    }
}
