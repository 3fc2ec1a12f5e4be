import EInvoice
import EInvoiceSyntax

/// A minimal change to a valid fixture that must make one VAT rule fire.
struct VATBreakingChange: Sendable, CustomStringConvertible {
    let ruleID: String
    let category: String
    /// The source syntax whose schematron reading applies.
    let syntax: InvoiceSyntax
    let what: String
    let change: @Sendable (inout Invoice) -> Void

    var description: String { "\(ruleID) (\(syntax.rawValue)): \(what)" }

    static let prefixes = [
        "S": "BR-S", "Z": "BR-Z", "E": "BR-E", "AE": "BR-AE", "K": "BR-IC", "G": "BR-G",
        "O": "BR-O", "L": "BR-AF", "M": "BR-AG",
    ]

    /// One change per rule id and per syntax reading (96 ids; BR-AF-08/09 and BR-AG-08/09 only in UBL, whose
    /// CII versions never fire).
    static var all: [VATBreakingChange] {
        VATFixtures.categoryCodes.flatMap { code in
            [InvoiceSyntax.cii, .ublInvoice].flatMap { syntax in changes(code, syntax) }
        }
    }

    static func changes(_ code: String, _ syntax: InvoiceSyntax) -> [VATBreakingChange] {
        let prefix = prefixes[code] ?? ""
        func make(_ number: Int, _ what: String, _ change: @escaping @Sendable (inout Invoice) -> Void)
            -> VATBreakingChange
        {
            VATBreakingChange(
                ruleID: "\(prefix)-\(number < 10 ? "0" : "")\(number)", category: code, syntax: syntax, what: what,
                change: change)
        }
        let perRate = ["S", "L", "M"].contains(code)
        let wrongRate: ExactDecimal =
            switch code {
            case "S": 0
            case "L", "M": -1
            default: 5
            }
        var list: [VATBreakingChange] = []
        if perRate {
            list.append(
                make(1, "one line, no allowance, charge or breakdown") { invoice in
                    invoice.lines = [invoice.lines[0]]
                    invoice.allowances = []
                    invoice.charges = []
                    invoice.vatBreakdown = []
                })
        } else {
            list.append(make(1, "the breakdown twice") { $0.vatBreakdown.append($0.vatBreakdown[0]) })
        }
        let addsSellerVAT = code == "O"
        let identifiers: @Sendable (inout Invoice) -> Void = { invoice in
            invoice.seller.vatIdentifier = addsSellerVAT ? "FR32123456789" : nil
            invoice.seller.taxRegistrationIdentifier = nil
        }
        let identifiersWhat = code == "O" ? "a seller VAT identifier" : "no seller VAT identifier"
        list += [
            make(2, identifiersWhat, identifiers), make(3, identifiersWhat, identifiers),
            make(4, identifiersWhat, identifiers),
            make(5, "line rate \(wrongRate)") { $0.lines[0].vat.rate = wrongRate },
            make(6, "allowance rate \(wrongRate)") { $0.allowances[0].vatRate = wrongRate },
            make(7, "charge rate \(wrongRate)") { $0.charges[0].vatRate = wrongRate },
        ]
        // The CII schematron's BR-AF-08 and BR-AG-08 test nothing (they read the rate from the wrong element).
        if !(perRate && syntax == .cii && code != "S") {
            list.append(make(8, "taxable amount 5.00 too high") { invoice in
                invoice.vatBreakdown[0].taxableAmount = (invoice.vatBreakdown[0].taxableAmount ?? .zero) + 5
            })
        }
        if perRate {
            if syntax != .cii || code == "S" {
                list.append(
                    make(9, "tax amount 5.00 too high") { invoice in
                        invoice.vatBreakdown[0].taxAmount = (invoice.vatBreakdown[0].taxAmount ?? .zero) + 5
                    })
            }
        } else {
            list.append(make(9, "tax amount 1.00") { $0.vatBreakdown[0].taxAmount = 1 })
        }
        if VATFixtures.exemptionCodes[code] == nil {
            list.append(make(10, "an exemption reason") { $0.vatBreakdown[0].exemptionReason = "Exonéré" })
        } else {
            list.append(
                make(10, "no exemption reason") { invoice in
                    invoice.vatBreakdown[0].exemptionReason = nil
                    invoice.vatBreakdown[0].exemptionReasonCode = nil
                })
        }
        if code == "K" {
            list += [
                make(11, "no delivery date nor period") { $0.delivery?.actualDeliveryDate = nil },
                make(12, "no deliver to country") { $0.delivery?.address = nil },
            ]
        }
        if code == "O" {
            let standard = LineVATInformation(categoryCode: "S", rate: 20)
            list += [
                make(11, "a second breakdown S") { invoice in
                    invoice.vatBreakdown.append(
                        VATBreakdown(taxableAmount: .zero, taxAmount: .zero, categoryCode: "S", rate: 20))
                },
                make(12, "a line in S") { $0.lines[0].vat = standard },
                make(13, "an allowance in S") { invoice in
                    invoice.allowances[0].vatCategoryCode = "S"
                    invoice.allowances[0].vatRate = 20
                },
                make(14, "a charge in S") { invoice in
                    invoice.charges[0].vatCategoryCode = "S"
                    invoice.charges[0].vatRate = 20
                },
            ]
        }
        return list
    }
}
