import EInvoice
import EInvoiceSyntax
import Testing

@testable import EInvoiceRules

/// Official tests that run once per source element where the model holds a term once: the rules read these
/// documents through the real readers, as the CLI does.
@Suite("Core rules on what the source says")
struct CoreSourceTests {
    static func ruleIDs(_ xml: String) throws -> Set<String> {
        let parsed = try InvoiceDocumentReader().read(bytes: Array(xml.utf8))
        return Set(Validator(groups: CoreFixture.groups).validate(parsed).map(\.ruleID))
    }

    static func findings(_ xml: String, _ ruleID: String) throws -> [Finding] {
        let parsed = try InvoiceDocumentReader().read(bytes: Array(xml.utf8))
        return Validator(groups: CoreFixture.groups).validate(parsed).filter { $0.ruleID == ruleID }
    }

    /// A CII fragment like the test sets of the official artefacts: only the currencies and the totals.
    static func ciiTotals(_ taxTotals: String, currency: String = "DKK", grandTotal: String = "4675.00") -> String {
        """
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" \
        xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100">
        <rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeSettlement>
        <ram:InvoiceCurrencyCode>\(currency)</ram:InvoiceCurrencyCode>
        <ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        <ram:TaxBasisTotalAmount>4000.00</ram:TaxBasisTotalAmount>\(taxTotals)
        <ram:GrandTotalAmount>\(grandTotal)</ram:GrandTotalAmount>
        <ram:DuePayableAmount>\(grandTotal)</ram:DuePayableAmount>
        </ram:SpecifiedTradeSettlementHeaderMonetarySummation>
        </ram:ApplicableHeaderTradeSettlement></rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """
    }

    /// A UBL fragment: the currency, the VAT totals, the document totals and what comes in `extra`.
    static func ublTotals(_ taxTotals: String, currency: String = "EUR", extra: String = "") -> String {
        """
        <Invoice xmlns="urn:oasis:names:specification:ubl:schema:xsd:Invoice-2" \
        xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2" \
        xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2">
        <cbc:DocumentCurrencyCode>\(currency)</cbc:DocumentCurrencyCode>\(extra)\(taxTotals)
        <cac:LegalMonetaryTotal>
        <cbc:TaxExclusiveAmount currencyID="EUR">100.00</cbc:TaxExclusiveAmount>
        <cbc:TaxInclusiveAmount currencyID="EUR">120.00</cbc:TaxInclusiveAmount>
        <cbc:PayableAmount currencyID="EUR">120.00</cbc:PayableAmount>
        </cac:LegalMonetaryTotal>
        </Invoice>
        """
    }

    static let ublTaxTotal = """
        <cac:TaxTotal><cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount>
        <cac:TaxSubtotal><cbc:TaxableAmount currencyID="EUR">100.00</cbc:TaxableAmount>
        <cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount>
        <cac:TaxCategory><cbc:ID>S</cbc:ID><cbc:Percent>20</cbc:Percent></cac:TaxCategory></cac:TaxSubtotal>
        </cac:TaxTotal>
        """

