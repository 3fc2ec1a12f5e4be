import EInvoice
import Gateway

/// `POST /v1/invoices/{id}/statuses` with a JSON body: a status the ERP or an operator got another way than
/// through a platform.
struct StatusRequestDTO: StrictJSON {
    static let shape = JSONShape.object([
        "code": .any, "time": .any, "messageId": .any,
        "reasons": .array(.leaves("code", "text")),
        "amounts": .array(.leaves("typeCode", "amount", "currency", "vatRate")),
    ])

    struct Reason: Decodable {
        var code: String?
        var text: String?
    }

    struct Amount: Decodable {
        /// `MEN` (default) or `MPA`.
        var typeCode: String?
        /// A decimal string, e.g. `"50.00"`.
        var amount: String
        var currency: String?
        var vatRate: String?
    }

    /// MDT-105, e.g. `"205"`.
    var code: String
    /// When the status took effect: `YYYY-MM-DDTHH:MM:SSZ` (UTC) or `YYYY-MM-DD`.
    var time: String
    /// The duplicate key; by default `api-<code>-<time>`.
    var messageId: String?
    var reasons: [Reason]?
    /// For 211/212: the amounts paid (per VAT rate).
    var amounts: [Amount]?

    /// The status as the tracker takes it, or the field problems.
    func received() throws -> ReceivedStatus {
        var problems: [FieldProblem] = []
        let trimmed = code.trimmingCharacters(in: .whitespaces)
        if trimmed.isEmpty || trimmed.count > 3 || !trimmed.allSatisfy(\.isNumber) {
            problems.append(FieldProblem(field: "code", message: "a status code such as \"205\""))
        }
        let timestamp = Self.dateTime(time)
        if timestamp == nil {
            problems.append(FieldProblem(field: "time", message: "YYYY-MM-DDTHH:MM:SSZ (UTC) or YYYY-MM-DD, got \"\(time.prefix(40))\""))
        }
        var amounts: [StatusAmount] = []
        for (index, amount) in (self.amounts ?? []).enumerated() {
            guard let value = try? ExactDecimal(parsing: amount.amount) else {
                problems.append(FieldProblem(field: "amounts[\(index)].amount", message: "a decimal number such as 50.00"))
                continue
            }
            var rate: ExactDecimal?
            if let text = amount.vatRate {
                rate = try? ExactDecimal(parsing: text)
                if rate == nil {
                    problems.append(FieldProblem(field: "amounts[\(index)].vatRate", message: "a decimal number such as 20.00"))
                }
            }
            amounts.append(StatusAmount(typeCode: amount.typeCode ?? "MEN", amount: value, currency: amount.currency,
                                        vatRate: rate))
        }
        if let id = messageId, id.isEmpty || id.count > 200 {
            problems.append(FieldProblem(field: "messageId", message: "1 to 200 characters"))
        }
        guard problems.isEmpty, let timestamp else { throw APIBody.invalid(problems) }
        let reasons = (self.reasons ?? []).map { StatusReason(code: $0.code ?? "", text: $0.text ?? "") }
        return ReceivedStatus(
            messageID: messageId ?? "api-\(trimmed)-\(timestamp.compactText)", status: LifecycleStatus(code: trimmed),
            timestamp: timestamp, reasons: reasons, amounts: amounts)
    }

    /// `2026-03-20T10:15:00Z` or `2026-03-20`.
    static func dateTime(_ text: String) -> LifecycleDateTime? {
        let scalars = Array(text.utf8)
        if scalars.count == 10 { return CalendarDate(text: text).flatMap { LifecycleDateTime(date: $0) } }
        guard scalars.count == 20, scalars[10] == UInt8(ascii: "T"), scalars[13] == UInt8(ascii: ":"),
            scalars[16] == UInt8(ascii: ":"), scalars[19] == UInt8(ascii: "Z"),
            let date = CalendarDate(text: String(decoding: scalars[0..<10], as: UTF8.self)),
            let hour = Int(String(decoding: scalars[11..<13], as: UTF8.self)),
            let minute = Int(String(decoding: scalars[14..<16], as: UTF8.self)),
            let second = Int(String(decoding: scalars[17..<19], as: UTF8.self))
        else { return nil }
        return LifecycleDateTime(date: date, hour: hour, minute: minute, second: second)
    }
}
