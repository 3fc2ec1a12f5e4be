import EInvoice
import Foundation
import Gateway
import GatewayStorage
import Testing

/// The catalogue checks as the pipeline runs them: each kind of mismatch stops the invoice with its finding, and
/// each policy flag turns its check off.
@Suite("Catalogue checks through the pipeline")
struct CatalogueCheckPipelineTests {
    enum Case: String, CaseIterable, Sendable {
        case unknownProduct
        case inactiveProduct
        case vatMismatch
        case priceMismatch

        var rule: String {
            switch self {
            case .unknownProduct: CatalogueCheck.RuleID.unknownProduct
            case .inactiveProduct: CatalogueCheck.RuleID.inactiveProduct
            case .vatMismatch: CatalogueCheck.RuleID.vatRateMismatch
            case .priceMismatch: CatalogueCheck.RuleID.priceMismatch
            }
        }

        /// The catalogue that makes the sample invoice break this check (and only this one).
        var catalogue: (products: [Product], priceLists: [PriceList]) {
            var products = Payloads.products()
            var priceList = Payloads.priceList()
            switch self {
            case .unknownProduct: products.removeLast()
            case .inactiveProduct: products[0].active = false
            case .vatMismatch: products[1].vatRate = ExactDecimal(mantissa: 1000, fractionDigits: 2)
            case .priceMismatch: priceList.entries[2].unitPrice = priceList.entries[2].unitPrice + ExactDecimal(mantissa: 1, fractionDigits: 2)
            }
            return (products, [priceList])
        }

        var policyOff: CataloguePolicy {
            var policy = CataloguePolicy()
            switch self {
            case .unknownProduct: policy.rejectUnknownProduct = false
            case .inactiveProduct: policy.rejectInactiveProduct = false
            case .vatMismatch: policy.rejectVATMismatch = false
            case .priceMismatch: policy.rejectPriceMismatch = false
            }
            return policy
        }
    }

    static func run(_ backend: TestBackend, catalogue: (products: [Product], priceLists: [PriceList]),
                    settings: TenantSettings) async throws -> InvoiceRecord? {
        try await backend.withStore { store in
            let harness = GatewayHarness(store: store)
            try await harness.seedTenant(settings: settings, products: catalogue.products, priceLists: catalogue.priceLists)
            let outcome = try await harness.receive(Payloads.cii(number: "CAT-1"))
            try await harness.worker().drain()
            return try await harness.invoice(outcome.record.id)
        }
    }

    @Test(arguments: TestBackend.all)
    func aMatchingCatalogueLetsTheInvoiceThrough(backend: TestBackend) async throws {
        let record = try await Self.run(backend, catalogue: (Payloads.products(), [Payloads.priceList()]),
                                        settings: TenantSettings())
        #expect(record?.state == .held)
        #expect(record?.findings.filter { $0.severity == .fatal } == [])
    }

    @Test(arguments: TestBackend.all, Case.allCases)
    func eachMismatchStopsTheInvoice(backend: TestBackend, check: Case) async throws {
        let record = try await Self.run(backend, catalogue: check.catalogue, settings: TenantSettings())
        #expect(record?.state == .rejected)
        let rules = Set(record?.findings.filter { $0.severity == .fatal }.map(\.ruleID) ?? [])
        #expect(rules == [check.rule])
    }

    @Test(arguments: TestBackend.all, Case.allCases)
    func eachPolicyFlagTurnsItsCheckOff(backend: TestBackend, check: Case) async throws {
        let record = try await Self.run(backend, catalogue: check.catalogue,
                                        settings: TenantSettings(catalogue: check.policyOff))
        #expect(record?.state == .held)
        #expect(record?.findings.contains { $0.ruleID == check.rule } == false)
    }

    @Test(arguments: TestBackend.all)
    func aPriceListOutsideItsValidityIsNotApplied(backend: TestBackend) async throws {
        var list = Case.priceMismatch.catalogue.priceLists[0]
        list.validTo = CalendarDate(year: 2026, month: 1, day: 31)
        let record = try await Self.run(backend, catalogue: (Payloads.products(), [list]), settings: TenantSettings())
        #expect(record?.state == .held)
    }
}
