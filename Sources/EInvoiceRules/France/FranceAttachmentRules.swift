import EInvoice

/// BR-FR-17, BR-FR-18 (attached documents), BR-FR-27, BR-FR-28 (item attributes), BR-FR-29 and BR-FR-30 (the
/// sub-invoice references AFL and AVV).
enum FranceAttachmentRules {
    private static let agreement =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
    private static let line =
        "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
    private static let characteristic = line + "/ram:SpecifiedTradeProduct/ram:ApplicableProductCharacteristic"

    static let cii: [FrenchElementCheck] =
        [
            FrenchElementCheck(
                "BR-FR-17_BT-123", terms: ["BT-123"], agreement + "/ram:AdditionalReferencedDocument",
                attachmentKind
            ) { tree, document, _ in
                guard tree.any(document, "ram:TypeCode", equals: "916") else { return true }
                let kind = tree.normalized(document, "ram:Name")
                return kind.isEmpty || FrenchCodes.attachmentKinds.contains(kind)
            },
            FrenchElementCheck("BR-FR-18_BT-123", terms: ["BT-123"], "rsm:CrossIndustryInvoice", severalReadable) {
                tree, root, _ in
                tree.select(
                    root,
                    "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
                        + "/ram:AdditionalReferencedDocument"
                )
                .filter { tree.any($0, "ram:Name", equals: "LISIBLE") }.count <= 1
            },
            FrenchElementCheck("BR-FR-27_BG-32", terms: ["BG-32", "BT-160"], characteristic, unnamedAttribute) {
                tree, element, _ in
                !tree.children(element, "ram:Description").isEmpty || !tree.children(element, "ram:TypeCode").isEmpty
            },
            FrenchElementCheck(
                "BR-FR-27_BT-160", terms: ["BT-160"], characteristic + "/ram:Description", .notBlank("BT-160")
            ) {
                !FrenchText.normalizeSpace($0).isEmpty
            },
            FrenchElementCheck(
                "BR-FR-27_EXT-FR-FE-159", terms: ["EXT-FR-FE-159"], characteristic + "/ram:TypeCode",
                .notBlank("EXT-FR-FE-159")
            ) { !FrenchText.normalizeSpace($0).isEmpty },
            FrenchElementCheck("BR-FR-28-Value", terms: ["BT-161"], characteristic, attributeValue) {
                tree, element, _ in
                valueOrMeasure(tree, element, value: "ram:Value", measure: "ram:ValueMeasure")
            },
        ] + references("BR-FR-29", term: "BT-18", agreement, document: "ram:AdditionalReferencedDocument", cii: true)
        + references("BR-FR-30", term: "BT-128", line, document: "ram:AdditionalReferencedDocument", cii: true)

    private static func either(_ path: String) -> String { FranceIdentifierRules.either(path) }

    static let ubl: [FrenchElementCheck] =
        [
            FrenchElementCheck("BR-FR-17_BT-123", terms: ["BT-123"], "cac:AdditionalDocumentReference", attachmentKind)
            {
                tree, document, _ in
                let descriptions = tree.children(document, "cbc:DocumentDescription")
                return descriptions.isEmpty || FrenchCodes.attachmentKinds.contains(tree.text(descriptions))
            },
            FrenchElementCheck("BR-FR-18_BT-123", terms: ["BT-123"], "ubl:Invoice | cn:CreditNote", severalReadable) {
                tree, root, _ in
                tree.children(root, "cac:AdditionalDocumentReference")
                    .filter { tree.any($0, "cbc:DocumentDescription", equals: "LISIBLE") }.count <= 1
            },
            FrenchElementCheck(
                "BR-FR-27_BG-32", terms: ["BG-32", "BT-160"], either("cac:Item/cac:AdditionalItemProperty"),
                unnamedAttribute
            ) { tree, element, _ in
                !tree.children(element, "cbc:Name").isEmpty || !tree.children(element, "cbc:NameCode").isEmpty
            },
            FrenchElementCheck(
                "BR-FR-27_BT-160", terms: ["BT-160"], either("cac:Item/cac:AdditionalItemProperty/cbc:Name"),
                .notBlank("BT-160")
            ) { !FrenchText.normalizeSpace($0).isEmpty },
            FrenchElementCheck(
                "BR-FR-27_EXT-FR-FE-159", terms: ["EXT-FR-FE-159"],
                either("cac:Item/cac:AdditionalItemProperty/cbc:NameCode"), .notBlank("EXT-FR-FE-159")
            ) {
                !FrenchText.normalizeSpace($0).isEmpty
            },
            FrenchElementCheck(
                "BR-FR-28-Value", terms: ["BT-161"],
                FranceIdentifierRules.eitherLine("cac:Item/cac:AdditionalItemProperty"), attributeValue
            ) {
                tree, element, _ in valueOrMeasure(tree, element, value: "cbc:Value", measure: "cbc:ValueQuantity")
            },
        ] + references("BR-FR-29", term: "BT-18", either("cac:AdditionalDocumentReference"), document: nil, cii: false)
        + references(
            "BR-FR-30", term: "BT-128", FranceIdentifierRules.eitherLine("cac:DocumentReference"), document: nil,
            cii: false)

    /// BR-FR-28: an attribute has a text value or a measured value with its unit, not both.
    private static func valueOrMeasure(_ tree: FrenchTree, _ element: Int, value: String, measure: String) -> Bool {
        let values = tree.children(element, value)
        let measures = tree.children(element, measure)
        if !values.isEmpty { return measures.isEmpty }
        return measures.contains { tree.attribute($0, "unitCode").map { !$0.isEmpty } ?? false }
    }

