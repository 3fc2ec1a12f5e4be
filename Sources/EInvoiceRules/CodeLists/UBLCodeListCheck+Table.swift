extension UBLCodeListCheck {
    private static let supplier: CodeLists.QualifiedName = "cac:AccountingSupplierParty"
    private static let customer: CodeLists.QualifiedName = "cac:AccountingCustomerParty"
    private static let payee: CodeLists.QualifiedName = "cac:PayeeParty"
    private static let invoiceLine: CodeLists.QualifiedName = "cac:InvoiceLine"
    private static let creditNoteLine: CodeLists.QualifiedName = "cac:CreditNoteLine"

    /// The BR-CL rules of the EN 16931 UBL schematron (contexts and tests as in EN16931-UBL-validation.xslt).
    static let table: [UBLCodeListCheck] = [
        UBLCodeListCheck(
            "BR-CL-01", ["cbc:InvoiceTypeCode", "cbc:CreditNoteTypeCode"], .documentType, terms: ["BT-3"],
            en: "the document type code", fr: "le code de type de document"),
        UBLCodeListCheck(
            "BR-CL-03",
            [
                "cbc:Amount", "cbc:BaseAmount", "cbc:PriceAmount", "cbc:TaxAmount", "cbc:TaxableAmount",
                "cbc:LineExtensionAmount", "cbc:TaxExclusiveAmount", "cbc:TaxInclusiveAmount",
                "cbc:AllowanceTotalAmount", "cbc:ChargeTotalAmount", "cbc:PrepaidAmount", "cbc:PayableRoundingAmount",
                "cbc:PayableAmount",
            ],
            value: .attribute("currencyID"), .listed(CodeLists.currencyCodesUBL), terms: [],
            en: "the currency (@currencyID) of cbc:{name}", fr: "la devise (@currencyID) de cbc:{name}"),
        UBLCodeListCheck(
            "BR-CL-04", ["cbc:DocumentCurrencyCode"], .listed(CodeLists.currencyCodesUBL), terms: ["BT-5"],
            en: "the invoice currency code", fr: "le code devise de la facture"),
        UBLCodeListCheck(
            "BR-CL-05", ["cbc:TaxCurrencyCode"], .listed(CodeLists.currencyCodesUBL), terms: ["BT-6"],
            en: "the VAT accounting currency code", fr: "le code devise de comptabilisation de la TVA"),
        UBLCodeListCheck(
            "BR-CL-06", ["cbc:DescriptionCode"], in: .oneOf(["cac:InvoicePeriod"]),
            .listed(CodeLists.taxPointDateCodesUBL), terms: ["BT-8"],
            en: "the VAT point date code", fr: "le code de date d'exigibilité de la TVA"),
        UBLCodeListCheck(
            "BR-CL-07", ["cbc:ID"],
            in: .oneOf([
                CodeLists.PathStep("cac:AdditionalDocumentReference", .childText(["cbc:DocumentTypeCode"], "130")),
                CodeLists.PathStep("cac:DocumentReference", .childText(["cbc:DocumentTypeCode"], "130")),
            ]),
            requiring: "schemeID", value: .attribute("schemeID"), .listed(CodeLists.referenceTypeCodes),
            terms: ["BT-18-1"],
            en: "the scheme (@schemeID) of the invoiced object identifier",
            fr: "le schéma (@schemeID) de l'identifiant de l'objet facturé"),
        UBLCodeListCheck(
            "BR-CL-08", ["cbc:Note"], in: .root, .noteSubject, terms: ["BT-21"],
            en: "the subject code of the invoice note", fr: "le code sujet de la note"),
        UBLCodeListCheck(
            "BR-CL-10", ["cbc:ID"], in: .oneOf(["cac:PartyIdentification"]), requiring: "schemeID",
            value: .attribute("schemeID"), .partyIdentifierScheme, terms: [],
            byAncestor: [(supplier, ["BT-29-1"]), (customer, ["BT-46-1"]), (payee, ["BT-60-1"])],
            en: "the scheme (@schemeID) of the party identifier", fr: "le schéma (@schemeID) de l'identifiant"),
        UBLCodeListCheck(
            "BR-CL-11", ["cbc:CompanyID"], in: .oneOf(["cac:PartyLegalEntity"]), requiring: "schemeID",
            value: .attribute("schemeID"), .listed(CodeLists.icdSchemes), terms: [],
            byAncestor: [(supplier, ["BT-30-1"]), (customer, ["BT-47-1"]), (payee, ["BT-61-1"])],
            en: "the scheme (@schemeID) of the legal registration identifier",
            fr: "le schéma (@schemeID) de l'identifiant d'immatriculation légale"),
        UBLCodeListCheck(
            "BR-CL-13", ["cbc:ItemClassificationCode"], in: .oneOf(["cac:CommodityClassification"]),
            requiring: "listID", value: .attribute("listID"), .listed(CodeLists.itemClassificationSchemes),
            terms: ["BT-158-1"],
            en: "the scheme (@listID) of the item classification identifier",
            fr: "le schéma (@listID) de l'identifiant de classification de l'article"),
        UBLCodeListCheck(
            "BR-CL-14", ["cbc:IdentificationCode"], in: .oneOf(["cac:Country"]),
            .listed(CodeLists.countryCodes), terms: [],
            byAncestor: [
                (supplier, ["BT-40"]), (customer, ["BT-55"]), ("cac:TaxRepresentativeParty", ["BT-69"]),
                ("cac:Delivery", ["BT-80"]),
            ],
            en: "the country code", fr: "le code pays"),
        UBLCodeListCheck(
            "BR-CL-15", ["cbc:IdentificationCode"], in: .oneOf(["cac:OriginCountry"]),
            .listed(CodeLists.countryCodes), terms: ["BT-159"],
            en: "the item country of origin", fr: "le pays d'origine de l'article"),
        UBLCodeListCheck(
            "BR-CL-16", ["cbc:PaymentMeansCode"], in: .oneOf(["cac:PaymentMeans"]),
            .listed(CodeLists.paymentMeansCodes), terms: ["BT-81"],
            en: "the payment means type code", fr: "le code de type de moyen de paiement"),
        UBLCodeListCheck(
            "BR-CL-17", ["cbc:ID"], in: .oneOf(["cac:TaxCategory"]), .listed(CodeLists.vatCategoryCodesUBL),
            terms: [], byAncestor: [("cac:TaxSubtotal", ["BT-118"]), ("cac:AllowanceCharge", ["BT-95", "BT-102"])],
            en: "the VAT category code", fr: "le code de catégorie de TVA"),
        UBLCodeListCheck(
            "BR-CL-18", ["cbc:ID"], in: .oneOf(["cac:ClassifiedTaxCategory"]),
            .listed(CodeLists.vatCategoryCodesUBL), terms: ["BT-151"],
            en: "the VAT category code of the invoiced item", fr: "le code de catégorie de TVA de l'article facturé"),
        UBLCodeListCheck(
            "BR-CL-19", ["cbc:AllowanceChargeReasonCode"],
            in: .oneOf([CodeLists.PathStep("cac:AllowanceCharge", .childBoolean(["cbc:ChargeIndicator"], false))]),
            .listed(CodeLists.allowanceReasonCodes), terms: ["BT-98"],
            byAncestor: [(invoiceLine, ["BT-140"]), (creditNoteLine, ["BT-140"])],
            en: "the allowance reason code", fr: "le code de motif de la remise"),
        UBLCodeListCheck(
            "BR-CL-20", ["cbc:AllowanceChargeReasonCode"],
            in: .oneOf([CodeLists.PathStep("cac:AllowanceCharge", .childBoolean(["cbc:ChargeIndicator"], true))]),
            .listed(CodeLists.chargeReasonCodes), terms: ["BT-105"],
            byAncestor: [(invoiceLine, ["BT-145"]), (creditNoteLine, ["BT-145"])],
            en: "the charge reason code", fr: "le code de motif de la charge"),
        UBLCodeListCheck(
            "BR-CL-21", ["cbc:ID"], in: .oneOf(["cac:StandardItemIdentification"]), requiring: "schemeID",
            value: .attribute("schemeID"), .listed(CodeLists.icdSchemes), terms: ["BT-157-1"],
            en: "the scheme (@schemeID) of the item standard identifier",
            fr: "le schéma (@schemeID) de l'identifiant standard de l'article"),
        UBLCodeListCheck(
            "BR-CL-22", ["cbc:TaxExemptionReasonCode"], .listedUppercased(CodeLists.vatExemptionReasonCodes),
            terms: ["BT-121"], en: "the VAT exemption reason code", fr: "le code de motif d'exonération de TVA"),
        UBLCodeListCheck(
            "BR-CL-23", ["cbc:InvoicedQuantity", "cbc:BaseQuantity", "cbc:CreditedQuantity"], requiring: "unitCode",
            value: .attribute("unitCode"), .listed(CodeLists.unitCodes), terms: ["BT-130"],
            byAncestor: [("cac:Price", ["BT-150"])],
            en: "the unit code (@unitCode) of cbc:{name}", fr: "le code d'unité (@unitCode) de cbc:{name}"),
        UBLCodeListCheck(
            "BR-CL-24", ["cbc:EmbeddedDocumentBinaryObject"], requiring: "mimeCode", value: .attribute("mimeCode"),
            .exact(CodeLists.mimeCodes), terms: ["BT-125-1"],
            en: "the MIME code of the attached document", fr: "le code MIME du document joint"),
        UBLCodeListCheck(
            "BR-CL-25", ["cbc:EndpointID"], requiring: "schemeID", value: .attribute("schemeID"),
            .listed(CodeLists.easCodesUBL), terms: [],
            byAncestor: [(supplier, ["BT-34-1"]), (customer, ["BT-49-1"])],
            en: "the scheme (@schemeID) of the electronic address",
            fr: "le schéma (@schemeID) de l'adresse électronique"),
        UBLCodeListCheck(
            "BR-CL-26", ["cbc:ID"], in: .oneOf(["cac:DeliveryLocation"]), requiring: "schemeID",
            value: .attribute("schemeID"), .listed(CodeLists.icdSchemes), terms: ["BT-71-1"],
            en: "the scheme (@schemeID) of the deliver to location identifier",
            fr: "le schéma (@schemeID) de l'identifiant du lieu de livraison"),
    ]
}
