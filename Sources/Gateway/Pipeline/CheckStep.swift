import EInvoice
import EInvoiceRules
import Foundation

/// `received → checked | rejected`: the catalogue checks, then EN 16931 (and BR-FR when the tenant wants them).
struct CheckStep: InvoiceStep {
    var from: InvoiceState { .received }

    func run(_ job: Job, context: PipelineContext) async throws {
        guard let record = try await loadInvoice(job, context: context) else { return }
        let findings = try await Self.findings(for: record, store: context.store)
        let verdict = CheckVerdict(findings: findings)
        try await advance(
            record, to: verdict.state, job: job, context: context, eventType: verdict.eventType,
            message: verdict.message, findings: findings, next: verdict.next)
    }

    /// Loads the invoice's original payload, the tenant's settings and the catalogue, and checks.
    static func findings(for record: InvoiceRecord, store: any GatewayStore) async throws -> [GatewayFinding] {
        let (original, tenant, catalogue) = try await store.read { transaction in
            let original = try await transaction.document(invoice: record.id, kind: .original, tenant: record.tenant)
            let tenant = try await transaction.tenant(record.tenant)
            return (original, tenant, try await Self.loadCatalogue(for: record, original: original, in: transaction))
        }
        guard let original else { throw StepFailure(permanent: true, "the original payload is missing") }
        return try Self.findings(original: original.bytes, catalogue: catalogue,
                                 settings: tenant?.settings ?? TenantSettings())
    }

    /// Catalogue findings, then rule findings.
    static func findings(original: [UInt8], catalogue: CatalogueSnapshot?, settings: TenantSettings) throws
        -> [GatewayFinding]
    {
        let decoded: InvoicePayload.Decoded
        do {
            decoded = try InvoicePayload.decode(original)
        } catch {
            throw StepFailure(permanent: true, "the stored payload cannot be read any more: \(error.message)")
        }
        var findings: [GatewayFinding] = []
        if let catalogue {
            findings += CatalogueCheck.findings(for: decoded.invoice, catalogue: catalogue, policy: settings.catalogue)
        }
        let validator = Validator(ruleSet: settings.frenchRules ? .fr : .en16931)
        if let parsed = decoded.parsed {
            findings += validator.validate(parsed)
        } else {
            findings += validator.validate(decoded.invoice)
        }
        return findings
    }

    /// The master data the invoice's lines cite. A tenant that does not sync its catalogue turns the catalogue checks
    /// off in its settings; otherwise every line must cite a known, active product.
    static func loadCatalogue(for record: InvoiceRecord, original: StoredDocument?,
                              in transaction: any StoreTransaction) async throws -> CatalogueSnapshot?
    {
        guard let original, let decoded = try? InvoicePayload.decode(original.bytes) else { return nil }
        let codes = CatalogueCheck.productCodes(of: decoded.invoice)
        var products: [String: Product] = [:]
        for stored in try await transaction.masterRecords(.product, codes: codes, tenant: record.tenant) {
            if let product: Product = try? MasterDataService.decode(stored) { products[product.code] = product }
        }
        var customer: Customer?
        if let code = record.customerCode,
            let stored = try await transaction.masterRecord(.customer, code: code, tenant: record.tenant)
        {
            customer = try? MasterDataService.decode(stored)
        }
        var priceLists: [PriceList] = []
        var after: String?
        while true {
            let page = try await transaction.masterRecords(.priceList, tenant: record.tenant, after: after, limit: 500)
            for stored in page where stored.active {
                if let list: PriceList = try? MasterDataService.decode(stored),
                    list.currencyCode == decoded.invoice.currencyCode
                {
                    priceLists.append(list)
                }
            }
            guard page.count == 500, let last = page.last else { break }
            after = last.code
        }
        return CatalogueSnapshot(products: products, customer: customer, priceLists: priceLists)
    }
}

/// What a check's findings mean for the invoice: checked (possibly with warnings) or rejected.
struct CheckVerdict {
    var state: InvoiceState
    var eventType: String
    var message: String
    var next: JobKind?

    init(findings: [GatewayFinding]) {
        let fatal = findings.filter { $0.severity == .fatal }
        if fatal.isEmpty {
            state = .checked
            eventType = "invoice.checked"
            message = findings.isEmpty ? "Checks passed" : "Checks passed with \(findings.count) warning(s)"
            next = .render
        } else {
            let ids = Array(Set(fatal.map(\.ruleID))).sorted().prefix(5).joined(separator: ", ")
            state = .rejected
            eventType = "invoice.rejected"
            message = "Rejected: \(fatal.count) fatal finding(s) (\(ids))"
            next = nil
        }
    }
}
