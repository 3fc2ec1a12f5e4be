import ArgumentParser
import EInvoice
import EInvoiceSyntax
import Foundation

/// `passerelle cdar write|read`: lifecycle messages (CDAR D22B) by hand, for tests and support.
struct CDARCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "cdar", abstract: "Write or read an invoice lifecycle message (CDAR D22B).",
        subcommands: [CDARWriteCommand.self, CDARReadCommand.self])
}

struct CDARWriteCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "write", abstract: "Write a lifecycle message for one invoice status.")

    @Option(help: "The status code (MDT-105), e.g. 205.")
    var status: String
    @Option(help: "The invoice number (BT-1).")
    var invoice: String
    @Option(help: "The invoice's issue date (BT-2), YYYY-MM-DD or YYYYMMDD.")
    var invoiceDate: String
    @Option(help: "The seller's SIREN (BT-30).")
    var seller: String
    @Option(help: "The buyer's SIREN.")
    var buyer: String
    @Option(help: "The message id (MDT-4); a random one by default.")
    var messageID: String?
    @Option(help: "When the status took effect, YYYYMMDDHHMMSS (UTC); now by default.")
    var at: String?
    @Option(help: "A reason, CODE or CODE:text (repeatable).")
    var reason: [String] = []
    @Option(help: "An amount paid or cashed, AMOUNT or AMOUNT@VATRATE (repeatable; for 211/212).")
    var amount: [String] = []
    @Option(help: "The currency of the amounts.")
    var currency = "EUR"
    @Option(name: .shortAndLong, help: "Write to this file instead of standard output.")
    var output: String?

    func run() throws {
        guard let issueDate = CalendarDate(text: invoiceDate) else {
            throw ValidationError("--invoice-date '\(invoiceDate)' is not a date; write YYYY-MM-DD")
        }
        let now = Self.now()
        guard let statusTime = at.map({ LifecycleDateTime(text: $0) }) ?? now else {
            throw ValidationError("--at '\(at ?? "")' is not a date-time; write YYYYMMDDHHMMSS")
        }
        let lifecycleStatus = LifecycleStatus(code: status)
        var amounts: [StatusAmount] = []
        for text in amount {
            let parts = text.split(separator: "@", maxSplits: 1).map(String.init)
            guard let value = parts.first.flatMap({ ExactDecimal($0) }) else {
                throw ValidationError("--amount '\(text)' is not a number like 1200.00 or 1000.00@20")
            }
            let rate = parts.count > 1 ? ExactDecimal(parts[1]) : nil
            if parts.count > 1, rate == nil { throw ValidationError("--amount '\(text)': the VAT rate is not a number") }
            amounts.append(StatusAmount(typeCode: "MEN", amount: value, currency: currency, vatRate: rate))
        }
        let reasons = reason.map { text in
            let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
            return StatusReason(code: parts.first ?? "", text: parts.count > 1 ? parts[1] : "")
        }
        let buyerParty = CDARParty.siren(buyer, role: "BY")
        let sellerParty = CDARParty.siren(seller, role: "SE")
        let sender: CDARParty =
            lifecycleStatus.phase == .transmission
            ? CDARParty(role: "WK") : lifecycleStatus.setBy == .seller ? sellerParty : buyerParty
        let recipient = sender == sellerParty ? buyerParty : sellerParty
        let message = CDARMessage(
            messageID: messageID ?? UUID().uuidString, issueDateTime: now ?? statusTime, sender: sender,
            issuer: lifecycleStatus.phase == .transmission ? nil : sender, recipients: [recipient],
            invoice: CDARInvoiceReference(number: invoice, issueDate: issueDate, sellerSIREN: seller),
            status: lifecycleStatus, statusDateTime: statusTime, reasons: reasons, amounts: amounts)
        let bytes = CDARWriter().write(message)
        if let output {
            try Data(bytes).write(to: URL(fileURLWithPath: output))
        } else {
            print(String(decoding: bytes, as: UTF8.self))
        }
    }

    static func now() -> LifecycleDateTime? {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        let parts = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: Date())
        guard let year = parts.year, let month = parts.month, let day = parts.day else { return nil }
        return LifecycleDateTime(
            date: CalendarDate(year: year, month: month, day: day), hour: parts.hour ?? 0, minute: parts.minute ?? 0,
            second: parts.second ?? 0)
    }
}

struct CDARReadCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "read", abstract: "Read a lifecycle message and print it as JSON.")

    @Argument(help: "The CDAR XML file, or - for standard input.")
    var file: String

    func run() throws {
        let message: CDARMessage
        do {
            let data =
                file == "-"
                ? FileHandle.standardInput.readDataToEndOfFile() : try Data(contentsOf: URL(fileURLWithPath: file))
            message = try CDARReader().read([UInt8](data))
        } catch {
            StandardError.write("\(file): \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
        let json = try JSONSerialization.data(withJSONObject: Self.object(message), options: [.prettyPrinted, .sortedKeys])
        print(String(decoding: json, as: UTF8.self))
    }

    static func object(_ message: CDARMessage) -> [String: Any] {
        func party(_ party: CDARParty) -> [String: Any] {
            var object: [String: Any] = ["role": party.role]
            if let id = party.globalID { object["id"] = id }
            if let scheme = party.globalIDScheme { object["idScheme"] = scheme }
            if let name = party.name { object["name"] = name }
            if let address = party.electronicAddress { object["electronicAddress"] = address }
            return object
        }
        var object: [String: Any] = [
            "messageId": message.messageID,
            "issueDateTime": message.issueDateTime.description,
            "sender": party(message.sender),
            "recipients": message.recipients.map(party),
            "invoice": [
                "number": message.invoice.number, "issueDate": message.invoice.issueDate.isoText,
                "sellerSiren": message.invoice.sellerSIREN,
            ],
            "status": [
                "code": message.status.code, "label": message.status.frenchLabel,
                "labelEn": message.status.englishLabel, "phase": message.phase.rawValue,
                "terminal": message.status.isTerminal,
            ],
            "statusDateTime": message.statusDateTime.description,
            "reasons": message.reasons.map { ["code": $0.code, "text": $0.text] },
            "amounts": message.amounts.map { amount -> [String: Any] in
                var object: [String: Any] = ["type": amount.typeCode, "amount": amount.amount.description]
                if let currency = amount.currency { object["currency"] = currency }
                if let rate = amount.vatRate { object["vatRate"] = rate.description }
                return object
            },
        ]
        if let issuer = message.issuer { object["issuer"] = party(issuer) }
        return object
    }
}
