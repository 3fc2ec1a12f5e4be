import EInvoice
import Foundation
import Gateway
import Testing

@Suite("Routing rules: first match wins, buyer, batch and percentage conditions")
struct RoutingRuleTests {
    let table = RoutingTable(
        rules: [
            RoutingRule(id: "public", when: RoutingCondition(publicSector: true),
                        then: RouteAction(target: RoutingTarget.chorusPro, format: .ubl)),
            RoutingRule(id: "pilot", when: RoutingCondition(customers: ["C001", "PILOT-*"]),
                        then: RouteAction(target: "production", format: .facturX, profile: .basic)),
            RoutingRule(id: "belgium", when: RoutingCondition(countries: ["be"]), then: RouteAction(target: "production")),
            RoutingRule(id: "night-batch", when: RoutingCondition(batches: ["NIGHT-2026-03-*"]),
                        then: RouteAction(target: RoutingTarget.sandbox, processing: .b2c)),
        ],
        fallback: RouteAction(target: RoutingTarget.legacy))

    @Test func theFirstMatchingRuleWinsAndTheDefaultTakesTheRest() {
        // C001 is a pilot customer, but a public body: rule 1 comes first.
        let publicPilot = table.decide(.synthetic("A-1", customer: "C001", siren: "130005481"))
        #expect(publicPilot.target == "chorus-pro")
        #expect(publicPilot.ruleNumber == 1)
        #expect(publicPilot.ruleID == "public")
        #expect(publicPilot.processing == .b2g)
        #expect(publicPilot.format == .ubl)

        let pilot = table.decide(.synthetic("A-2", customer: "PILOT-77", siren: "552100554"))
        #expect(pilot.target == "production")
        #expect(pilot.ruleNumber == 2)
        #expect(pilot.format == .facturX)
        #expect(pilot.profile == .basic)
        #expect(pilot.processing == .b2b)

        let other = table.decide(.synthetic("A-3", customer: "C999", siren: "552100554"))
        #expect(other.isLegacy)
        #expect(other.ruleNumber == nil)
        #expect(other.ruleLabel == "the default rule")
        #expect(other.format == .cii)
        #expect(other.profile == .en16931)
    }

    @Test func countryAndBatchConditionsAndTheInferredProcessingRule() {
        let belgian = table.decide(.synthetic("B-1", customer: "C500", country: "BE"))
        #expect(belgian.ruleID == "belgium")
        #expect(belgian.processing == .b2bInternational)
        let night = table.decide(.synthetic("B-2", customer: "C500", batch: "NIGHT-2026-03-14"))
        #expect(night.ruleID == "night-batch")
        #expect(night.processing == .b2c)
        #expect(table.decide(.synthetic("B-3", customer: "C500", batch: "DAY-2026-03-14")).isLegacy)
        #expect(table.decide(.synthetic("B-4", customer: "C500", batch: nil)).isLegacy)
        // A rule without a format sends the customer's preferred one.
        #expect(table.decide(.synthetic("B-5", country: "BE", preferred: .ubl)).format == .ubl)
    }

    @Test func sirenAndSiretPrefixesAndRanges() throws {
        let condition = RoutingCondition(sirenPrefixes: ["5521"])
        #expect(condition.matches(.synthetic("S-1", siren: "552100554")))
        #expect(condition.matches(.synthetic("S-2", siret: "55210055400013")))
        #expect(!condition.matches(.synthetic("S-3", siren: "732829320")))
        #expect(!condition.matches(.synthetic("S-4")))

        let siret = RoutingCondition(siretPrefixes: ["552100554000"])
        #expect(siret.matches(.synthetic("S-5", siret: "55210055400013")))
        #expect(!siret.matches(.synthetic("S-6", siren: "552100554")))

        let range = try #require(SIRETRange(parsing: "11000000000000-11999999999999"))
        let ranged = RoutingCondition(siretRanges: [range])
        #expect(ranged.matches(.synthetic("S-7", siret: "11000201100044")))
        #expect(!ranged.matches(.synthetic("S-8", siret: "21000201100044")))
        #expect(SIRETRange(parsing: "2-1") == nil)
        #expect(SIRETRange(parsing: "21000201100044-11000201100044") == nil)

        // Public bodies: SIREN starting with 1 or 2; `public_sector: false` excludes them.
        #expect(RoutingCondition(publicSector: true).matches(.synthetic("S-9", siret: "21690123100011")))
        #expect(!RoutingCondition(publicSector: false).matches(.synthetic("S-10", siren: "130005481")))
        #expect(RoutingCondition(publicSector: false).matches(.synthetic("S-11", siren: "552100554")))
    }

