/// BR-FR-MV-05 … BR-FR-MV-14, BR-FR-MV-BD_BT-3 and BR-FR-BD-14 in UBL.
enum FranceSpecialContractLineUBL {
    private typealias Contract = FranceSpecialContractUBL

    private static func siblings(_ tree: FrenchTree, _ line: Int) -> [Int] {
        tree.parent(line).map { Contract.allLines(tree, $0) } ?? []
    }

    /// The line's own value and, when it names a parent line, the parent's.
    private static func links(
        _ tree: FrenchTree, _ line: Int, _ value: (Int) -> String
    ) -> (own: String, parent: String?) {
        let parents = Set(
            Contract.selfReferences(tree, line)
                .flatMap { tree.select($0, "cac:BillingReferenceLine/cbc:ID") }.map(tree.text))
        guard !parents.isEmpty else { return (value(line), nil) }
        let parentLines = siblings(tree, line).filter { tree.any($0, "cbc:ID", in: parents) }
        return (value(line), parentLines.first.map(value) ?? "")
    }

    private static func currencies(_ tree: FrenchTree) -> Set<String> {
        Set(tree.root.map { tree.children($0, "cbc:DocumentCurrencyCode").map(tree.text) } ?? [])
    }

    static let checks: [FrenchElementCheck] =
        [
            Contract.onGroup("BR-FR-MV-05_EXT-FR-FE-BG-12", terms: ["EXT-FR-FE-BG-12", "BT-131"], .groupSum) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let id = tree.normalized(line, "cbc:ID")
                let ids = Contract.invoiceIDs(tree)
                let amounts = siblings(tree, line).filter { sub in
                    tree.children(sub, "cac:BillingReference").contains { reference in
                        tree.any(reference, "cac:InvoiceDocumentReference/cbc:ID", in: ids)
                            && tree.select(reference, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode")
                                .contains { tree.text($0) != "INFORMATION" }
                            && tree.any(reference, "cac:BillingReferenceLine/cbc:ID", equals: id)
                    }
                }.flatMap { tree.children($0, "cbc:LineExtensionAmount") }
                return FrenchNumbers.withinTolerance(
                    tree.children(line, "cbc:LineExtensionAmount").first.map(tree.text),
                    minusDoubles: amounts.map(tree.text), tolerance: amounts.count)
            },
            FrenchElementCheck("BR-FR-MV-06_EXT-FR-FE-167", terms: ["EXT-FR-FE-167"], Contract.lines, .sameSeller) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let result = links(tree, line) { tree.normalized($0, Contract.manufacturer + "/cbc:CompanyID") }
                return !result.own.isEmpty && (result.parent == nil || result.own == result.parent)
            },
            FrenchElementCheck("BR-FR-MV-07_BT-128", terms: ["BT-128"], Contract.lines, .sameSubInvoice) {
                tree, line, framework in
                guard framework.isSpecialContract else { return true }
                let result = links(tree, line) { Contract.subInvoiceNumber(tree, $0) }
                return !result.own.isEmpty && (result.parent == nil || result.own == result.parent)
            },
            FrenchElementCheck("BR-FR-MV-08_BT-128", terms: ["BT-128", "BT-120"], Contract.lines, .detailExemption) {
                tree, line, framework in
                let isDetail = Contract.selfReferences(tree, line).contains {
                    tree.any($0, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode", equals: "DETAIL")
                }
                guard framework.isSpecialContract, isDetail else { return true }
                let number = Contract.subInvoiceNumber(tree, line)
                let reason = tree.text(tree.select(line, "cac:Item/cac:ClassifiedTaxCategory/cbc:TaxExemptionReason"))
                return !FrenchText.normalizeSpace(reason).isEmpty && !number.isEmpty
                    && FrenchText.startsWith(reason, "#\(number)#")
            },
            Contract.onGroup("BR-FR-MV-09_EXT-FR-FE-181", terms: ["EXT-FR-FE-181"], .groupVAT) {
                tree, line, framework in
                guard framework.isSpecialContract, let root = tree.root else { return true }
                let marker = "#\(Contract.subInvoiceNumber(tree, line))#"
                let amounts = tree.select(root, "cac:TaxTotal/cac:TaxSubtotal").filter {
                    tree.any($0, "cac:TaxCategory/cac:TaxScheme/cbc:ID", equals: "VAT")
                        && FrenchText.startsWith(
                            tree.text(tree.select($0, "cac:TaxCategory/cbc:TaxExemptionReason")), marker)
                }.flatMap { tree.children($0, "cbc:TaxAmount") }.map(tree.text)
                let own = Contract.documentCurrencyAmount(tree, line, currencies: currencies(tree)).first.map(tree.text)
                return FrenchNumbers.withinTolerance(own, minusDoubles: amounts, tolerance: 1)
            },
            Contract.onGroup("BR-FR-MV-10_EXT-FR-FE-184", terms: ["EXT-FR-FE-184"], .groupTotal) {
                tree, line, framework in
                guard framework.isSpecialContract, let root = tree.root,
                    let total = tree.children(line, "cbc:TaxInclusiveLineExtensionAmount").first
                else { return true }
                let ids = Contract.invoiceIDs(tree)
                let lineIDs = Set(tree.children(line, "cbc:ID").map(tree.text))
                let count = Contract.allLines(tree, root).flatMap { tree.children($0, "cac:BillingReference") }.filter {
                    tree.any($0, "cac:InvoiceDocumentReference/cbc:ID", in: ids)
                        && tree.any($0, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode", in: ["DETAIL", "GROUP"])
                        && tree.any($0, "cac:BillingReferenceLine/cbc:ID", in: lineIDs)
                }.count
                guard !FrenchText.normalizeSpace(tree.text(total)).isEmpty else { return false }
                return FrenchNumbers.exactlyWithin(
                    tree.text(total),
                    minus: [
                        tree.children(line, "cbc:LineExtensionAmount").first.map(tree.text),
                        Contract.documentCurrencyAmount(tree, line, currencies: currencies(tree)).first.map(tree.text),
                    ],
                    tolerance: count)
            },
            FrenchElementCheck(
                "BR-FR-MV-11_BT-128", terms: ["BT-128", "BT-1"],
                Contract.lines.split(separator: "|").map { "\($0.trimmingWhitespace())/cac:BillingReference" }
                    .joined(separator: " | "), .mainSellerSubInvoice
            ) { tree, reference, framework in
                guard framework.isSpecialContract, let root = tree.root, let line = tree.parent(reference),
                    Contract.isGroupReference(tree, reference)
                else { return true }
                let sellerIDs = Set(
                    tree.select(root, "cac:AccountingSupplierParty/cac:Party/cac:PartyLegalEntity/cbc:CompanyID")
                        .map(tree.text))
                func isMainSeller(_ line: Int) -> Bool {
                    sellerIDs.contains(tree.normalized(line, Contract.manufacturer + "/cbc:CompanyID"))
                }
                guard isMainSeller(line) else { return true }
                let ids = Contract.invoiceIDs(tree)
                let count = Contract.allLines(tree, root).filter { other in
                    isMainSeller(other)
                        && tree.children(other, "cac:BillingReference").contains {
                            tree.any($0, "cac:InvoiceDocumentReference/cbc:DocumentStatusCode", equals: "GROUP")
                                && tree.select($0, "cac:BillingReferenceLine/cbc:ID").isEmpty
                                && tree.any($0, "cac:InvoiceDocumentReference/cbc:ID", in: ids)
                        }
                        && Contract.subInvoiceIDs(tree, other).contains { ids.contains(tree.text($0)) }
                }.count
                let number = Contract.subInvoiceNumber(tree, line)
                return count == 1 || (count == 0 && ids.contains(number))
                    || (count > 1 && ids.contains { $0 != number })
            },
            FrenchElementCheck(
                "BR-FR-MV-12_BT-128", terms: ["BT-128"], "ubl:Invoice | cn:CreditNote", .uniqueSubInvoice
            ) {
                tree, root, framework in
                guard framework.isSpecialContract else { return true }
                let earlier = tree.descendants(root, "cac:DocumentReference").filter {
                    tree.any($0, "cbc:DocumentTypeCode", equals: "130")
                }
                return !Contract.allLines(tree, root).filter { !Contract.groupReferences(tree, $0).isEmpty }
                    .flatMap { Contract.subInvoiceIDs(tree, $0) }
                    .contains { id in
                        earlier.contains { reference in
                            reference < id && !FranceSpecialContractLineCII.isAncestor(reference, of: id, tree)
                                && tree.select(reference, "cbc:ID", attribute: "schemeID", equals: "AFL")
                                    .contains { tree.text($0) == tree.text(id) }
                        }
                    }
            },
            FrenchElementCheck(
                "BR-FR-MV-13_BT-3", terms: ["BT-3", "BT-23"],
                "ubl:Invoice/cbc:InvoiceTypeCode | cn:CreditNote/cbc:CreditNoteTypeCode", .multiVendorType
            ) {
                tree, code, framework in
                let value = FrenchText.normalizeSpace(tree.text(code))
                return !framework.isMultiVendor || (!value.isEmpty && !FrenchCodes.specialContractTypes.contains(value))
            },
            FrenchElementCheck(
                "BR-FR-MV-BD_BT-3", terms: ["BT-3", "BT-23"],
                "ubl:Invoice/cbc:InvoiceTypeCode | cn:CreditNote/cbc:CreditNoteTypeCode", .disbursementType
            ) {
                tree, code, framework in
                !framework.isDisbursement
                    || FrenchCodes.specialContractTypes.contains(FrenchText.normalizeSpace(tree.text(code)))
            },
        ]
        + [("MV", FrenchCodes.multiVendorCorrectionTypes), ("BD", FrenchCodes.disbursementCorrectionTypes)].flatMap {
            kind, types in
            [("EXT-FR-FE-136", "cbc:ID"), ("EXT-FR-FE-138", "cbc:IssueDate")].map { term, path in
                Contract.onGroup("BR-FR-\(kind)-14-\(term)", terms: [term, "BT-3"], .correctedSubInvoice(term)) {
                    tree, line, framework in
                    guard kind == "MV" ? framework.isMultiVendor : framework.isDisbursement, let root = tree.root else {
                        return true
                    }
                    let rootTypes =
                        tree.children(root, "cbc:InvoiceTypeCode") + tree.children(root, "cbc:CreditNoteTypeCode")
                    guard rootTypes.contains(where: { types.contains(tree.text($0)) }) else { return true }
                    let ids = Contract.invoiceIDs(tree)
                    return tree.children(line, "cac:BillingReference").filter { reference in
                        tree.select(reference, "cac:InvoiceDocumentReference/cbc:ID").contains { id in
                            ids.contains { $0 != tree.text(id) }
                        }
                    }.contains { !tree.select($0, "cac:InvoiceDocumentReference/" + path).isEmpty }
                }
            }
        }
}
