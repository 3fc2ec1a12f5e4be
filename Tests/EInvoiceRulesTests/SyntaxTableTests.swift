import Testing

@testable import EInvoiceRules

@Suite struct SyntaxTableTests {
    @Test func everyGeneratedLineCompiles() {
        for table in CompiledSyntaxTables.all {
            #expect(table.loadErrors.isEmpty, "\(table.name): \(table.loadErrors.prefix(5))")
        }
    }
}