    @Test func theFactsOfAStoredInvoiceComeFromItsBuyer() {
        var invoice = SampleInvoice.make(lineCount: 1, number: "F-1")
        invoice.buyer.identifiers = [Identifier("C001"), Identifier("21690123100011", schemeID: "0009")]
        invoice.buyer.legalRegistrationIdentifier = nil
        var address = PostalAddress(countryCode: "FR")
        address.city = "Lyon"
        invoice.buyer.postalAddress = address
        let record = InvoiceRecord(
            id: InvoiceID("i-1"), tenant: TenantID("t"), state: .archived,
            documentKey: DocumentKey(seller: "123456782", year: 2026, number: "F-1"), idempotencyKey: nil,
            payloadSHA256: "", sourceFormat: .ubl, issueDate: nil, buyerName: "Ville de Lyon", customerCode: "C001",
            currencyCode: "EUR", totalWithVAT: nil, batchID: "B-7", createdAt: Date(), updatedAt: Date())
        let facts = RoutingFacts(invoice: invoice, record: record, customer: nil)
        #expect(facts.customerCode == "C001")
        #expect(facts.buyerSIRET == "21690123100011")
        #expect(facts.buyerSIREN == "216901231")
        #expect(facts.publicSector)
        #expect(facts.buyerCountry == "FR")
        #expect(facts.batchID == "B-7")
        #expect(facts.preferredFormat == .ubl)
        #expect(facts.rolloutBucket == RoutingFacts.rolloutBucket(seller: "123456782", number: "F-1"))
    }

    @Test func aPercentageRollOutIsStableAndOnlyGrows() {
        func rollOut(_ basisPoints: Int) -> RoutingTable {
            RoutingTable(rules: [RoutingRule(when: RoutingCondition(percentBasisPoints: basisPoints),
                                             then: RouteAction(target: "production"))],
                         fallback: RouteAction(target: RoutingTarget.legacy))
        }
        let invoices = (0..<10_000).map { RoutingFacts.synthetic("FA-2026-\($0)", seller: "SELLER-\($0 % 7)") }
        let shares = [0, 500, 1_000, 2_000, 5_000, 10_000]
        var previous: Set<Int> = []
        for share in shares {
            let table = rollOut(share)
            let inRollOut = Set(invoices.indices.filter { !table.decide(invoices[$0]).isLegacy })
            // Raising the share keeps every invoice that was already in.
            #expect(previous.isSubset(of: inRollOut), "share \(share)")
            // About share / 10,000 of the invoices (the hash spreads them; ±3 % of the population is ample).
            #expect(abs(inRollOut.count - share) <= 300, "share \(share): \(inRollOut.count) of 10,000")
            previous = inRollOut
        }
        #expect(previous.count == invoices.count)
        // The same invoice always falls in the same place.
        let again = (0..<10_000).map { RoutingFacts.synthetic("FA-2026-\($0)", seller: "SELLER-\($0 % 7)") }
        #expect(again.map(\.rolloutBucket) == invoices.map(\.rolloutBucket))
        #expect(invoices.allSatisfy { (0..<10_000).contains($0.rolloutBucket) })
        // A different seller with the same number lands elsewhere for most numbers.
        let moved = (0..<1_000).filter {
            RoutingFacts.rolloutBucket(seller: "A", number: "N\($0)") != RoutingFacts.rolloutBucket(seller: "B", number: "N\($0)")
        }
        #expect(moved.count > 900)
    }

    @Test func thePolicyPicksTheTenantsTableAndItsDryRun() {
        let shared = RoutingTable(fallback: RouteAction(target: "production"))
        let own = RoutingTable(fallback: RouteAction(target: RoutingTarget.legacy), dryRun: true)
        let policy = RoutingPolicy(shared: shared, tenants: [TenantID("acme"): own])
        #expect(policy.decide(.synthetic("P-1"), tenant: TenantID("acme"))?.isLegacy == true)
        #expect(policy.decide(.synthetic("P-1"), tenant: TenantID("other"))?.target == "production")
        #expect(policy.isDryRun(tenant: TenantID("acme")))
        #expect(!policy.isDryRun(tenant: TenantID("other")))
        #expect(RoutingPolicy(tenants: [TenantID("acme"): own]).decide(.synthetic("P-1"), tenant: TenantID("x")) == nil)
        #expect(policy.targets == ["production", "legacy"])
    }
}
