import EInvoice

/// BR-FR-MV-* and BR-FR-BD-* in CII: invoices of several sellers (frameworks S8, B8, M8) and disbursements
/// (S9, B9, M9) group their lines under GROUP lines, one per sub-invoice (EXTENDED-CTC-FR).
enum FranceSpecialContractCII {
    private static let transaction = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction"
    private static let line = transaction + "/ram:IncludedSupplyChainTradeLineItem"
    private static let seller = "ram:SpecifiedLineTradeAgreement/ram:ItemSellerTradeParty"
    private static let lineTotals = "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"

    static func statuses(_ tree: FrenchTree, _ line: Int) -> [String] {
        tree.select(line, "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode").map(tree.text)
    }

    /// A GROUP line without a parent: the head of a sub-invoice.
    static func isGroupHead(_ tree: FrenchTree, _ line: Int) -> Bool {
        statuses(tree, line).contains("GROUP")
            && tree.select(line, "ram:AssociatedDocumentLineDocument/ram:ParentLineID").isEmpty
    }

    /// The sub-invoice references of a line: AFL documents of type 130.
    static func subInvoiceIDs(_ tree: FrenchTree, _ line: Int) -> [Int] {
        tree.select(line, "ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument").filter {
            tree.any($0, "ram:ReferenceTypeCode", equals: "AFL") && tree.any($0, "ram:TypeCode", equals: "130")
        }.flatMap { tree.children($0, "ram:IssuerAssignedID") }
    }

    static func subInvoiceNumber(_ tree: FrenchTree, _ line: Int) -> String {
        FrenchText.normalizeSpace(tree.text(subInvoiceIDs(tree, line)))
    }

    private static func siblings(_ tree: FrenchTree, _ line: Int) -> [Int] {
        tree.parent(line).map { tree.children($0, "ram:IncludedSupplyChainTradeLineItem") } ?? []
    }

    /// The lines whose LineID equals one of `ids`.
    private static func lines(_ tree: FrenchTree, _ line: Int, withIDs ids: [String]) -> [Int] {
        siblings(tree, line).filter { tree.any($0, "ram:AssociatedDocumentLineDocument/ram:LineID", in: Set(ids)) }
    }

    private static func currencyAmount(_ tree: FrenchTree, _ line: Int, _ name: String, currencies: [Int]) -> [Int] {
        let codes = Set(currencies.map(tree.text))
        return tree.select(line, lineTotals + "/ram:" + name).filter {
            tree.attribute($0, "currencyID").map(codes.contains) ?? false
        }
    }

    private static func headerCurrencies(_ tree: FrenchTree, _ line: Int, _ name: String) -> [Int] {
        tree.parent(line).map { tree.select($0, "ram:ApplicableHeaderTradeSettlement/ram:" + name) } ?? []
    }

