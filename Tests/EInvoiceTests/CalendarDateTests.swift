import Testing
@testable import EInvoice

@Suite("Calendar dates")
struct CalendarDateTests {
    @Test func readsBothFormats() {
        #expect(CalendarDate(text: "20240229") == CalendarDate(year: 2024, month: 2, day: 29))
        #expect(CalendarDate(text: "2024-02-29")?.compactText == "20240229")
        #expect(CalendarDate(text: "2024-02-29")?.isoText == "2024-02-29")
    }

    @Test("refuses dates that do not exist", arguments: ["20230229", "2024-13-01", "20240431", "2024/01/01", "240101", "2024-1-01"])
    func refusesInvalid(_ text: String) {
        #expect(CalendarDate(text: text) == nil)
    }
}
