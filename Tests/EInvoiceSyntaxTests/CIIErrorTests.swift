import EInvoice
import EInvoiceSyntax
import Testing

/// Small hand-written CII documents for error and edge cases.
enum CIISamples {
    /// A one-line invoice laid out one element per line, so tests can name the line of each value.
    static func minimal(
        documentExtra: String = "", issueDate: String = "20240131", lineAmount: String = "100.00",
        rate: String = "20", indicator: String = "false"
    ) -> String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100" \
        xmlns:ram="urn:un:unece:uncefact:data:standard:ReusableAggregateBusinessInformationEntity:100" \
        xmlns:udt="urn:un:unece:uncefact:data:standard:UnqualifiedDataType:100">
        <rsm:ExchangedDocumentContext>
        <ram:GuidelineSpecifiedDocumentContextParameter><ram:ID>urn:cen.eu:en16931:2017</ram:ID></ram:GuidelineSpecifiedDocumentContextParameter>
        </rsm:ExchangedDocumentContext>
        <rsm:ExchangedDocument>
        <ram:ID>INV-1</ram:ID>
        <ram:TypeCode>380</ram:TypeCode>
        <ram:IssueDateTime><udt:DateTimeString format="102">\(issueDate)</udt:DateTimeString></ram:IssueDateTime>\(documentExtra)
        </rsm:ExchangedDocument>
        <rsm:SupplyChainTradeTransaction>
        <ram:IncludedSupplyChainTradeLineItem>
        <ram:AssociatedDocumentLineDocument><ram:LineID>1</ram:LineID></ram:AssociatedDocumentLineDocument>
        <ram:SpecifiedTradeProduct><ram:Name>Item</ram:Name></ram:SpecifiedTradeProduct>
        <ram:SpecifiedLineTradeAgreement><ram:NetPriceProductTradePrice><ram:ChargeAmount>100.00</ram:ChargeAmount></ram:NetPriceProductTradePrice></ram:SpecifiedLineTradeAgreement>
        <ram:SpecifiedLineTradeDelivery><ram:BilledQuantity unitCode="C62">1</ram:BilledQuantity></ram:SpecifiedLineTradeDelivery>
        <ram:SpecifiedLineTradeSettlement>
        <ram:ApplicableTradeTax><ram:TypeCode>VAT</ram:TypeCode><ram:CategoryCode>S</ram:CategoryCode><ram:RateApplicablePercent>\(rate)</ram:RateApplicablePercent></ram:ApplicableTradeTax>
        <ram:SpecifiedTradeSettlementLineMonetarySummation>
          <ram:LineTotalAmount>\(lineAmount)</ram:LineTotalAmount>
        </ram:SpecifiedTradeSettlementLineMonetarySummation>
        </ram:SpecifiedLineTradeSettlement>
        </ram:IncludedSupplyChainTradeLineItem>
        <ram:ApplicableHeaderTradeAgreement>
        <ram:SellerTradeParty><ram:Name>Seller</ram:Name></ram:SellerTradeParty>
        <ram:BuyerTradeParty><ram:Name>Buyer</ram:Name></ram:BuyerTradeParty>
        </ram:ApplicableHeaderTradeAgreement>
        <ram:ApplicableHeaderTradeDelivery/>
        <ram:ApplicableHeaderTradeSettlement>
        <ram:InvoiceCurrencyCode>EUR</ram:InvoiceCurrencyCode>
        <ram:SpecifiedTradeAllowanceCharge>
          <ram:ChargeIndicator><udt:Indicator>\(indicator)</udt:Indicator></ram:ChargeIndicator>
          <ram:ActualAmount>5.00</ram:ActualAmount>
        </ram:SpecifiedTradeAllowanceCharge>
        </ram:ApplicableHeaderTradeSettlement>
        </rsm:SupplyChainTradeTransaction>
        </rsm:CrossIndustryInvoice>
        """
    }

    /// 1-based line and column of the first `needle` in `xml`.
    static func position(of needle: String, in xml: String) -> (line: Int, column: Int)? {
        for (number, text) in xml.components(separatedBy: "\n").enumerated() {
            if let range = text.range(of: needle) {
                return (number + 1, text.distance(from: text.startIndex, to: range.lowerBound) + 1)
            }
        }
        return nil
    }

    static func readError(_ xml: String) throws -> InvoiceReadError? {
        let tree = try SafeXMLParser().parse(xml)
        do {
            _ = try CIIReader().read(tree)
            return nil
        } catch {
            return error
        }
    }
}

@Suite("CII reader errors name the term and its place")
struct CIIErrorTests {
    @Test("the sample reads without error")
    func sampleReads() throws {
        let parsed = try CIIReader().read(try SafeXMLParser().parse(CIISamples.minimal()))
        #expect(parsed.invoice.lines.first?.netAmount == ExactDecimal(100))
        #expect(parsed.invoice.allowances.first?.amount == ExactDecimal(5))
        #expect(parsed.notCarried.isEmpty)
    }

    @Test("a line net amount with a comma names BT-131, its line, column and XPath")
    func badAmount() throws {
        let xml = CIISamples.minimal(lineAmount: "12,5")
        let error = try #require(try CIISamples.readError(xml))
        let place = try #require(CIISamples.position(of: "<ram:LineTotalAmount>", in: xml))
        #expect(error.message.hasPrefix("BT-131 Invoice line net amount (BG-25[0]/BT-131): '12,5' is not a number"))
        #expect(error.message.contains("unexpected character ','"))
        #expect(error.line == place.line)
        #expect(error.column == place.column)
        #expect(place.column == 3)
        #expect(
            error.xpath
                == "/rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem"
                + "/ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation/ram:LineTotalAmount"
        )
        #expect(error.description.hasPrefix("line \(place.line), column 3: BT-131"))
    }

    @Test("an impossible issue date names BT-2")
    func badDate() throws {
        let xml = CIISamples.minimal(issueDate: "20241301")
        let error = try #require(try CIISamples.readError(xml))
        let place = try #require(CIISamples.position(of: "<udt:DateTimeString", in: xml))
        #expect(error.message == "BT-2 Invoice issue date: '20241301' is not a date in format 102 (YYYYMMDD)")
        #expect((error.line, error.column) == place)
        #expect(error.xpath?.hasSuffix("ram:IssueDateTime/udt:DateTimeString") == true)
    }

    @Test("an ISO date is refused in a format 102 field")
    func isoDate() throws {
        let error = try #require(try CIISamples.readError(CIISamples.minimal(issueDate: "2024-01-31")))
        #expect(error.message.contains("'2024-01-31' is not a date in format 102"))
    }

    @Test("an empty rate names BT-152")
    func emptyRate() throws {
        let xml = CIISamples.minimal(rate: "")
        let error = try #require(try CIISamples.readError(xml))
        #expect(error.message.hasPrefix("BT-152 Invoiced item VAT rate (BG-25[0]/BG-30/BT-152): '' is not a number"))
        #expect(error.line == CIISamples.position(of: "<ram:RateApplicablePercent>", in: xml)?.line)
    }

    @Test("a charge indicator that is not a boolean is refused")
    func badIndicator() throws {
        let xml = CIISamples.minimal(indicator: "yes")
        let error = try #require(try CIISamples.readError(xml))
        #expect(error.message.contains("'yes' is not an indicator"))
        #expect(error.line == CIISamples.position(of: "<udt:Indicator>", in: xml)?.line)
    }
}
