import FacturX
import Foundation
import Testing

/// Each PDF of ZUGFeRDv2/fail, with the structural errors the checker must report. Files whose defect is in
/// the XML only are listed with no structural error; the conformance test (conformance/test_pdf_extract.py)
/// checks the XML rule ids of `passerelle validate` for every file.
@Suite("Verdicts on ZUGFeRDv2/fail")
struct FailVerdictTests {
    static let expected: [String: Set<String>] = [
        // Guideline id in a draft spelling (urn:cen.eu:en16931:2017:compliant:factur-x.eu:1p0:basic), which the
        // official schematron rejects (FX-SCH-A-000026).
        "FNFE-factur-x-examples/Avoir_FR_type380_BASIC.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        "FNFE-factur-x-examples/Facture_DOM_BASIC.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        "FNFE-factur-x-examples/Facture_FR_BASIC.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        "FNFE-factur-x-examples/Facture_UE_BASIC.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        // …:1p0:extended in the draft spelling (the official schematron: FX-SCH-A-000556).
        "MustangRE-20171118_506_ZUGFeRD1and2.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        "Mustangproject/MustangGnuaccountingBeispielRE-20171118_506.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        // The XML declares encoding="UTF-8 without its closing quote: not well-formed.
        "Mustangproject/factur-x-invalid-xml-encoding-attribute.pdf": ["FX-XML-UNREADABLE"],
        // No binary comment, no /ID, no output intent yet a DeviceRGB image, XMP without packet wrapper and
        // without /Type /Metadata /Subtype /XML, the names tree and /AF point at two different file specs,
        // and the draft BASIC guideline id.
        "python-factur-x/python-factur-x.pdf": [
            "PDFA-HEADER-BINARY-COMMENT", "PDFA-TRAILER-ID-MISSING", "PDFA-OUTPUTINTENT-MISSING", "PDFA-XMP-PACKETS",
            "PDFA-XMP-STREAM-TYPE", "FX-AF-NOT-REFERENCED", "FX-XML-GUIDELINE-LEGACY",
        ],
        // Structurally sound; the defect is in the XML (rule ids checked by the conformance test):
        // BR-IC-11 (intra-community supply without delivery date or period).
        "FNFE-factur-x-examples/Facture_UE_EN16931.pdf": [],
        // FX-SCH-A-000581 (seller electronic address scheme), and the same unqualified <BuyerReference>.
        "Mustangproject/MustangGnuaccountingBeispielRE-20190610_507b.pdf": ["FX-XML-ELEMENT-WITHOUT-NAMESPACE"],
        // BR-S-02, FX-SCH-A-000612/000613.
        "ZUGFeRD_2.0_fully_compliant_complete.pdf": [],
        // An unqualified <BuyerReference> (and FX-SCH-A-000581 for 507b, checked by the conformance test).
        "Mustangproject/MustangGnuaccountingBeispielRE-20190610_507a.pdf": ["FX-XML-ELEMENT-WITHOUT-NAMESPACE"],
        // Invalid against the Factur-X XSD only (no schematron rule fires): ram:InvoiceReferencedDocument is not
        // part of MINIMUM. The rules validator reports it (PX-FX-ELEMENT, checked by the conformance test).
        "FNFE-factur-x-examples/Avoir_FR_type380_MINIMUM.pdf": [],
        "FNFE-factur-x-examples/Avoir_FR_type381_MINIMUM.pdf": [],
        // No defect found by the official schematron, the XSD or this checker; only the recommendation
        // FX-AFRELATIONSHIP-PROFILE (EN 16931 embedded as /Data rather than /Alternative) is reported.
        "FNFE-factur-x-examples/Avoir_FR_type380_EN16931.pdf": [],
        "FNFE-factur-x-examples/Avoir_FR_type381_EN16931.pdf": [],
        "FNFE-factur-x-examples/Facture_DOM_EN16931.pdf": [],
        "FNFE-factur-x-examples/Facture_FR_EN16931.pdf": [],
        "FNFE-factur-x-examples/Avoir_FR_type381_BASICWL.pdf": [],
        "ZUGFeRD_2_fully_compliant_complete.pdf": [],
    ]

    @Test func everyFailFileHasItsVerdict() throws {
        let folder = "zugferd/ZUGFeRDv2/fail"
        let files = try PDFCorpus.pdfs(under: folder)
        #expect(files.count == Self.expected.count)
        for url in files {
            let name = url.path.components(separatedBy: folder + "/").last ?? url.lastPathComponent
            guard let expected = Self.expected[name] else {
                Issue.record("\(name) has no expected verdict")
                continue
            }
            let report = FacturXChecker().check(pdf: try PDFCorpus.bytes(url))
            let errors = Set(report.findings.filter { $0.severity == .error }.map(\.id))
            #expect(errors == expected, "\(name): \(report.findings)")
        }
    }

    /// The structural errors found in ZUGFeRDv2/correct, each checked by hand: the four intarsys ZUGFeRD 2.0
    /// files paint with device colours and have no output intent; one FNFE file has the draft BASIC
    /// guideline id the official schematron rejects (FX-SCH-A-000026). Every other correct file has none.
    @Test func correctFilesHaveOnlyTheKnownStructuralErrors() throws {
        let known: [String: Set<String>] = [
            "zugferd_2p0_BASIC_Einfach.pdf": ["PDFA-OUTPUTINTENT-MISSING"],
            "zugferd_2p0_BASIC_Rechnungskorrektur.pdf": ["PDFA-OUTPUTINTENT-MISSING"],
            "zugferd_2p0_BASIC_Taxifahrt.pdf": ["PDFA-OUTPUTINTENT-MISSING"],
            "zugferd_2p0_MINIMUM.pdf": ["PDFA-OUTPUTINTENT-MISSING"],
            "Avoir_FR_type381_BASIC.pdf": ["FX-XML-GUIDELINE-LEGACY"],
        ]
        for url in try PDFCorpus.pdfs(under: "zugferd/ZUGFeRDv2/correct") {
            let report = FacturXChecker().check(pdf: try PDFCorpus.bytes(url))
            let errors = Set(report.findings.filter { $0.severity == .error }.map(\.id))
            #expect(errors == known[url.lastPathComponent] ?? [], "\(url.lastPathComponent): \(report.findings)")
        }
    }
}
