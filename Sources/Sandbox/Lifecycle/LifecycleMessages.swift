import EInvoice
import EInvoiceSyntax
import Foundation

/// Who the sandbox says it is in the CDAR messages it writes (MDG-9 sender, role WK).
public struct PlatformIdentity: Sendable, Hashable {
    /// The platform's registration number (scheme 0238).
    public var registrationNumber: String
    public var name: String

    public init(registrationNumber: String = "9999", name: String = "Passerelle Sandbox PA") {
        self.registrationNumber = registrationNumber
        self.name = name
    }

    var party: CDARParty {
        CDARParty(globalID: registrationNumber, globalIDScheme: "0238", name: name, role: "WK")
    }
}

/// Builds the CDAR D22B message of one status of a tracked invoice.
struct LifecycleMessages: Sendable {
    var platform: PlatformIdentity

    /// Nil only if the calendar gives an impossible time of day.
    func message(for invoice: TrackedInvoice, step: ScenarioStep, at date: Date, number: Int) -> CDARMessage? {
        guard let when = Self.dateTime(date) else { return nil }
        let seller = CDARParty(globalID: invoice.sellerSIREN, globalIDScheme: "0002", name: invoice.sellerName,
                               role: "SE", electronicAddress: invoice.sellerAddress,
                               electronicAddressScheme: invoice.sellerAddress == nil ? nil : "0225")
        let buyer = CDARParty(globalID: invoice.buyerSIREN, globalIDScheme: invoice.buyerSIREN == nil ? nil : "0002",
                              name: invoice.buyerName.isEmpty ? nil : invoice.buyerName, role: "BY")
        let issuer: CDARParty
        switch step.status.setBy {
        case .buyer: issuer = buyer
        case .seller: issuer = seller
        default: issuer = platform.party
        }
        var amounts: [StatusAmount] = []
        if step.status == .paymentSent || step.status == .paymentReceived {
            let share = step.payment ?? .percent(.hundred)
            amounts = [StatusAmount(typeCode: step.status == .paymentSent ? "MPA" : "MEN",
                                    amount: share.amount(of: invoice.amountDue), currency: invoice.currency)]
        }
        return CDARMessage(
            messageID: "SBX-\(invoice.flowId.prefix(8))-\(step.status.code)-\(number)", issueDateTime: when,
            sender: platform.party, issuer: issuer, recipients: [seller],
            invoice: CDARInvoiceReference(number: invoice.number, issueDate: invoice.issueDate,
                                          typeCode: invoice.typeCode, sellerSIREN: invoice.sellerSIREN),
            status: step.status, statusDateTime: when, reasons: step.reason.map { [$0] } ?? [], amounts: amounts,
            businessProcess: Self.businessProcess(invoice.processingRule))
    }

    /// MDT-2 for a processing rule.
    static func businessProcess(_ rule: ProcessingRule) -> String {
        switch rule {
        case .b2b, .b2g, .undefined: "REGULATED"
        case .b2bInt, .b2gInt: "B2BINT"
        case .b2c: "B2C"
        case .outOfScope, .b2gOutOfScope: "OUTOFSCOPE"
        case .archiveOnly, .notApplicable: "NON_REGULATED"
        }
    }

    /// A date as CDAR format 204, in UTC.
    static func dateTime(_ date: Date) -> LifecycleDateTime? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        let day = CalendarDate(year: parts.year ?? 1970, month: parts.month ?? 1, day: parts.day ?? 1)
        return LifecycleDateTime(date: day, hour: parts.hour ?? 0, minute: parts.minute ?? 0,
                                 second: parts.second ?? 0)
    }
}