    private static func kind(_ tree: FrenchTree, _ reference: Int, _ code: String) -> Bool {
        tree.any(reference, "ram:ReferenceTypeCode", equals: code)
    }

    /// BR-FR-29 / BR-FR-30: at most one AFL and one AVV reference, each with a value. CII marks them with
    /// `ram:ReferenceTypeCode` on `document` children of the context; UBL with the `schemeID` of the `cbc:ID`.
    private static func references(
        _ rule: String, term: String, _ context: String, document: String?,
        cii: Bool
    ) -> [FrenchElementCheck] {
        let counts = FrenchElementCheck("\(rule)_\(term)", terms: [term], context, .repeatedReference(term)) {
            tree, element, _ in
            ["AFL", "AVV"].allSatisfy { code in
                if let document {
                    return tree.children(element, document).filter { kind(tree, $0, code) }.count <= 1
                }
                return tree.select(element, "cbc:ID", attribute: "schemeID", equals: code).count <= 1
            }
        }
        let values = ["AFL", "AVV"].map { code in
            let pattern =
                cii
                ? "\(context)/\(document ?? "")/ram:IssuerAssignedID"
                : context.split(separator: "|")
                    .map { "\($0.trimmingWhitespace())/cbc:ID" }.joined(separator: " | ")
            return FrenchElementCheck("\(rule)_\(code)", terms: [term], pattern, .notBlank(term)) { tree, id, _ in
                let applies =
                    cii
                    ? tree.parent(id).map { kind(tree, $0, code) } ?? false
                    : tree.attribute(id, "schemeID") == code
                return !applies || !FrenchText.normalizeSpace(tree.text(id)).isEmpty
            }
        }
        return [counts] + values
    }

    /// The same rules on an invoice built in memory (reported with the CII rule ids).
    static func check(_ invoice: Invoice, _ context: inout RuleContext) {
        let attachments = invoice.supportingDocuments.enumerated().filter {
            $0.element.typeCode == nil || $0.element.typeCode == "916"
        }
        for (index, document) in attachments {
            let kind = FrenchText.normalizeSpace(document.description ?? "")
            if !kind.isEmpty, !FrenchCodes.attachmentKinds.contains(kind) {
                context.report("BR-FR-17_BT-123", terms: ["BT-123"], .term("BG-24[\(index)]/BT-123"), attachmentKind)
            }
        }
        if invoice.supportingDocuments.filter({ $0.description == "LISIBLE" }).count > 1 {
            context.report("BR-FR-18_BT-123", terms: ["BT-123"], .term("BG-24"), severalReadable)
        }
        for (lineIndex, line) in invoice.lines.enumerated() {
            for (index, attribute) in line.item.attributes.enumerated() {
                let path = "BG-25[\(lineIndex)]/BG-32[\(index)]"
                if FrenchText.normalizeSpace(attribute.name).isEmpty {
                    context.report(
                        "BR-FR-27_BG-32", terms: ["BG-32", "BT-160"], .term(path + "/BT-160"), unnamedAttribute)
                }
                if attribute.value.isEmpty {
                    context.report("BR-FR-28-Value", terms: ["BT-161"], .term(path + "/BT-161"), attributeValue)
                }
            }
        }
    }

    private static let attachmentKind = FrenchMessage(
        en: "The description of an attached document (BT-123) must name its kind: RIB, LISIBLE, FEUILLE_DE_STYLE, "
            + "PJA, BORDEREAU_SUIVI, DOCUMENT_ANNEXE, BON_LIVRAISON, BON_COMMANDE, BORDEREAU_SUIVI_VALIDATION, "
            + "ETAT_ACOMPTE, FACTURE_PAIEMENT_DIRECT or RECAPITULATIF_COTRAITANCE. Use one of these values.",
        fr:
            "La description d'un document joint (BT-123) doit indiquer sa nature : RIB, LISIBLE, FEUILLE_DE_STYLE, "
            + "PJA, BORDEREAU_SUIVI, DOCUMENT_ANNEXE, BON_LIVRAISON, BON_COMMANDE, BORDEREAU_SUIVI_VALIDATION, "
            + "ETAT_ACOMPTE, FACTURE_PAIEMENT_DIRECT ou RECAPITULATIF_COTRAITANCE. Utilisez l'une de ces valeurs.")

    private static let severalReadable = FrenchMessage(
        en: "More than one attached document is the readable copy (LISIBLE). Attach a single readable copy.",
        fr: "Plusieurs documents joints sont la version lisible (LISIBLE). N'en joignez qu'une seule.")

    private static let unnamedAttribute = FrenchMessage(
        en: "An item attribute (BG-32) has neither a name (BT-160) nor a code. Give the attribute's name.",
        fr: "Un attribut d'article (BG-32) n'a ni nom (BT-160) ni code. Indiquez le nom de l'attribut.")

    private static let attributeValue = FrenchMessage(
        en: "An item attribute (BG-32) must have either a text value (BT-161) or a measured value with its unit, but "
            + "not both. Keep exactly one of them.",
        fr: "Un attribut d'article (BG-32) doit avoir soit une valeur textuelle (BT-161), soit une valeur mesurée "
            + "avec son unité, mais pas les deux. Gardez-en une seule.")
}

extension FrenchMessage {
    static func repeatedReference(_ term: String) -> FrenchMessage {
        FrenchMessage(
            en:
                "A reference of type AFL (sub-invoice number) or AVV appears more than once (\(term)). Keep one of "
                + "each.",
            fr: "Une référence de type AFL (numéro de sous-facture) ou AVV apparaît plusieurs fois (\(term)). N'en "
                + "gardez qu'une de chaque.")
    }
}
