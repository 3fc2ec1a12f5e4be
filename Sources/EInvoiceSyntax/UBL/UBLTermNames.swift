/// EN 16931 names of the terms whose values are parsed (dates and numbers), for error messages.
enum UBLTermNames {
    static let names: [String: String] = [
        "BT-2": "Invoice issue date",
        "BT-7": "Value added tax point date",
        "BT-9": "Payment due date",
        "BT-26": "Preceding Invoice issue date",
        "BT-72": "Actual delivery date",
        "BT-73": "Invoicing period start date",
        "BT-74": "Invoicing period end date",
        "BT-92": "Document level allowance amount",
        "BT-93": "Document level allowance base amount",
        "BT-94": "Document level allowance percentage",
        "BT-96": "Document level allowance VAT rate",
        "BT-99": "Document level charge amount",
        "BT-100": "Document level charge base amount",
        "BT-101": "Document level charge percentage",
        "BT-103": "Document level charge VAT rate",
        "BT-106": "Sum of Invoice line net amount",
        "BT-107": "Sum of allowances on document level",
        "BT-108": "Sum of charges on document level",
        "BT-109": "Invoice total amount without VAT",
        "BT-110": "Invoice total VAT amount",
        "BT-111": "Invoice total VAT amount in accounting currency",
        "BT-112": "Invoice total amount with VAT",
        "BT-113": "Paid amount",
        "BT-114": "Rounding amount",
        "BT-115": "Amount due for payment",
        "BT-116": "VAT category taxable amount",
        "BT-117": "VAT category tax amount",
        "BT-119": "VAT category rate",
        "BT-129": "Invoiced quantity",
        "BT-131": "Invoice line net amount",
        "BT-134": "Invoice line period start date",
        "BT-135": "Invoice line period end date",
        "BT-136": "Invoice line allowance amount",
        "BT-137": "Invoice line allowance base amount",
        "BT-138": "Invoice line allowance percentage",
        "BT-141": "Invoice line charge amount",
        "BT-142": "Invoice line charge base amount",
        "BT-143": "Invoice line charge percentage",
        "BT-146": "Item net price",
        "BT-147": "Item price discount",
        "BT-148": "Item gross price",
        "BT-149": "Item price base quantity",
        "BT-152": "Invoiced item VAT rate",
    ]

    /// `BT-131 (Invoice line net amount)` for the last step of a term path.
    static func describe(_ path: String) -> String {
        let term = path.split(separator: "/").last.map(String.init) ?? path
        guard let name = names[term] else { return term }
        return "\(term) (\(name))"
    }
}
