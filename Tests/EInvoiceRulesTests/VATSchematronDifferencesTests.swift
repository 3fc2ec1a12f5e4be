import EInvoice
import EInvoiceRules
import EInvoiceSyntax
import Testing

/// Where the CII (Factur-X) and UBL schematrons read the VAT rules differently, our findings follow the
/// schematron of the source syntax.
@Suite("VAT category rules: CII and UBL readings")
struct VATSchematronDifferencesTests {
    @Test("BR-S-08: CII compares exactly, UBL within one unit")
    func standardRatedTaxableTolerance() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("125.75")  // the sums give 125.25
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-S-08"))
        #expect(try !VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-08"))
    }

    @Test("BR-Z-08: CII accepts up to one unit more, UBL compares exactly")
    func zeroRatedTaxableTolerance() throws {
        var invoice = VATFixtures.invoice("Z")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("126.25")  // the sums give 125.25
        #expect(try !VATFixtures.firedIDs(invoice, .cii).contains("BR-Z-08"))
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-Z-08"))
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("124.25")  // −1 is outside (−1 < d ≤ 1)
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-Z-08"))
    }

    @Test("BR-S-08 in CII rounds each sum to cents, half towards positive infinity")
    func ciiRoundsSums() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.lines[0].netAmount = VATFixtures.decimal("100.005")
        invoice.lines[1].netAmount = VATFixtures.decimal("30.25")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("125.26")  // round(130.255) = 130.26 + 5 − 10
        #expect(try !VATFixtures.firedIDs(invoice, .cii).contains("BR-S-08"))
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("125.25")
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-S-08"))
    }

    @Test("BR-AF-05: IGIC at rate 0 fails in CII (> 0) and passes in UBL (>= 0)")
    func igicZeroRate() throws {
        var invoice = VATFixtures.invoice("L")
        invoice.lines[0].vat.rate = 0
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-AF-05"))
        #expect(try !VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-AF-05"))
    }

    @Test("BR-AF-08/09 and BR-AG-08/09 are not tested by the CII schematron")
    func igicAmountsNotTestedInCII() throws {
        for code in ["L", "M"] {
            var invoice = VATFixtures.invoice(code)
            invoice.vatBreakdown[0].taxableAmount = 999
            invoice.vatBreakdown[0].taxAmount = 99
            let ids = code == "L" ? ["BR-AF-08", "BR-AF-09"] : ["BR-AG-08", "BR-AG-09"]
            #expect(try VATFixtures.firedIDs(invoice, .cii).isDisjoint(with: ids))
            #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).isSuperset(of: ids))
        }
    }

    @Test("One unit of difference is decided by the schematrons' binary doubles")
    func doubleNoiseAtOneUnit() throws {
        // UBL: xs:decimal(147.00 + 1) is 148 exactly, xs:decimal(184.23 - 1) is 183.229999…
        var invoice = VATFixtures.invoice("S")
        invoice.lines = [invoice.lines[0]]
        invoice.allowances = []
        invoice.charges = []
        invoice.lines[0].netAmount = VATFixtures.decimal("183.23")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("184.23")
        invoice.vatBreakdown[0].taxAmount = VATFixtures.decimal("36.85")
        #expect(try !VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-08"))
        invoice.lines[0].netAmount = VATFixtures.decimal("146.00")
        invoice.vatBreakdown[0].taxableAmount = VATFixtures.decimal("147.00")
        invoice.vatBreakdown[0].taxAmount = VATFixtures.decimal("29.40")
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-08"))
    }

    @Test("A BASIC or EXTENDED CII invoice reports only the VAT rules its profile's schematron states")
    func profileScope() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.vatBreakdown[0].taxableAmount = 999
        invoice.processControl.specificationIdentifier = FacturXProfile.extended.guidelineID
        #expect(try !VATFixtures.firedIDs(invoice, .cii).contains("BR-S-08"))
        invoice.lines[0].vat.rate = 0
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-S-05"))
        invoice.processControl.specificationIdentifier = FacturXProfile.basic.guidelineID
        #expect(try VATFixtures.firedIDs(invoice, .cii).isEmpty)
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).isSuperset(of: ["BR-S-05", "BR-S-08"]))
    }

    @Test("BR-S-01: two S lines without breakdown pass the CII count, not UBL")
    func standardRatedPresenceCount() throws {
        var invoice = VATFixtures.invoice("S")
        invoice.vatBreakdown = []
        #expect(try !VATFixtures.firedIDs(invoice, .cii).contains("BR-S-01"))
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-S-01"))
    }

    @Test("BR-O-01: O lines without an O breakdown pass in CII, not in UBL")
    func notSubjectPresence() throws {
        var invoice = VATFixtures.invoice("O")
        invoice.vatBreakdown = []
        #expect(try !VATFixtures.firedIDs(invoice, .cii).contains("BR-O-01"))
        #expect(try VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-O-01"))
    }

    @Test("BR-O-11 to 14: CII fires them in pairs, UBL one by one")
    func notSubjectOnlyPairs() throws {
        var invoice = VATFixtures.invoice("O")
        invoice.lines[0].vat = LineVATInformation(categoryCode: "S", rate: 20)
        let cii = try VATFixtures.firedIDs(invoice, .cii)
        let ubl = try VATFixtures.firedIDs(invoice, .ublInvoice)
        #expect(cii.isSuperset(of: ["BR-O-11", "BR-O-12"]) && !cii.contains("BR-O-13"))
        #expect(ubl.contains("BR-O-12") && !ubl.contains("BR-O-11"))
    }

    @Test("BR-IC-11: the UBL schematron also accepts a VAT point date code")
    func intraCommunityDateCode() throws {
        var invoice = VATFixtures.invoice("K")
        invoice.delivery?.actualDeliveryDate = nil
        invoice.taxPointDateCode = "35"
        #expect(try VATFixtures.firedIDs(invoice, .cii).contains("BR-IC-11"))
        #expect(try !VATFixtures.firedIDs(invoice, .ublInvoice).contains("BR-IC-11"))
    }
}
