import EInvoice
import EInvoiceSyntax
import Testing

@testable import EInvoiceRules

private let d = CoreFixture.d

/// Where the official CII and UBL tests of a rule differ, the rules follow the artefact of the syntax the
/// invoice was read from.
@Suite("Core rules follow each official artefact")
struct CoreArtefactTests {
    @Test("BR-09, BR-11, BR-20: CII also fires the country rule when the address is missing")
    func countryWithoutAddress() {
        let noSellerAddress = CoreFixture.invoice { $0.seller.postalAddress = nil }
        #expect(CoreFixture.ruleIDs(noSellerAddress, syntax: .cii) == ["BR-08", "BR-09"])
        #expect(CoreFixture.ruleIDs(noSellerAddress, syntax: .ublInvoice) == ["BR-08"])
        let noBuyerAddress = CoreFixture.invoice { $0.buyer.postalAddress = nil }
        #expect(CoreFixture.ruleIDs(noBuyerAddress, syntax: .cii) == ["BR-10", "BR-11"])
        let representative = CoreFixture.invoice {
            $0.sellerTaxRepresentative = TaxRepresentative(name: "Rep", vatIdentifier: "BE0123456749")
        }
        #expect(CoreFixture.ruleIDs(representative, syntax: .cii) == ["BR-19", "BR-20"])
        #expect(CoreFixture.ruleIDs(representative, syntax: .ublInvoice) == ["BR-19"])
    }

    @Test("BR-17: only UBL compares the payee with the seller's trading name and identifiers")
    func payeeLikeSeller() {
        let sameName = CoreFixture.invoice { $0.payee = Payee(name: "Atelier Durand") }
        #expect(CoreFixture.ruleIDs(sameName, syntax: .ublInvoice) == ["BR-17"])
        #expect(CoreFixture.ruleIDs(sameName, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(sameName).isEmpty)
        let sameID = CoreFixture.invoice {
            $0.seller.identifiers = [Identifier("S-1")]
            $0.payee = Payee(name: "Factor", identifier: Identifier("S-1"))
        }
        #expect(CoreFixture.ruleIDs(sameID, syntax: .ublCreditNote) == ["BR-17"])
    }

    @Test("BR-51 is fatal in CII and a warning in UBL")
    func cardNumberSeverity() {
        let invoice = CoreFixture.invoice {
            $0.paymentInstructions?.card = PaymentCard(primaryAccountNumber: "49701012345678")
        }
        #expect(CoreFixture.findings(invoice, syntax: .cii).map(\.severity) == [.fatal])
        #expect(CoreFixture.findings(invoice, syntax: .ublInvoice).map(\.severity) == [.warning])
        let masked = CoreFixture.invoice {
            $0.paymentInstructions?.card = PaymentCard(primaryAccountNumber: "xxxx7890")
        }
        #expect(CoreFixture.ruleIDs(masked, syntax: .cii).isEmpty)
    }

    @Test("BR-50 and BR-61: CII checks inside each account, UBL wants an account on a credit transfer")
    func creditTransferAccounts() {
        let noAccount = CoreFixture.invoice { $0.paymentInstructions?.creditTransfers = [] }
        #expect(CoreFixture.ruleIDs(noAccount, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(noAccount, syntax: .ublInvoice) == ["BR-61"])
        let emptyAccount = CoreFixture.invoice {
            $0.paymentInstructions?.creditTransfers = [CreditTransfer(accountIdentifier: "")]
        }
        // The identifier element is missing (the reader recorded no BT-84): both rules fail.
        #expect(CoreFixture.ruleIDs(emptyAccount, syntax: .cii) == ["BR-50", "BR-61"])
        #expect(CoreFixture.ruleIDs(emptyAccount, syntax: .ublInvoice) == ["BR-50", "BR-61"])
        #expect(CoreFixture.ruleIDs(emptyAccount) == ["BR-50", "BR-61"])
        // The identifier element is there but empty: only BR-50 fails.
        let written = ["BG-17[0]/BT-84"]
        #expect(CoreFixture.ruleIDs(emptyAccount, syntax: .cii, sourceMap: written) == ["BR-50"])
        #expect(CoreFixture.ruleIDs(emptyAccount, syntax: .ublInvoice, sourceMap: written) == ["BR-50"])
        let directDebit = CoreFixture.invoice {
            $0.paymentInstructions?.meansTypeCode = "59"
            $0.paymentInstructions?.creditTransfers = []
        }
        #expect(CoreFixture.ruleIDs(directDebit, syntax: .ublInvoice).isEmpty)
    }

