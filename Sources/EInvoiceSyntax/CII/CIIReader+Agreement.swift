import EInvoice

extension CIIReader {
    /// `ram:ApplicableHeaderTradeAgreement`: BT-10 … BT-14, BT-17, BT-18, BG-4, BG-7, BG-11, BG-24.
    func readAgreement(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext)
        throws(InvoiceReadError)
    {
        context.consume(element)
        var sawSeller = false
        var sawBuyer = false
        for child in context.children(element) {
            switch context.name(child) {
            case "BuyerReference" where invoice.buyerReference == nil:
                invoice.buyerReference = context.text(child, "BT-10")
            case "SellerTradeParty" where !sawSeller:
                sawSeller = true
                invoice.seller = readTradeParty(child, .seller, &context)
            case "BuyerTradeParty" where !sawBuyer:
                sawBuyer = true
                invoice.buyer = readTradeParty(child, .buyer, &context)
            case "SellerTaxRepresentativeTradeParty" where invoice.sellerTaxRepresentative == nil:
                invoice.sellerTaxRepresentative = readTaxRepresentative(child, &context)
            case "SellerOrderReferencedDocument" where invoice.salesOrderReference == nil:
                invoice.salesOrderReference = readReference(child, "BT-14", &context)
            case "BuyerOrderReferencedDocument" where invoice.purchaseOrderReference == nil:
                invoice.purchaseOrderReference = readReference(child, "BT-13", &context)
            case "ContractReferencedDocument" where invoice.contractReference == nil:
                invoice.contractReference = readReference(child, "BT-12", &context)
            case "AdditionalReferencedDocument":
                readAdditionalDocument(child, into: &invoice, &context)
            case "SpecifiedProcuringProject" where invoice.projectReference == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                invoice.projectReference = context.text(id, "BT-11")
                // The project name is mandatory in CII and has no EN 16931 term. The usual filler, which the
                // writer puts back, is consumed; any other name is reported as not carried.
                if let name = context.child(child, "Name"),
                    ["", CIIWriter.projectNameFiller].contains(context.peek(name))
                {
                    context.consume(name)
                }
            default: break
            }
        }
    }

    /// A referenced document that carries only its `IssuerAssignedID` as a term (BT-12 … BT-16).
    func readReference(_ element: Int, _ path: String, _ context: inout CIIReadContext) -> String? {
        guard let id = context.child(element, "IssuerAssignedID") else { return nil }
        context.consume(element)
        return context.text(id, path)
    }

    /// `ram:AdditionalReferencedDocument`: type code 50 is BT-17, 130 is BT-18 (with `ReferenceTypeCode`
    /// as its scheme), anything else — 916 or no code — is a BG-24 supporting document.
    func readAdditionalDocument(_ element: Int, into invoice: inout Invoice, _ context: inout CIIReadContext) {
        let typeElement = context.child(element, "TypeCode")
        let typeCode = typeElement.map { context.peek($0) }
        guard let id = context.child(element, "IssuerAssignedID") else { return }
        switch typeCode {
        case "50":
            guard invoice.tenderOrLotReference == nil, let typeElement else { return }
            context.consume(element)
            context.consume(typeElement)
            invoice.tenderOrLotReference = context.text(id, "BT-17")
        case "130":
            guard invoice.invoicedObjectIdentifier == nil, let typeElement else { return }
            context.consume(element)
            context.consume(typeElement)
            var identifier = Identifier(context.text(id, "BT-18"))
            if let scheme = context.child(element, "ReferenceTypeCode") {
                identifier.schemeID = context.text(scheme, "BT-18-1")
            }
            invoice.invoicedObjectIdentifier = identifier
        default:
            let path = "BG-24[\(invoice.supportingDocuments.count)]"
            context.group(element, path)
            var document = SupportingDocument(reference: context.text(id, path + "/BT-122"))
            // Every BG-24 document is a 916 in CII; an absent code reads as 916 so that writing it back is stable.
            document.typeCode = typeCode ?? "916"
            if let typeElement { context.consume(typeElement) }
            for child in context.children(element) {
                switch context.name(child) {
                case "Name" where document.description == nil:
                    document.description = context.text(child, path + "/BT-123")
                case "URIID" where document.externalLocation == nil:
                    document.externalLocation = context.text(child, path + "/BT-124")
                case "AttachmentBinaryObject" where document.attachment == nil:
                    context.group(child, path + "/BT-125")
                    document.attachment = BinaryObject(
                        base64Content: context.tree.elements[child].text,
                        mimeCode: context.attribute("mimeCode", of: child),
                        filename: context.attribute("filename", of: child))
                default: break
                }
            }
            invoice.supportingDocuments.append(document)
        }
    }

    // MARK: BG-11

    func readTaxRepresentative(_ element: Int, _ context: inout CIIReadContext) -> TaxRepresentative {
        context.group(element, "BG-11")
        var representative = TaxRepresentative(name: "")
        var sawName = false
        for child in context.children(element) {
            switch context.name(child) {
            case "Name" where !sawName:
                sawName = true
                representative.name = context.text(child, "BG-11/BT-62")
            case "PostalTradeAddress" where representative.postalAddress == nil:
                representative.postalAddress = readAddress(child, .taxRepresentative, &context)
            case "SpecifiedTaxRegistration" where representative.vatIdentifier == nil:
                guard let id = context.child(child, "ID"), context.attribute("schemeID", of: id) == "VA" else {
                    continue
                }
                context.consume(child)
                representative.vatIdentifier = context.text(id, "BG-11/BT-63")
            default: break
            }
        }
        return representative
    }
}
