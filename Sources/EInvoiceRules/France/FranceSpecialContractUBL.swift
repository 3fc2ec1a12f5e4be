/// BR-FR-MV-* and BR-FR-BD-* in UBL, where a line's role is a billing reference to the invoice itself: its
/// `cbc:DocumentStatusCode` (GROUP, DETAIL, INFORMATION) and, for a sub-line, its parent in
/// `cac:BillingReferenceLine/cbc:ID`.
enum FranceSpecialContractUBL {
    static let lines = "ubl:Invoice/cac:InvoiceLine | cn:CreditNote/cac:CreditNoteLine"
    static let manufacturer = "cac:Item/cac:ManufacturerParty/cac:PartyLegalEntity"

    static func invoiceIDs(_ tree: FrenchTree) -> Set<String> {
        Set(tree.root.map { tree.children($0, "cbc:ID").map(tree.text) } ?? [])
    }

    static func allLines(_ tree: FrenchTree, _ root: Int) -> [Int] {
        tree.children(root, "cac:InvoiceLine") + tree.children(root, "cac:CreditNoteLine")
    }

    /// The line's billing references to the invoice itself.
    static func selfReferences(_ tree: FrenchTree, _ line: Int) -> [Int] {
        let ids = invoiceIDs(tree)
        return tree.children(line, "cac:BillingReference").filter {
            tree.any($0, "cac:InvoiceDocumentReference/cbc:ID", in: ids)
        }
    }

