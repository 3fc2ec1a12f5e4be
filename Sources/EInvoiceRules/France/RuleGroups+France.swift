import EInvoice

/// The French rules of XP Z12-012 v1.4: the FNFE-MPE BR-FR schematron 1.4.0 (Flux 2), for CII and UBL.
///
/// On a document read from XML they read the source tree, as the official schematrons do, so that their
/// results agree with them; CII and UBL name some rules differently and both names are listed. On an invoice
/// built in memory they check the EN 16931 terms of the model and report the CII names.
///
/// Not implemented, because the official schematrons can never report them: BR-FR-DEC-01_BT-111 (its rule
/// context repeats BR-FR-DEC-01_BT-110's, which wins) and, in UBL, BR-FR-16_BT-103 (same with BR-FR-16_BT-96).
extension RuleGroups {
    static let france: [RuleGroup] = [
        franceIdentifiers, franceNotes, franceBillingFramework, franceReferences, franceParties, franceVAT,
        franceAttachments, franceDecimals, franceSpecialContracts,
    ]

    private static func isFrench(_ set: RuleSet) -> Bool { set == .fr }

    /// Runs element checks on a CII or UBL tree, or `model` on an invoice built in memory.
    private static func run(
        _ context: inout RuleContext, cii: [FrenchElementCheck], ubl: [FrenchElementCheck],
        model: (Invoice, inout RuleContext) -> Void
    ) {
        switch FrenchSource(context) {
        case .cii(let tree): context.run(cii, on: tree, framework: FrenchFramework(cii: tree))
        case .ubl(let tree): context.run(ubl, on: tree, framework: FrenchFramework(ubl: tree))
        case .model(let invoice): model(invoice, &context)
        case .unknown: break
        }
    }

    /// BR-FR-01 … BR-FR-04: invoice numbers, dates and document types.
    static let franceIdentifiers = RuleGroup(
        name: "BR-FR identifiers, dates and document types",
        ruleIDs: [
            "BR-FR-01_BT-1", "BR-FR-01_BT-1-1", "BR-FR-01_BT-1-2", "BR-FR-01_BT-25", "BR-FR-01_BT-25-1",
            "BR-FR-01_BT-25-2", "BR-FR-01_EXT-FR-FE-136", "BR-FR-01_EXT-FR-FE-136-1", "BR-FR-01_EXT-FR-FE-136-2",
            "BR-FR-02_BT-1", "BR-FR-02_BT-25", "BR-FR-02_EXT-FR-FE-136", "BR-FR-03_BT-134", "BR-FR-03_BT-135",
            "BR-FR-03_BT-2", "BR-FR-03_BT-26", "BR-FR-03_BT-7", "BR-FR-03_BT-72", "BR-FR-03_BT-73", "BR-FR-03_BT-74",
            "BR-FR-03_BT-9", "BR-FR-03_EXT-FR-FE-134", "BR-FR-03_EXT-FR-FE-135", "BR-FR-03_EXT-FR-FE-138",
            "BR-FR-03_EXT-FR-FE-158", "BR-FR-04_BT-3", "BR-FR-04_EXT-FR-FE-02", "BR-FR-04_EXT-FR-FE-137",
        ],
        appliesTo: isFrench
    ) { context in
        run(
            &context, cii: FranceIdentifierRules.cii, ubl: FranceIdentifierRules.ubl, model: FranceIdentifierRules.check
        )
    }

    /// BR-FR-05, BR-FR-06, BR-FR-20, BR-FR-31 (UBL: BR-FR-30_BT-21), BR-FR-CO-14: legal-mention and BAR notes.
    static let franceNotes = RuleGroup(
        name: "BR-FR notes",
        ruleIDs: [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD",
            "BR-FR-05_BT-22_PMT", "BR-FR-06_BT-21-1", "BR-FR-06_BT-21-2", "BR-FR-06_BT-21-3", "BR-FR-06_BT-21-4",
            "BR-FR-06_BT-21_AAB", "BR-FR-06_BT-21_PMD", "BR-FR-06_BT-21_PMT", "BR-FR-06_BT-21_TXD", "BR-FR-20_BT-21",
            "BR-FR-30_BT-21", "BR-FR-31_BT-21", "BR-FR-CO-14_BT-29-1",
        ],
        appliesTo: isFrench
    ) { context in
        FranceNoteRules.check(FrenchSource(context), &context)
    }

    /// BR-FR-08, BR-FR-CO-07 … BR-FR-CO-09: the billing framework (BT-23).
    static let franceBillingFramework = RuleGroup(
        name: "BR-FR billing framework",
        ruleIDs: [
            "BR-FR-08_BT-23", "BR-FR-CO-07_BT-9", "BR-FR-CO-08_BT-23", "BR-FR-CO-09_BT-23-1", "BR-FR-CO-09_BT-23-2",
            "BR-FR-CO-09_BT-23-3",
        ],
        appliesTo: isFrench
    ) { context in
        FranceFrameworkRules.check(FrenchSource(context), &context)
    }

