/// The BR-FR rules the official schematron (FNFE-MPE 1.4.0, run with SaxonC-HE) fires on the corpus files,
/// recorded with the oracle (`oracle.py --rules fr`). Paths are relative to the shared corpus.
enum FranceCorpusExpectations {
    static let fired: [String: [String]] = [
        "en16931/cii/CII-BR-CO-10-RoundingIssue.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "en16931/cii/CII_business_example_01.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_business_example_02.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-07_BT-9"
        ],
        "en16931/cii/CII_business_example_Z.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "en16931/cii/CII_example1.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "en16931/cii/CII_example2.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_example3.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_example4.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_example5.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96_BT-103", "BR-FR-17_BT-123"
        ],
        "en16931/cii/CII_example6.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_example7.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-CO-12_BT-5"
        ],
        "en16931/cii/CII_example8.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-DEC-02_BT-149"
        ],
        "en16931/cii/CII_example9.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "en16931/cii/XRechnung-O.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-16_BT-119", "BR-FR-CO-07_BT-9", "BR-FR-DEC-04_BT-119"
        ],
        "en16931/cii/huf_example_cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-12_BT-5", "BR-FR-DEC-02_BT-129", "BR-FR-DEC-02_BT-149"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-DataIT.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Elhandel.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Elnat.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Factoring.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Forskott_(ej moms).xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Forskott_slutreglering.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Hyrbil.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Inkopskort.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-InomstatligFakturering.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Kreditering_(urspr_faktura).xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Kreditering_med_kreditnota.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-96", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Kreditering_med_negativ_faktura.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-CO-12_BT-5", "BR-FR-DEC-01_BT-114"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-OmvandSkattskyldighet.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Rabatter_och_avgifter.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Rantefaktura_Enkel.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Rantefaktura_Saml.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Resor_Bokning.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Resor_Taxi.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Telefoni.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Tjanster_Bevakning.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Tjanster_Kopiering.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/BIS_Billing_30-Valutor i faktura.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/CreditNote-Max_content.xml": [
            "BR-FR-01_BT-25-2", "BR-FR-02_BT-25", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-17_BT-123", "BR-FR-CO-10_BT-29-1"
        ],
        "en16931/ubl-testfiles/CreditNote-Min_content_with_VAT.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-CO-05_BT-3", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/CreditNote-Min_content_without_VAT.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-05_BT-3", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/Invoice-Max_content.xml": [
            "BR-FR-01_BT-25-2", "BR-FR-02_BT-25", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123",
            "BR-FR-CO-10_BT-29-1"
        ],
        "en16931/ubl-testfiles/Invoice-Min_content_with_VAT.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/Invoice-Min_content_without_VAT.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl-testfiles/ubl-tc434-test-1.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/BIS3_Invoice_negativ.XML": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/BIS3_Invoice_positive.XML": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/FT G2G_TD01 con Allegato, Bonifico e Split Payment.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-15_BT-118-1", "BR-FR-15_BT-151-1", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "en16931/ubl/guide-example1.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "en16931/ubl/guide-example2.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/guide-example3.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/issue116.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/sample-discount-price.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119",
            "BR-FR-16_BT-152", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-46-1"
        ],
        "en16931/ubl/ubl-tc434-creditnote1.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-CO-05_BT-3"
        ],
        "en16931/ubl/ubl-tc434-example1.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "en16931/ubl/ubl-tc434-example10.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "en16931/ubl/ubl-tc434-example2.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-17_BT-123", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/ubl-tc434-example3.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/ubl-tc434-example4.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/ubl-tc434-example5.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-17_BT-123", "BR-FR-CO-10_BT-60-1",
            "BR-FR-CO-10_BT-71-1"
        ],
        "en16931/ubl/ubl-tc434-example6.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/ubl-tc434-example7.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-12_BT-5"
        ],
        "en16931/ubl/ubl-tc434-example8.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123",
            "BR-FR-CO-10_BT-46-1"
        ],
        "en16931/ubl/ubl-tc434-example9.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_1_Teilrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_2_Teilrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_AbweichenderZahlungsempf.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Betriebskostenabrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Einfach.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Einfach_DueDate.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Einfach_negativePaymentDue.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Elektron.cii.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_ElektronischeAdresse.cii.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Gutschrift.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Haftpflichtversicherung_Versicherungssteuer.cii.xml": [
            "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Innergemeinschaftliche_Lieferungen.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Kraftfahrversicherung_Bruttopreise.cii.xml": [
            "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Miete.cii.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_OEPNV.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Physiotherapeut.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Rabatte.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_RechnungsUebertragung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Rechnungskorrektur.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-04_BT-4"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Reisekostenabrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_SEPA_Prenotification.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/EN16931_Sachversicherung_berechneter_Steuersatz.cii.xml": [
            "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/CII/XRECHNUNG_Betriebskostenabrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/CII/XRECHNUNG_Einfach.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/XML-Rechnung/CII/XRECHNUNG_Elektron.cii.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/CII/XRECHNUNG_Reisekostenabrechnung.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/CII/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.cii.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96_BT-103", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_1_Teilrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_2_Teilrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_AbweichenderZahlungsempf.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1",
            "BR-FR-CO-10_BT-60-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Betriebskostenabrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Einfach.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Einfach_DueDate.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Einfach_negativePaymentDue.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Elektron.ubl.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_ElektronischeAdresse.ubl.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Gutschrift.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Haftpflichtversicherung_Versicherungssteuer.ubl.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2",
            "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34",
            "BR-FR-CO-10_BT-29-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Innergemeinschaftliche_Lieferungen.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-46-1",
            "BR-FR-CO-10_BT-71-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Kraftfahrversicherung_Bruttopreise.ubl.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2",
            "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34",
            "BR-FR-CO-10_BT-29-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Miete.ubl.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_OEPNV.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-CO-10_BT-29-1", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Physiotherapeut.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Rabatte.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_RechnungsUebertragung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Rechnungskorrektur.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96",
            "BR-FR-CO-04_BT-3", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Reisekostenabrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_SEPA_Prenotification.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/EN16931_Sachversicherung_berechneter_Steuersatz.ubl.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2",
            "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/XML-Rechnung/UBL/XRECHNUNG_Betriebskostenabrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/UBL/XRECHNUNG_Einfach.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/XRECHNUNG_Elektron.ubl.xml": [
            "BR-FR-04_BT-3", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/XRECHNUNG_Reisekostenabrechnung.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-17_BT-123", "BR-FR-CO-10_BT-46-1"
        ],
        "zugferd/XML-Rechnung/UBL/not_validating_full_invoice_based_onTest_EeISI_300_CENfullmodel.ubl.xml": [
            "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3", "BR-FR-08_BT-23", "BR-FR-10_BT-30",
            "BR-FR-16_BT-119", "BR-FR-16_BT-152", "BR-FR-16_BT-96", "BR-FR-17_BT-123"
        ],
        "zugferd/XML-Rechnung/UBL/ubl-tc434-creditnote1.xml": [
            "BR-FR-01_BT-1-2", "BR-FR-02_BT-1", "BR-FR-05_BT-22-1", "BR-FR-05_BT-22-2", "BR-FR-05_BT-22-3",
            "BR-FR-08_BT-23", "BR-FR-10_BT-30", "BR-FR-CO-05_BT-3"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/hate1.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-XR-Edge.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-17_BT-123"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-XR.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushAllowances.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushChargesAllowances.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-12_BT-5"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushCorrection.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-04_BT-4"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushCreditNote.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-CO-05_BT-3"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushEdge.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-12_BT-5"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushItemChargesAllowances.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushRelativeChargesAllowances.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103", "BR-FR-CO-12_BT-5"
        ],
        "zugferd/ZUGFeRDv2/correct/Mustangproject/testout-ZF2PushReverseCharge.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34"
        ],
        "zugferd/ZUGFeRDv2/correct/xml/ZUGFeRD-invoice_rabatte_3_abschlag_duepayableamount.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103"
        ],
        "zugferd/ZUGFeRDv2/correct/xml/ZUGFeRD-invoice_rabatte_4_abschlag_taxbasistotalamount.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152",
            "BR-FR-16_BT-96_BT-103"
        ],
        "zugferd/ZUGFeRDv2/fail/Mustangproject/noNetPriceValidation.xml": [
            "BR-FR-05_BT-22_AAB", "BR-FR-05_BT-22_PMD", "BR-FR-05_BT-22_PMT", "BR-FR-08_BT-23",
            "BR-FR-10_BT-30", "BR-FR-12_BT-49", "BR-FR-13_BT-34", "BR-FR-16_BT-119", "BR-FR-16_BT-152"
        ],
    ]
}