    @Test("BR-49 needs the payment means element in CII")
    func paymentMeansCode() {
        var invoice = CoreFixture.invoice { $0.paymentInstructions?.meansTypeCode = "" }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-49"])
        invoice.paymentInstructions?.creditTransfers = []
        // Only the remittance information is left, which CII carries outside the payment means.
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-49"])
    }

    @Test("BR-53: CII also refuses a VAT accounting currency equal to the invoice currency")
    func accountingCurrencyEqualToInvoiceCurrency() {
        let invoice = CoreFixture.invoice {
            $0.vatAccountingCurrencyCode = "EUR"
            $0.totals.vatTotalInAccountingCurrency = d("48.00")
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).contains("BR-53"))
        #expect(!CoreFixture.ruleIDs(invoice, syntax: .ublInvoice).contains("BR-53"))
        // Two VAT totals in the invoice currency break BR-CO-15 in both artefacts.
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice).contains("BR-CO-15"))
    }

    @Test("BR-65: CII is satisfied by one classification with a scheme, UBL wants a scheme on each")
    func classificationSchemes() {
        let invoice = CoreFixture.invoice {
            $0.lines[0].item.classifications.append(ItemClassification(code: "44"))
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-65"])
        #expect(CoreFixture.ruleIDs(invoice) == ["BR-65"])
    }

    @Test(
        "BR-CO-09 uses each artefact's country list and test",
        arguments: [
            ("AN123", true, false, false),  // AN is only in the CII list
            ("SS123", false, true, true),  // SS is only in the UBL list
            ("", false, true, false),  // UBL: contains(list, '') is true
            ("EL123456789", true, true, true),
            ("fr123", false, false, false),
        ])
    func vatIdentifierPrefix(identifier: String, cii: Bool, ubl: Bool, semantic: Bool) {
        #expect(CoreVATIdentifierPrefix.accepts(identifier, .cii) == cii)
        #expect(CoreVATIdentifierPrefix.accepts(identifier, .ubl) == ubl)
        #expect(CoreVATIdentifierPrefix.accepts(identifier, .semantic) == semantic)
        let invoice = CoreFixture.invoice { $0.buyer.vatIdentifier = identifier }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == (cii ? [] : ["BR-CO-09"]))
    }

    @Test("BR-CO-12: CII rounds BT-108 before comparing, UBL does not")
    func chargeTotalRounding() {
        let invoice = CoreFixture.invoice { $0.totals.chargeTotal = d("8.004") }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-DEC-11"])
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-DEC-11", "BR-CO-12"])
    }

    @Test("BR-CO-15: CII accepts a total with VAT equal to the total without VAT")
    func taxInclusiveEqualToTaxExclusive() {
        let invoice = CoreFixture.invoice {
            $0.totals.taxInclusiveAmount = d("240.00")
            $0.totals.amountDue = d("190.00")
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-CO-15"])
        #expect(CoreFixture.ruleIDs(invoice) == ["BR-CO-15"])
    }

    @Test("BR-CO-15 iterates over an empty currency element, not over a missing one")
    func emptyCurrencyCode() {
        let invoice = CoreFixture.invoice { $0.currencyCode = "" }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-05"])
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice, sourceMap: ["BT-5"]) == ["BR-05", "BR-CO-15"])
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii, sourceMap: ["BT-5"]) == ["BR-05", "BR-CO-15"])
    }

    @Test("Without a totals element the rules on it do not run, except the UBL test of BR-CO-15")
    func noTotalsElement() {
        var invoice = CoreFixture.invoice()
        let vatTotal = invoice.totals.vatTotal
        invoice.totals = DocumentTotals()
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
        invoice.totals.vatTotal = vatTotal  // UBL keeps BT-110 in cac:TaxTotal
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-CO-15"])
        #expect(CoreFixture.ruleIDs(invoice).isSuperset(of: ["BR-12", "BR-13", "BR-14", "BR-15"]))
        // An empty totals element the reader recorded is still checked.
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii, sourceMap: ["BG-22"]).contains("BR-12"))
    }

    @Test("BR-CO-14 without VAT breakdown: UBL skips it, CII wants a zero VAT total")
    func vatTotalWithoutBreakdown() {
        let invoice = CoreFixture.invoice { $0.vatBreakdown = [] }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-CO-18"])
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-CO-18", "BR-CO-14"])
    }

    @Test("BR-CO-19: UBL accepts an invoicing period that carries only the VAT point date code")
    func periodWithDateCode() {
        let invoice = CoreFixture.invoice {
            $0.invoicingPeriod = Period()
            $0.taxPointDateCode = "35"
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice).isEmpty)
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-CO-19"])
    }

    @Test("BR-DEC-13 and BR-DEC-15: CII compares values, UBL never fails them")
    func vatTotalDecimals() {
        let written = CoreFixture.invoice { $0.totals.vatTotal = d("48.000") }
        #expect(CoreFixture.ruleIDs(written, syntax: .cii).isEmpty)
        #expect(CoreFixture.ruleIDs(written) == ["BR-DEC-13"])
        let tooPrecise = CoreFixture.invoice { $0.totals.vatTotal = d("48.004") }
        #expect(CoreFixture.ruleIDs(tooPrecise, syntax: .cii) == ["BR-DEC-13", "BR-CO-14"])
        #expect(!CoreFixture.ruleIDs(tooPrecise, syntax: .ublInvoice).contains("BR-DEC-13"))
        let accounting = CoreFixture.invoice {
            $0.vatAccountingCurrencyCode = "USD"
            $0.totals.vatTotalInAccountingCurrency = d("52.125")
        }
        #expect(CoreFixture.ruleIDs(accounting, syntax: .cii) == ["BR-DEC-15"])
        #expect(CoreFixture.ruleIDs(accounting, syntax: .ublInvoice).isEmpty)
        let missing = CoreFixture.invoice { $0.vatAccountingCurrencyCode = "USD" }
        #expect(CoreFixture.ruleIDs(missing, syntax: .cii) == ["BR-53", "BR-DEC-15"])
        #expect(CoreFixture.ruleIDs(missing, syntax: .ublInvoice) == ["BR-53"])
    }

    @Test("CII profiles: MINIMUM and BASIC report no core id, BASIC WL only its own")
    func profileScope() {
        var invoice = CoreFixture.invoice {
            $0.number = ""
            $0.lines[0].identifier = ""
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-02", "BR-21"])
        invoice.processControl.specificationIdentifier = FacturXProfile.basicWL.guidelineID
        #expect(CoreFixture.ruleIDs(invoice, syntax: .cii) == ["BR-02"])
        #expect(CoreFixture.ruleIDs(invoice) == ["BR-02", "BR-21"])
        for profile in [FacturXProfile.minimum, .basic] {
            invoice.processControl.specificationIdentifier = profile.guidelineID
            #expect(CoreFixture.ruleIDs(invoice, syntax: .cii).isEmpty)
        }
        #expect(CoreFixture.ruleIDs(invoice, syntax: .ublInvoice) == ["BR-02", "BR-21"])
    }

    @Test("A finding points at the element of its term path, or at the nearest group the source has")
    func locations() throws {
        let tree = try SafeXMLParser().parse("<Invoice><Line><Price><Net>-1</Net></Price></Line><Line/></Invoice>")
        let invoice = CoreFixture.invoice {
            $0.lines[0].price.netPrice = d("-1")
            $0.lines[1].item.name = ""
        }
        let parsed = ParsedInvoice(
            invoice: invoice, syntax: .cii, tree: tree,
            sourceMap: ["BG-25[0]": 1, "BG-25[0]/BG-29/BT-146": 3, "BG-25[1]": 4], notCarried: [])
        let findings = Validator(groups: CoreFixture.groups).validate(parsed)
        let price = findings.first { $0.ruleID == "BR-27" }
        #expect(price?.location?.xpath == tree.xpath(of: 3))
        let name = findings.first { $0.ruleID == "BR-25" }
        #expect(name?.location?.xpath == tree.xpath(of: 4))
    }
}