    /// BR-FR-CO-03, BR-FR-CO-04, BR-FR-CO-05, BR-FR-CO-12, BR-FR-CO-15: what a document must cite or add.
    static let franceReferences = RuleGroup(
        name: "BR-FR references",
        ruleIDs: [
            "BR-FR-CO-03_BT-3", "BR-FR-CO-04_BT-3", "BR-FR-CO-04_BT-4", "BR-FR-CO-05_BT-3", "BR-FR-CO-12_BT-5",
            "BR-FR-CO-15_BT-29-1",
        ],
        appliesTo: isFrench
    ) { context in
        FranceReferenceRules.check(FrenchSource(context), &context)
    }

    /// BR-FR-09 … BR-FR-13, BR-FR-21 … BR-FR-26, BR-FR-32, BR-FR-CO-10: SIREN, SIRET, identifiers, addresses.
    static let franceParties = RuleGroup(
        name: "BR-FR parties",
        ruleIDs: [
            "BR-FR-09_BT-29", "BR-FR-09_BT-46", "BR-FR-09_BT-60", "BR-FR-09_BT-71", "BR-FR-09_EXT-FR-FE-06",
            "BR-FR-09_EXT-FR-FE-115", "BR-FR-09_EXT-FR-FE-146", "BR-FR-09_EXT-FR-FE-46", "BR-FR-09_EXT-FR-FE-69",
            "BR-FR-09_EXT-FR-FE-92", "BR-FR-10_BT-30", "BR-FR-11_BT-47", "BR-FR-12_BT-49", "BR-FR-13_BT-34",
            "BR-FR-21_BT-49", "BR-FR-22_BT-34", "BR-FR-23_BT-34", "BR-FR-23_BT-49", "BR-FR-23_EXT-FR-FE-12",
            "BR-FR-23_EXT-FR-FE-121", "BR-FR-23_EXT-FR-FE-29", "BR-FR-23_EXT-FR-FE-52", "BR-FR-23_EXT-FR-FE-75",
            "BR-FR-23_EXT-FR-FE-98", "BR-FR-24_BT-29", "BR-FR-24_BT-46", "BR-FR-25_BT-34", "BR-FR-25_BT-49",
            "BR-FR-25_EXT-FR-FE-12", "BR-FR-25_EXT-FR-FE-121", "BR-FR-25_EXT-FR-FE-29", "BR-FR-25_EXT-FR-FE-52",
            "BR-FR-25_EXT-FR-FE-75", "BR-FR-25_EXT-FR-FE-98", "BR-FR-26_BT-29", "BR-FR-26_BT-46", "BR-FR-32-GLOBALID",
            "BR-FR-32-ID", "BR-FR-32-LEGALID", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-29-2", "BR-FR-CO-10_BT-46-1",
            "BR-FR-CO-10_BT-46-2", "BR-FR-CO-10_BT-60-1", "BR-FR-CO-10_BT-60-2", "BR-FR-CO-10_BT-71-1",
            "BR-FR-CO-10_BT-71-2", "BR-FR-CO-10_EXT-FR-FE-06-1", "BR-FR-CO-10_EXT-FR-FE-06-2",
            "BR-FR-CO-10_EXT-FR-FE-115-1", "BR-FR-CO-10_EXT-FR-FE-115-2", "BR-FR-CO-10_EXT-FR-FE-146-1",
            "BR-FR-CO-10_EXT-FR-FE-146-2", "BR-FR-CO-10_EXT-FR-FE-46-1", "BR-FR-CO-10_EXT-FR-FE-46-2",
            "BR-FR-CO-10_EXT-FR-FE-69-1", "BR-FR-CO-10_EXT-FR-FE-69-2", "BR-FR-CO-10_EXT-FR-FE-92-1",
            "BR-FR-CO-10_EXT-FR-FE-92-2",
        ],
        appliesTo: isFrench
    ) { context in
        run(&context, cii: FrancePartyRules.cii, ubl: FrancePartyRules.ubl) { _, _ in }
        FranceAddressRules.check(FrenchSource(context), &context)
    }

    /// BR-FR-15, BR-FR-16 (UBL also BR-FR-08_BT-151-2): VAT categories and rates.
    static let franceVAT = RuleGroup(
        name: "BR-FR VAT categories and rates",
        ruleIDs: [
            "BR-FR-08_BT-151-2", "BR-FR-15_BT-118-1", "BR-FR-15_BT-118-2", "BR-FR-15_BT-151-1", "BR-FR-15_BT-95_BT-102",
            "BR-FR-15_BT-95_BT-102-1", "BR-FR-15_BT-95_BT-102-2", "BR-FR-15_BT-95_BT-102_LM", "BR-FR-15_BT-95_BT-118",
            "BR-FR-15_BT-95_BT-118_LM", "BR-FR-15_BT-95_BT-151", "BR-FR-15_BT-95_BT-151_LM", "BR-FR-16_BT-119",
            "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-16_BT-96_BT-103",
        ],
        appliesTo: isFrench
    ) { context in
        run(&context, cii: FranceVATRules.cii, ubl: FranceVATRules.ubl, model: FranceVATRules.check)
    }