    static let checks: [FrenchElementCheck] =
        [
            FrenchElementCheck(
                "BR-FR-MV-01_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"],
                line + "/ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode", .lineStatus
            ) { tree, code, framework in
                !framework.isSpecialContract || !FrenchText.normalizeSpace(tree.text(code)).isEmpty
            },
            FrenchElementCheck("BR-FR-MV-02_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"], transaction, .groupLines(1)) {
                tree, transaction, framework in
                !framework.isMultiVendor
                    || tree.children(transaction, "ram:IncludedSupplyChainTradeLineItem")
                        .contains { isGroupHead(tree, $0) }
            },
            FrenchElementCheck("BR-FR-BD-02_EXT-FR-FE-163", terms: ["EXT-FR-FE-163"], transaction, .groupLines(2)) {
                tree, transaction, framework in
                !framework.isDisbursement
                    || tree.children(transaction, "ram:IncludedSupplyChainTradeLineItem")
                        .filter { isGroupHead(tree, $0) }.count == 2
            },
        ]
        + [("BT-31", "ram:SellerTradeParty", true), ("BT-47", "ram:BuyerTradeParty", false)].map {
            term, party, isSeller in
            FrenchElementCheck(
                "BR-FR-BD-02_\(term)", terms: [term, "EXT-FR-FE-167"], transaction, .disbursementGroup(seller: isSeller)
            ) {
                tree, transaction, framework in
                guard framework.isDisbursement else { return true }
                let legal = Set(
                    tree.select(
                        transaction, "ram:ApplicableHeaderTradeAgreement/\(party)/ram:SpecifiedLegalOrganization/ram:ID"
                    )
                    .map(tree.text))
                return tree.children(transaction, "ram:IncludedSupplyChainTradeLineItem").filter {
                    isGroupHead(tree, $0) && tree.any($0, seller + "/ram:SpecifiedLegalOrganization/ram:ID", in: legal)
                }.count == 1
            }
        } + groupHeadChecks + FranceSpecialContractLineCII.checks

    /// BR-FR-MV-03: what the GROUP line of each sub-invoice carries.
    private static let groupHeadChecks: [FrenchElementCheck] =
        [
            ("EXT-FR-FE-164", seller + "/ram:Name"),
            ("EXT-FR-FE-167", seller + "/ram:SpecifiedLegalOrganization/ram:ID"),
            ("EXT-FR-FE-177", seller + "/ram:PostalTradeAddress/ram:CountryID"),
        ].map { term, path in
            FrenchElementCheck("BR-FR-MV-03_\(term)", terms: [term], line, .groupHead(term)) { tree, line, framework in
                !framework.isSpecialContract || !isGroupHead(tree, line) || !tree.normalized(line, path).isEmpty
            }
        } + [
            FrenchElementCheck("BR-FR-MV-03_EXT-FR-FE-181", terms: ["EXT-FR-FE-181"], line, .groupHead("EXT-FR-FE-181"))
            {
                tree, line, framework in
                guard framework.isSpecialContract, isGroupHead(tree, line) else { return true }
                let amounts = currencyAmount(
                    tree, line, "TaxTotalAmount", currencies: headerCurrencies(tree, line, "InvoiceCurrencyCode"))
                return !FrenchText.normalizeSpace(tree.text(amounts)).isEmpty
            },
            FrenchElementCheck("BR-FR-MV-03_EXT-FR-FE-182", terms: ["EXT-FR-FE-182"], line, .groupHead("EXT-FR-FE-182"))
            {
                tree, line, framework in
                guard framework.isSpecialContract, isGroupHead(tree, line) else { return true }
                let accounting = headerCurrencies(tree, line, "TaxCurrencyCode")
                guard !accounting.isEmpty else { return true }
                let amounts = currencyAmount(tree, line, "TaxTotalAmount", currencies: accounting)
                return accounting.contains { !tree.text($0).isEmpty }
                    && !FrenchText.normalizeSpace(tree.text(amounts)).isEmpty
            },
        ]
        + ["AFL", "AVV"].map { code in
            FrenchElementCheck(
                "BR-FR-MV-03_BT-128_\(code)", terms: ["BT-128"],
                line + "/ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument", .subInvoiceReference(code)
            ) {
                tree, document, framework in
                guard framework.isSpecialContract, tree.any(document, "ram:ReferenceTypeCode", equals: code),
                    let line = tree.parent(document).flatMap(tree.parent), isGroupHead(tree, line)
                else { return true }
                let valid =
                    tree.any(document, "ram:TypeCode", equals: "130")
                    && !tree.normalized(document, "ram:IssuerAssignedID").isEmpty
                return valid
                    && (code == "AFL"
                        || !tree.any(document, "ram:IssuerAssignedID", in: FrenchCodes.multiVendorFrameworks))
            }
        }

    static func lineLinks(_ tree: FrenchTree, _ line: Int, _ value: (Int) -> String) -> (own: String, parent: String?) {
        let parents = tree.select(line, "ram:AssociatedDocumentLineDocument/ram:ParentLineID").map(tree.text)
        guard !parents.isEmpty else { return (value(line), nil) }
        let parentLines = lines(tree, line, withIDs: parents)
        return (value(line), parentLines.first.map(value) ?? "")
    }

    /// The rules the model can carry (BT-3 against BT-23), reported with the CII rule ids. Line roles, sub-invoice
    /// references and line sellers are EXTENDED-CTC-FR terms the model does not hold.
    static func checkModel(_ invoice: Invoice, _ context: inout RuleContext) {
        let framework = FrenchFramework(code: invoice.processControl.businessProcessType)
        let type = invoice.typeCode
        if framework.isMultiVendor, type.isEmpty || FrenchCodes.specialContractTypes.contains(type) {
            context.report("BR-FR-MV-13_BT-3", terms: ["BT-3", "BT-23"], .term("BT-3"), .multiVendorType)
        }
        if framework.isDisbursement, !FrenchCodes.specialContractTypes.contains(type) {
            context.report("BR-FR-BD-13_BT-3", terms: ["BT-3", "BT-23"], .term("BT-3"), .disbursementType)
        }
    }
}
