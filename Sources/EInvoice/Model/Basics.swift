/// An identifier with its optional identification scheme (ISO 6523 ICD or EAS code).
public struct Identifier: Sendable, Hashable {
    public var value: String
    /// The identification scheme identifier, e.g. `0002` for a SIREN, `0225` for a French addressing identifier.
    public var schemeID: String?

    public init(_ value: String, schemeID: String? = nil) {
        self.value = value
        self.schemeID = schemeID
    }
}

/// A calendar date without time zone, as invoices carry them.
public struct CalendarDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `YYYY-MM-DD` (UBL) or `YYYYMMDD` (CII format 102); nil when the text is not a real date.
    public init?(text: some StringProtocol) {
        self.init(digitsOf: text)
    }

    /// The same for a `String`, compiled for it (callers in other modules avoid the generic version).
    public init?(text: String) {
        self.init(digitsOf: text)
    }

    private init?(digitsOf text: some StringProtocol) {
        let digits = Array(text.utf8)
        func number(_ range: Range<Int>) -> Int? {
            var value = 0
            for index in range {
                let byte = digits[index]
                guard byte >= 48, byte <= 57 else { return nil }
                value = value * 10 + Int(byte - 48)
            }
            return value
        }
        let parts: (Int?, Int?, Int?)
        switch digits.count {
        case 8: parts = (number(0..<4), number(4..<6), number(6..<8))
        case 10 where digits[4] == UInt8(ascii: "-") && digits[7] == UInt8(ascii: "-"):
            parts = (number(0..<4), number(5..<7), number(8..<10))
        default: return nil
        }
        guard let year = parts.0, let month = parts.1, let day = parts.2,
            (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year)
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool {
        (lhs.year, lhs.month, lhs.day) < (rhs.year, rhs.month, rhs.day)
    }

    /// `YYYY-MM-DD`.
    public var description: String { isoText }

    public var isoText: String { "\(pad(year, 4))-\(pad(month, 2))-\(pad(day, 2))" }
    /// `YYYYMMDD`, the CII date format 102.
    public var compactText: String { "\(pad(year, 4))\(pad(month, 2))\(pad(day, 2))" }

    private func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return text.count >= width ? text : String(repeating: "0", count: width - text.count) + text
    }
}

/// A period with an optional start and end date.
public struct Period: Sendable, Hashable {
    /// BT-73, BT-134 (line), start date
    public var startDate: CalendarDate?
    /// BT-74, BT-135 (line), end date
    public var endDate: CalendarDate?

    public init(startDate: CalendarDate? = nil, endDate: CalendarDate? = nil) {
        self.startDate = startDate
        self.endDate = endDate
    }
}

/// An amount with its currency when the syntax carries one.
public typealias Amount = ExactDecimal
/// A quantity with its unit of measure.
public struct Quantity: Sendable, Hashable {
    public var value: ExactDecimal
    /// UN/ECE Recommendation 20 or 21 unit code.
    public var unitCode: String?

    public init(_ value: ExactDecimal, unitCode: String? = nil) {
        self.value = value
        self.unitCode = unitCode
    }
}

/// Binary content carried inside the invoice (BT-125) with its MIME code and file name.
public struct BinaryObject: Sendable, Hashable {
    /// Base64 text as carried in the XML, kept verbatim.
    public var base64Content: String
    public var mimeCode: String?
    public var filename: String?

    public init(base64Content: String, mimeCode: String? = nil, filename: String? = nil) {
        self.base64Content = base64Content
        self.mimeCode = mimeCode
        self.filename = filename
    }
}
