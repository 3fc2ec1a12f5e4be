import EInvoice

/// BR-FR-MV-05 … BR-FR-MV-14 and BR-FR-BD-13/14 in CII: the sums, sub-invoice numbers and document types of
/// multi-vendor and disbursement invoices.
enum FranceSpecialContractLineCII {
    private typealias Contract = FranceSpecialContractCII
    private static let document = "rsm:CrossIndustryInvoice/rsm:ExchangedDocument"
    private static let transaction = "rsm:CrossIndustryInvoice/rsm:SupplyChainTradeTransaction"
    private static let line = transaction + "/ram:IncludedSupplyChainTradeLineItem"
    private static let lineTotals = "ram:SpecifiedLineTradeSettlement/ram:SpecifiedTradeSettlementLineMonetarySummation"
    private static let sellerLegalID =
        "ram:SpecifiedLineTradeAgreement/ram:ItemSellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID"

    private static func lines(of line: Int, _ tree: FrenchTree) -> [Int] {
        tree.parent(line).map { tree.children($0, "ram:IncludedSupplyChainTradeLineItem") } ?? []
    }

    private static func invoiceCurrencyAmount(_ tree: FrenchTree, _ line: Int, _ name: String) -> [Int] {
        let currencies = Set(
            (tree.parent(line).map {
                tree.select($0, "ram:ApplicableHeaderTradeSettlement/ram:InvoiceCurrencyCode")
            } ?? []).map(tree.text))
        return tree.select(line, lineTotals + "/ram:" + name).filter {
            tree.attribute($0, "currencyID").map(currencies.contains) ?? false
        }
    }

