import EInvoice

extension CIIReader {
    /// `ram:SpecifiedTradeProduct` (BG-31) with its classifications (BT-158) and attributes (BG-32).
    func readProduct(_ element: Int, _ linePath: String, _ context: inout CIIReadContext) throws(InvoiceReadError)
        -> ItemInformation
    {
        let path = linePath + "/BG-31"
        context.group(element, path)
        var item = ItemInformation(name: "")
        var sawName = false
        for child in context.children(element) {
            switch context.name(child) {
            case "GlobalID" where item.standardIdentifier == nil:
                item.standardIdentifier = context.identifier(child, path + "/BT-157")
            case "SellerAssignedID" where item.sellerIdentifier == nil:
                item.sellerIdentifier = context.text(child, path + "/BT-155")
            case "BuyerAssignedID" where item.buyerIdentifier == nil:
                item.buyerIdentifier = context.text(child, path + "/BT-156")
            case "Name" where !sawName:
                sawName = true
                item.name = context.text(child, path + "/BT-153")
            case "Description" where item.description == nil:
                item.description = context.text(child, path + "/BT-154")
            case "ApplicableProductCharacteristic":
                readAttribute(child, path, into: &item, &context)
            case "DesignatedProductClassification":
                guard let code = context.child(child, "ClassCode") else { continue }
                context.consume(child)
                let position = item.classifications.count
                if position == 0 { context.record(path + "/BT-158", code) }
                let termPath = "\(path)/BT-158[\(position)]"
                var classification = ItemClassification(code: context.text(code, termPath))
                classification.listID = context.attribute("listID", of: code)
                classification.listVersionID = context.attribute("listVersionID", of: code)
                if classification.listID != nil { context.record("\(path)/BT-158-1[\(position)]", code) }
                item.classifications.append(classification)
            case "OriginTradeCountry" where item.countryOfOrigin == nil:
                guard let id = context.child(child, "ID") else { continue }
                context.consume(child)
                item.countryOfOrigin = context.text(id, path + "/BT-159")
            default: break
            }
        }
        return item
    }

    /// `ram:ApplicableProductCharacteristic` (BG-32): BT-160 and BT-161.
    func readAttribute(
        _ element: Int, _ itemPath: String, into item: inout ItemInformation, _ context: inout CIIReadContext
    ) {
        let path = "\(itemPath)/BG-32[\(item.attributes.count)]"
        context.group(element, path)
        var attribute = ItemAttribute(name: "", value: "")
        var sawName = false
        var sawValue = false
        for child in context.children(element) {
            switch context.name(child) {
            case "Description" where !sawName:
                sawName = true
                attribute.name = context.text(child, path + "/BT-160")
            case "Value" where !sawValue:
                sawValue = true
                attribute.value = context.text(child, path + "/BT-161")
            default: break
            }
        }
        item.attributes.append(attribute)
    }
}