    /// BR-FR-17, BR-FR-18, BR-FR-27 … BR-FR-30: attachments, item attributes, sub-invoice references.
    static let franceAttachments = RuleGroup(
        name: "BR-FR attachments and item attributes",
        ruleIDs: [
            "BR-FR-17_BT-123", "BR-FR-18_BT-123", "BR-FR-27_BG-32", "BR-FR-27_BT-160", "BR-FR-27_EXT-FR-FE-159",
            "BR-FR-28-Value", "BR-FR-29_AFL", "BR-FR-29_AVV", "BR-FR-29_BT-18", "BR-FR-30_AFL", "BR-FR-30_AVV",
            "BR-FR-30_BT-128",
        ],
        appliesTo: isFrench
    ) { context in
        run(
            &context, cii: FranceAttachmentRules.cii, ubl: FranceAttachmentRules.ubl, model: FranceAttachmentRules.check
        )
    }

    /// BR-FR-DEC-01 … BR-FR-DEC-04: decimals of amounts, quantities, unit prices and rates.
    static let franceDecimals = RuleGroup(
        name: "BR-FR decimals",
        ruleIDs: [
            "BR-FR-DEC-01_BT-106", "BR-FR-DEC-01_BT-107", "BR-FR-DEC-01_BT-108", "BR-FR-DEC-01_BT-109",
            "BR-FR-DEC-01_BT-110", "BR-FR-DEC-01_BT-112", "BR-FR-DEC-01_BT-113", "BR-FR-DEC-01_BT-114",
            "BR-FR-DEC-01_BT-115", "BR-FR-DEC-01_BT-116", "BR-FR-DEC-01_BT-117", "BR-FR-DEC-01_BT-131",
            "BR-FR-DEC-01_BT-136_BT-141", "BR-FR-DEC-01_BT-137_BT-142", "BR-FR-DEC-01_BT-92_BT-99",
            "BR-FR-DEC-01_BT-93_BT-100", "BR-FR-DEC-02_BT-129", "BR-FR-DEC-02_BT-149", "BR-FR-DEC-03_BT-146",
            "BR-FR-DEC-03_BT-147", "BR-FR-DEC-03_BT-148", "BR-FR-DEC-04_BT-119", "BR-FR-DEC-04_BT-152",
            "BR-FR-DEC-04_BT-96_BT-103",
        ],
        appliesTo: isFrench
    ) { context in
        run(&context, cii: FranceDecimalRules.cii, ubl: FranceDecimalRules.ubl, model: FranceDecimalModelRules.check)
    }

    /// BR-FR-MV-*, BR-FR-BD-*: multi-vendor (S8, B8, M8) and disbursement (S9, B9, M9) invoices.
    static let franceSpecialContracts = RuleGroup(
        name: "BR-FR multi-vendor and disbursement invoices",
        ruleIDs: [
            "BR-FR-BD-02_BT-30", "BR-FR-BD-02_BT-31", "BR-FR-BD-02_BT-47", "BR-FR-BD-02_EXT-FR-FE-163",
            "BR-FR-BD-13_BT-3", "BR-FR-BD-14-EXT-FR-FE-136", "BR-FR-BD-14-EXT-FR-FE-138", "BR-FR-MV-01_EXT-FR-FE-163",
            "BR-FR-MV-02_EXT-FR-FE-163", "BR-FR-MV-03_BT-128_AFL", "BR-FR-MV-03_BT-128_AVV",
            "BR-FR-MV-03_EXT-FR-FE-164",
            "BR-FR-MV-03_EXT-FR-FE-167", "BR-FR-MV-03_EXT-FR-FE-177", "BR-FR-MV-03_EXT-FR-FE-181",
            "BR-FR-MV-03_EXT-FR-FE-182", "BR-FR-MV-05_EXT-FR-FE-BG-12", "BR-FR-MV-06_EXT-FR-FE-167",
            "BR-FR-MV-07_BT-128", "BR-FR-MV-08_BT-128", "BR-FR-MV-09_EXT-FR-FE-181", "BR-FR-MV-10_EXT-FR-FE-184",
            "BR-FR-MV-11_BT-128", "BR-FR-MV-12_BT-128", "BR-FR-MV-13_BT-3", "BR-FR-MV-14-EXT-FR-FE-136",
            "BR-FR-MV-14-EXT-FR-FE-138", "BR-FR-MV-BD_BT-3",
        ],
        appliesTo: isFrench
    ) { context in
        run(&context, cii: FranceSpecialContractCII.checks, ubl: FranceSpecialContractUBL.checks) { invoice, context in
            FranceSpecialContractCII.checkModel(invoice, &context)
        }
    }
}