    static let checks: [FrenchElementCheck] =
        [
            FrenchElementCheck("BR-FR-MV-05_EXT-FR-FE-BG-12", terms: ["EXT-FR-FE-BG-12", "BT-131"], line, .groupSum) {
                tree, line, framework in
                guard framework.isSpecialContract, Contract.isGroupHead(tree, line) else { return true }
                let id = tree.normalized(line, "ram:AssociatedDocumentLineDocument/ram:LineID")
                let amounts = lines(of: line, tree).filter { sub in
                    tree.any(sub, "ram:AssociatedDocumentLineDocument/ram:ParentLineID", equals: id)
                        && Contract.statuses(tree, sub).contains { $0 != "INFORMATION" }
                }.flatMap { tree.select($0, lineTotals + "/ram:LineTotalAmount") }
                return FrenchNumbers.withinTolerance(
                    tree.select(line, lineTotals + "/ram:LineTotalAmount").first.map(tree.text),
                    minusDoubles: amounts.map(tree.text), tolerance: amounts.count)
            },
            FrenchElementCheck("BR-FR-MV-06_EXT-FR-FE-167", terms: ["EXT-FR-FE-167"], line, .sameSeller) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let links = Contract.lineLinks(tree, line) { tree.normalized($0, sellerLegalID) }
                return !links.own.isEmpty && (links.parent == nil || links.own == links.parent)
            },
            FrenchElementCheck("BR-FR-MV-07_BT-128", terms: ["BT-128"], line, .sameSubInvoice) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let links = Contract.lineLinks(tree, line) { Contract.subInvoiceNumber(tree, $0) }
                return !links.own.isEmpty && (links.parent == nil || links.own == links.parent)
            },
            FrenchElementCheck("BR-FR-MV-08_BT-128", terms: ["BT-128", "BT-120"], line, .detailExemption) {
                tree, line, framework in
                guard framework.isSpecialContract, Contract.statuses(tree, line).contains("DETAIL") else { return true }
                let number = Contract.subInvoiceNumber(tree, line)
                let reason = tree.text(
                    tree.select(line, "ram:SpecifiedLineTradeSettlement/ram:ApplicableTradeTax/ram:ExemptionReason"))
                return !FrenchText.normalizeSpace(reason).isEmpty && !number.isEmpty
                    && FrenchText.startsWith(reason, "#\(number)#")
            },
            FrenchElementCheck("BR-FR-MV-09_EXT-FR-FE-181", terms: ["EXT-FR-FE-181"], line, .groupVAT) {
                tree, line, framework in
                guard framework.isSpecialContract, Contract.isGroupHead(tree, line) else { return true }
                let marker = "#\(Contract.subInvoiceNumber(tree, line))#"
                let taxes =
                    (tree.parent(line).map {
                        tree.select($0, "ram:ApplicableHeaderTradeSettlement/ram:ApplicableTradeTax")
                    } ?? [])
                    .filter {
                        tree.any($0, "ram:TypeCode", equals: "VAT")
                            && FrenchText.startsWith(tree.text(tree.children($0, "ram:ExemptionReason")), marker)
                    }
                let amounts = taxes.flatMap { tree.children($0, "ram:CalculatedAmount") }.map(tree.text)
                return FrenchNumbers.withinTolerance(
                    invoiceCurrencyAmount(tree, line, "TaxTotalAmount").first.map(tree.text), minusDoubles: amounts,
                    tolerance: 1)
            },
            FrenchElementCheck("BR-FR-MV-10_EXT-FR-FE-184", terms: ["EXT-FR-FE-184"], line, .groupTotal) {
                tree, line, framework in
                guard framework.isSpecialContract, Contract.isGroupHead(tree, line) else { return true }
                let grand = tree.select(line, lineTotals + "/ram:GrandTotalAmount")
                guard let first = grand.first else { return true }
                let ids = Set(tree.select(line, "ram:AssociatedDocumentLineDocument/ram:LineID").map(tree.text))
                let root = tree.root ?? 0
                let count = tree.select(root, "rsm:SupplyChainTradeTransaction/ram:IncludedSupplyChainTradeLineItem")
                    .filter {
                        tree.any($0, "ram:AssociatedDocumentLineDocument/ram:ParentLineID", in: ids)
                            && tree.any(
                                $0, "ram:AssociatedDocumentLineDocument/ram:LineStatusReasonCode",
                                in: ["DETAIL", "GROUP"])
                    }.count
                guard !FrenchText.normalizeSpace(tree.text(first)).isEmpty else { return false }
                return FrenchNumbers.exactlyWithin(
                    tree.text(first),
                    minus: [
                        tree.select(line, lineTotals + "/ram:LineTotalAmount").first.map(tree.text),
                        invoiceCurrencyAmount(tree, line, "TaxTotalAmount").first.map(tree.text),
                    ],
                    tolerance: count)
            },
            FrenchElementCheck("BR-FR-MV-11_BT-128", terms: ["BT-128", "BT-1"], line, .mainSellerSubInvoice) {
                tree, line, framework in
                guard framework.isSpecialContract, let root = tree.root else { return true }
                let sellerIDs = Set(
                    tree.select(
                        root,
                        "rsm:SupplyChainTradeTransaction/ram:ApplicableHeaderTradeAgreement"
                            + "/ram:SellerTradeParty/ram:SpecifiedLegalOrganization/ram:ID"
                    ).map(tree.text))
                func isMainSellerGroup(_ line: Int) -> Bool {
                    tree.any(line, sellerLegalID, in: sellerIDs) && Contract.isGroupHead(tree, line)
                }
                guard isMainSellerGroup(line) else { return true }
                let invoiceIDs = tree.select(root, "rsm:ExchangedDocument/ram:ID").map(tree.text)
                let count = tree.descendants(root, "ram:IncludedSupplyChainTradeLineItem").filter(isMainSellerGroup)
                    .flatMap { tree.select($0, "ram:SpecifiedLineTradeSettlement/ram:AdditionalReferencedDocument") }
                    .filter {
                        tree.any($0, "ram:ReferenceTypeCode", equals: "AFL")
                            && tree.any($0, "ram:TypeCode", equals: "130")
                            && tree.any($0, "ram:IssuerAssignedID", in: Set(invoiceIDs))
                    }.count
                let number = Contract.subInvoiceNumber(tree, line)
                return count == 1 || (count == 0 && invoiceIDs.contains(number))
                    || (count > 1 && invoiceIDs.contains { $0 != number })
            },
            FrenchElementCheck("BR-FR-MV-12_BT-128", terms: ["BT-128"], transaction, .uniqueSubInvoice) {
                tree, transaction, framework in
                guard framework.isSpecialContract else { return true }
                let all = tree.descendants(tree.root ?? transaction, "ram:IssuerAssignedID")
                return !tree.children(transaction, "ram:IncludedSupplyChainTradeLineItem")
                    .filter { Contract.isGroupHead(tree, $0) }
                    .flatMap { Contract.subInvoiceIDs(tree, $0) }
                    .contains { id in
                        all.contains { $0 < id && tree.text($0) == tree.text(id) && !isAncestor($0, of: id, tree) }
                    }
            },
            FrenchElementCheck(
                "BR-FR-MV-13_BT-3", terms: ["BT-3", "BT-23"], document + "/ram:TypeCode", .multiVendorType
            ) {
                tree, code, framework in
                !framework.isMultiVendor
                    || (!FrenchText.normalizeSpace(tree.text(code)).isEmpty
                        && !FrenchCodes.specialContractTypes.contains(tree.text(code)))
            },
            FrenchElementCheck(
                "BR-FR-BD-13_BT-3", terms: ["BT-3", "BT-23"], document + "/ram:TypeCode", .disbursementType
            ) {
                tree, code, framework in
                !framework.isDisbursement
                    || FrenchCodes.specialContractTypes.contains(FrenchText.normalizeSpace(tree.text(code)))
            },
        ]
        + [("MV", FrenchCodes.multiVendorCorrectionTypes), ("BD", FrenchCodes.disbursementCorrectionTypes)].flatMap {
            kind, types in
            [
                ("EXT-FR-FE-136", "ram:IssuerAssignedID"),
                ("EXT-FR-FE-138", "ram:FormattedIssueDateTime/qdt:DateTimeString"),
            ]
            .map { term, path in
                FrenchElementCheck("BR-FR-\(kind)-14-\(term)", terms: [term, "BT-3"], line, .correctedSubInvoice(term))
                {
                    tree, line, framework in
                    let applies = kind == "MV" ? framework.isMultiVendor : framework.isDisbursement
                    guard applies, Contract.isGroupHead(tree, line), let root = tree.root,
                        tree.any(root, "rsm:ExchangedDocument/ram:TypeCode", in: types)
                    else { return true }
                    return !tree.select(line, "ram:SpecifiedLineTradeSettlement/ram:InvoiceReferencedDocument/" + path)
                        .isEmpty
                }
            }
        }

    static func isAncestor(_ candidate: Int, of element: Int, _ tree: FrenchTree) -> Bool {
        var current = tree.parent(element)
        while let next = current {
            if next == candidate { return true }
            current = tree.parent(next)
        }
        return false
    }
}