    /// The self reference that makes a line the GROUP head of a sub-invoice.
    static func isGroupReference(_ tree: FrenchTree, _ reference: Int) -> Bool {
        tree.any(reference, "cac:InvoiceDocumentReference/cbc:ID", in: invoiceIDs(tree))
            && tree.any(reference, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode", equals: "GROUP")
            && tree.select(reference, "cac:BillingReferenceLine/cbc:ID").isEmpty
    }

    static func groupReferences(_ tree: FrenchTree, _ line: Int) -> [Int] {
        tree.children(line, "cac:BillingReference").filter { isGroupReference(tree, $0) }
    }

    /// The AFL identifiers of a line's sub-invoice documents (type 130).
    static func subInvoiceIDs(_ tree: FrenchTree, _ line: Int) -> [Int] {
        tree.children(line, "cac:DocumentReference").filter { tree.any($0, "cbc:DocumentTypeCode", equals: "130") }
            .flatMap { tree.select($0, "cbc:ID", attribute: "schemeID", equals: "AFL") }
    }

    static func subInvoiceNumber(_ tree: FrenchTree, _ line: Int) -> String {
        FrenchText.normalizeSpace(tree.text(subInvoiceIDs(tree, line)))
    }

    static func documentCurrencyAmount(_ tree: FrenchTree, _ line: Int, currencies: Set<String>) -> [Int] {
        tree.select(line, "cac:TaxTotal/cbc:TaxAmount").filter {
            tree.attribute($0, "currencyID").map(currencies.contains) ?? false
        }
    }

    /// A check on every GROUP head reference `(line)/cac:BillingReference[…]`, given its line.
    static func onGroup(
        _ id: String, terms: [String], _ message: FrenchMessage,
        _ holds: @escaping @Sendable (FrenchTree, Int, FrenchFramework) -> Bool
    ) -> FrenchElementCheck {
        FrenchElementCheck(
            id, terms: terms,
            lines.split(separator: "|").map { "\($0.trimmingWhitespace())/cac:BillingReference" }
                .joined(separator: " | "), message
        ) { tree, reference, framework in
            guard isGroupReference(tree, reference), let line = tree.parent(reference) else { return true }
            return holds(tree, line, framework)
        }
    }

    static let checks: [FrenchElementCheck] =
        [
            FrenchElementCheck(
                "BR-FR-MV-01_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"], "cac:InvoiceLine | cac:CreditNoteLine",
                .lineStatus
            ) { tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let references = selfReferences(tree, line)
                return !references.isEmpty
                    && !FrenchText.normalizeSpace(
                        tree.text(
                            references.flatMap {
                                tree.select($0, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode")
                            })
                    ).isEmpty
            },
            FrenchElementCheck(
                "BR-FR-MV-02_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"], "ubl:Invoice | cn:CreditNote", .groupLines(1)
            ) {
                tree, root, framework in
                !framework.isMultiVendor || allLines(tree, root).contains { !groupReferences(tree, $0).isEmpty }
            },
            FrenchElementCheck(
                "BR-FR-BD-02_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"], "ubl:Invoice | cn:CreditNote", .groupLines(2)
            ) {
                tree, root, framework in
                !framework.isDisbursement || allLines(tree, root).flatMap { groupReferences(tree, $0) }.count == 2
            },
        ]
        + [("BT-30", "cac:AccountingSupplierParty", true), ("BT-47", "cac:AccountingCustomerParty", false)].map {
            term, party, isSeller in
            FrenchElementCheck(
                "BR-FR-BD-02_\(term)", terms: [term, "EXT-FR-FE-167"], "ubl:Invoice | cn:CreditNote",
                .disbursementGroup(seller: isSeller)
            ) { tree, root, framework in
                guard framework.isDisbursement else { return true }
                let legal = Set(
                    tree.select(root, party + "/cac:Party/cac:PartyLegalEntity/cbc:CompanyID").map(tree.text))
                return allLines(tree, root).flatMap { line in
                    tree.any(line, manufacturer + "/cbc:CompanyID", in: legal) ? groupReferences(tree, line) : []
                }.count == 1
            }
        }
        + [
            ("EXT-FR-FE-164", manufacturer + "/cbc:RegistrationName"),
            ("EXT-FR-FE-167", manufacturer + "/cbc:CompanyID"),
        ].map { term, path in
            onGroup("BR-FR-MV-03_\(term)", terms: [term], .groupHead(term)) { tree, line, framework in
                !framework.isSpecialContract || !tree.normalized(line, path).isEmpty
            }
        } + [
            onGroup("BR-FR-MV-03_EXT-FR-FE-177", terms: ["EXT-FR-FE-177"], .groupHead("EXT-FR-FE-177")) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let codes = tree.descendants(line, "cac:Item")
                    .flatMap {
                        tree.select($0, "cac:ManufacturerParty/cac:PostalAddress/cac:Country/cbc:IdentificationCode")
                    }
                return !FrenchText.normalizeSpace(tree.text(codes)).isEmpty
            },
            onGroup("BR-FR-MV-03_EXT-FR-FE-181", terms: ["EXT-FR-FE-181"], .groupHead("EXT-FR-FE-181")) {
                tree, line, framework in
                guard framework.isSpecialContract, let root = tree.root else { return true }
                let currencies = Set(tree.children(root, "cbc:DocumentCurrencyCode").map(tree.text))
                return !FrenchText.normalizeSpace(tree.text(documentCurrencyAmount(tree, line, currencies: currencies)))
                    .isEmpty
            },
            onGroup("BR-FR-MV-03_EXT-FR-FE-182", terms: ["EXT-FR-FE-182"], .groupHead("EXT-FR-FE-182")) {
                tree, line, framework in
                guard framework.isSpecialContract, let root = tree.root else { return true }
                let accounting = tree.descendants(root, "cbc:TaxCurrencyCode").map(tree.text)
                guard !accounting.isEmpty else { return true }
                let amounts = documentCurrencyAmount(tree, line, currencies: Set(accounting))
                return accounting.contains { !$0.isEmpty } && !FrenchText.normalizeSpace(tree.text(amounts)).isEmpty
            },
            onGroup("BR-FR-MV-03_BT-128_AFL", terms: ["BT-128"], .subInvoiceReference("AFL")) { tree, line, framework in
                !framework.isSpecialContract || !subInvoiceNumber(tree, line).isEmpty
            },
            onGroup("BR-FR-MV-03_BT-128_AVV", terms: ["BT-128"], .subInvoiceReference("AVV")) { tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let ids = tree.children(line, "cac:DocumentReference").filter {
                    tree.any($0, "cbc:DocumentTypeCode", equals: "130")
                }
                .flatMap { tree.select($0, "cbc:ID", attribute: "schemeID", equals: "AVV") }
                return !FrenchText.normalizeSpace(tree.text(ids)).isEmpty
                    && !ids.contains { FrenchCodes.multiVendorFrameworks.contains(tree.text($0)) }
            },
        ] + FranceSpecialContractLineUBL.checks
}