    @Test("BR-CO-26 runs on the seller party element: a fragment without one is not checked")
    func sellerIdentificationNeedsTheSellerElement() throws {
        let noSeller = Self.ciiTotals(#"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#)
        #expect(!(try Self.ruleIDs(noSeller)).contains("BR-CO-26"))
        #expect(try Self.ruleIDs(noSeller).isSuperset(of: ["BR-06", "BR-08", "BR-09"]))
        let anonymousSeller = noSeller.replacingOccurrences(
            of: "<rsm:SupplyChainTradeTransaction>",
            with: "<rsm:SupplyChainTradeTransaction><ram:ApplicableHeaderTradeAgreement><ram:SellerTradeParty>"
                + "<ram:Name>Seller</ram:Name></ram:SellerTradeParty></ram:ApplicableHeaderTradeAgreement>")
        #expect(try Self.ruleIDs(anonymousSeller).contains("BR-CO-26"))
        let ublNoSupplier = Self.ublTotals(Self.ublTaxTotal)
        #expect(!(try Self.ruleIDs(ublNoSupplier)).contains("BR-CO-26"))
        let ublEmptySupplier = Self.ublTotals(Self.ublTaxTotal, extra: "<cac:AccountingSupplierParty/>")
        #expect(try Self.ruleIDs(ublEmptySupplier).contains("BR-CO-26"))
    }

    @Test("BR-CO-15 counts the VAT totals whose currencyID is the invoice currency: exactly one is wanted")
    func vatTotalsSelectedByCurrency() throws {
        let one = Self.ciiTotals(
            #"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#
                + #"<ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>"#)
        #expect(!(try Self.ruleIDs(one)).contains("BR-CO-15"))
        // The second one in DKK: the reader keeps the first as BT-110, the official test counts two.
        let two = Self.ciiTotals(
            #"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#
                + #"<ram:TaxTotalAmount currencyID="DKK">679.00</ram:TaxTotalAmount>"#)
        #expect(try Self.ruleIDs(two).contains("BR-CO-15"))
        let otherCurrency = Self.ciiTotals(#"<ram:TaxTotalAmount currencyID="EUR">675.00</ram:TaxTotalAmount>"#)
        #expect(try Self.ruleIDs(otherCurrency).contains("BR-CO-15"))
        // Without currencyID the amount is read as BT-110 but does not count.
        let noCurrency = Self.ciiTotals("<ram:TaxTotalAmount>675.00</ram:TaxTotalAmount>")
        #expect(try Self.ruleIDs(noCurrency).contains("BR-CO-15"))
        // CII accepts BT-112 = BT-109 whatever the VAT totals.
        let noVAT = Self.ciiTotals(
            #"<ram:TaxTotalAmount currencyID="EUR">675.00</ram:TaxTotalAmount>"#, grandTotal: "4000.00")
        #expect(!(try Self.ruleIDs(noVAT)).contains("BR-CO-15"))
        let ubl = Self.ublTotals(Self.ublTaxTotal)
        #expect(!(try Self.ruleIDs(ubl)).contains("BR-CO-15"))
        #expect(try Self.ruleIDs(Self.ublTotals(Self.ublTaxTotal, currency: "USD")).contains("BR-CO-15"))
    }

    @Test("BR-53 with a VAT accounting currency equal to the invoice currency leaves BR-CO-15 to the currencyIDs")
    func accountingCurrencyEqualToInvoiceCurrency() throws {
        let sameCode = Self.ciiTotals(
            #"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#
                + #"<ram:TaxTotalAmount currencyID="EUR">628.62</ram:TaxTotalAmount>"#
        ).replacingOccurrences(
            of: "<ram:InvoiceCurrencyCode>", with: "<ram:TaxCurrencyCode>DKK</ram:TaxCurrencyCode><ram:InvoiceCurrencyCode>")
        let fired = try Self.ruleIDs(sameCode)
        #expect(fired.contains("BR-53"))
        #expect(!fired.contains("BR-CO-15"))
    }

    @Test("BR-CO-14: CII checks every VAT total in the invoice currency, UBL every cac:TaxTotal with subtotals")
    func vatTotalAgainstBreakdown() throws {
        let breakdown = """
            <ram:ApplicableTradeTax><ram:CalculatedAmount>675.00</ram:CalculatedAmount><ram:TypeCode>VAT</ram:TypeCode>\
            <ram:BasisAmount>4000.00</ram:BasisAmount><ram:CategoryCode>S</ram:CategoryCode>\
            <ram:RateApplicablePercent>16.875</ram:RateApplicablePercent></ram:ApplicableTradeTax>
            """
        func cii(_ totals: String) -> String {
            Self.ciiTotals(totals).replacingOccurrences(
                of: "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
                with: breakdown + "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>")
        }
        let secondWrong = cii(
            #"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#
                + #"<ram:TaxTotalAmount currencyID="DKK">679.00</ram:TaxTotalAmount>"#)
        let findings = try Self.findings(secondWrong, "BR-CO-14")
        #expect(findings.count == 1)
        #expect(findings.first?.location?.xpath.hasSuffix("ram:TaxTotalAmount[2]") == true)
        // A VAT total in another currency is not BT-110 for the official test.
        let otherCurrency = cii(#"<ram:TaxTotalAmount currencyID="EUR">600.00</ram:TaxTotalAmount>"#)
        #expect(!(try Self.ruleIDs(otherCurrency)).contains("BR-CO-14"))
        // UBL: a cac:TaxTotal with subtotals needs its tax amount.
        let noAmount = Self.ublTaxTotal.replacingOccurrences(
            of: #"<cac:TaxTotal><cbc:TaxAmount currencyID="EUR">20.00</cbc:TaxAmount>"#, with: "<cac:TaxTotal>")
        #expect(noAmount != Self.ublTaxTotal)
        #expect(try Self.ruleIDs(Self.ublTotals(noAmount)).isSuperset(of: ["BR-CO-14", "BR-CO-15"]))
        #expect(!(try Self.ruleIDs(Self.ublTotals(Self.ublTaxTotal))).contains("BR-CO-14"))
    }

    @Test("BR-49 runs on each payment means element, even where the model took BT-81 from another one")
    func everyPaymentMeansNeedsItsCode() throws {
        let means = """
            <ram:SpecifiedTradeSettlementPaymentMeans><ram:TypeCode>30</ram:TypeCode>\
            <ram:PayeePartyCreditorFinancialAccount><ram:IBANID>DK5000400440116243</ram:IBANID>\
            </ram:PayeePartyCreditorFinancialAccount></ram:SpecifiedTradeSettlementPaymentMeans>
            """
        let withoutCode = means.replacingOccurrences(of: "<ram:TypeCode>30</ram:TypeCode>", with: "")
        let emptyCode = means.replacingOccurrences(of: "30", with: "")
        func cii(_ paymentMeans: String) -> String {
            Self.ciiTotals(#"<ram:TaxTotalAmount currencyID="DKK">675.00</ram:TaxTotalAmount>"#)
                .replacingOccurrences(
                    of: "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>",
                    with: paymentMeans + "<ram:SpecifiedTradeSettlementHeaderMonetarySummation>")
        }
        #expect(try Self.findings(cii(withoutCode + means), "BR-49").count == 1)
        let second = try Self.findings(cii(means + withoutCode), "BR-49")
        #expect(second.count == 1)
        #expect(second.first?.location?.xpath.hasSuffix("ram:SpecifiedTradeSettlementPaymentMeans[2]") == true)
        #expect(try Self.findings(cii(means + means), "BR-49").isEmpty)
        // The official test wants the element, empty or not.
        #expect(try Self.findings(cii(emptyCode), "BR-49").isEmpty)
        let ubl = Self.ublTotals(
            Self.ublTaxTotal,
            extra: "<cac:PaymentMeans><cbc:PaymentMeansCode>58</cbc:PaymentMeansCode></cac:PaymentMeans>"
                + "<cac:PaymentMeans><cbc:PaymentID>REF</cbc:PaymentID></cac:PaymentMeans>")
        #expect(try Self.findings(ubl, "BR-49").count == 1)
    }

    @Test("BR-CO-19 on UBL: an empty cac:InvoicePeriod is an empty invoicing period")
    func emptyUBLInvoicePeriod() throws {
        let empty = Self.ublTotals(Self.ublTaxTotal, extra: "<cac:InvoicePeriod></cac:InvoicePeriod>")
        #expect(try Self.ruleIDs(empty).contains("BR-CO-19"))
        let codeOnly = Self.ublTotals(
            Self.ublTaxTotal, extra: "<cac:InvoicePeriod><cbc:DescriptionCode>35</cbc:DescriptionCode></cac:InvoicePeriod>")
        #expect(!(try Self.ruleIDs(codeOnly)).contains("BR-CO-19"))
    }
}
