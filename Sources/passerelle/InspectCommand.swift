import ArgumentParser
import EInvoice
import EInvoiceSyntax

struct InspectCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "inspect", abstract: "Print a readable summary of an invoice: parties, lines, VAT and totals.")

    @Argument(help: "The invoice (CII or UBL XML).")
    var file: String

    @Flag(help: "Never use colour.")
    var noColor = false

    func run() throws {
        let parsed: ParsedInvoice
        do {
            parsed = try InvoiceDocumentReader().read(path: file)
        } catch {
            StandardError.write("\(file): \(error)")
            throw ExitCode(ExitStatus.unreadable)
        }
        print(InvoiceSummary(invoice: parsed.invoice, syntax: parsed.syntax, terminal: Terminal(colors: noColor ? false : nil)).text)
    }
}

/// The text `passerelle inspect` prints.
struct InvoiceSummary {
    let invoice: Invoice
    let syntax: InvoiceSyntax
    let terminal: Terminal

    var text: String {
        var out: [String] = []
        let kind = invoice.isCreditNote ? "Credit note" : "Invoice"
        out.append(terminal.bold("\(kind) \(invoice.number)") + "  (type \(invoice.typeCode), \(syntax.rawValue), \(FacturXProfile(guidelineID: invoice.processControl.specificationIdentifier)?.rawValue ?? invoice.processControl.specificationIdentifier))")
        out.append("Issued \(invoice.issueDate?.isoText ?? "?")" + (invoice.dueDate.map { ", due \($0.isoText)" } ?? "") + ", currency \(invoice.currencyCode)")
        var references: [String] = []
        if let value = invoice.purchaseOrderReference { references.append("order \(value)") }
        if let value = invoice.contractReference { references.append("contract \(value)") }
        if let value = invoice.buyerReference { references.append("buyer ref \(value)") }
        if !references.isEmpty { out.append("References: " + references.joined(separator: ", ")) }
        out.append("")
        out.append(party("Seller", invoice.seller))
        out.append(party("Buyer ", invoice.buyer))
        out.append("")
        out.append(terminal.bold("Lines"))
        for line in invoice.lines {
            let quantity = line.quantity.map { "\($0.value) \($0.unitCode ?? "")" } ?? "?"
            let rate = line.vat.rate.map { " \($0)%" } ?? ""
            out.append("  \(pad(line.identifier, 4)) \(pad(line.item.name, 36)) \(pad(quantity, 12)) × \(pad(line.price.netPrice?.description ?? "?", 10)) = \(pad(line.netAmount?.description ?? "?", 12)) VAT \(line.vat.categoryCode)\(rate)")
        }
        for allowance in invoice.allowances {
            out.append("  allowance \(allowance.reason ?? allowance.reasonCode ?? ""): -\(allowance.amount?.description ?? "?")")
        }
        for charge in invoice.charges {
            out.append("  charge \(charge.reason ?? charge.reasonCode ?? ""): +\(charge.amount?.description ?? "?")")
        }
        out.append("")
        out.append(terminal.bold("VAT"))
        for vat in invoice.vatBreakdown {
            out.append("  \(vat.categoryCode) \(vat.rate?.description ?? "-")%: base \(vat.taxableAmount?.description ?? "?"), tax \(vat.taxAmount?.description ?? "?")" + (vat.exemptionReasonCode.map { " (\($0))" } ?? ""))
        }
        let totals = invoice.totals
        out.append("")
        out.append(terminal.bold("Totals"))
        out.append("  lines \(totals.lineNetTotal?.description ?? "?")  without VAT \(totals.taxExclusiveAmount?.description ?? "?")  VAT \(totals.vatTotal?.description ?? "-")  with VAT \(totals.taxInclusiveAmount?.description ?? "?")")
        out.append("  " + terminal.bold("amount due \(totals.amountDue?.description ?? "?") \(invoice.currencyCode)"))
        if let payment = invoice.paymentInstructions {
            let accounts = payment.creditTransfers.map { $0.accountIdentifier + ($0.serviceProviderIdentifier.map { " / \($0)" } ?? "") }
            out.append("Payment: means \(payment.meansTypeCode)" + (accounts.isEmpty ? "" : ", " + accounts.joined(separator: ", ")))
        }
        return out.joined(separator: "\n")
    }

    func party(_ role: String, _ party: Party) -> String {
        var parts = [terminal.bold(party.name)]
        if let id = party.legalRegistrationIdentifier { parts.append("reg. \(id.value)" + (id.schemeID.map { " (\($0))" } ?? "")) }
        if let vat = party.vatIdentifier { parts.append("VAT \(vat)") }
        if let address = party.electronicAddress { parts.append("e-address \(address.schemeID ?? "?"):\(address.value)") }
        if let postal = party.postalAddress { parts.append([postal.city, postal.countryCode].compactMap { $0 }.joined(separator: ", ")) }
        return "\(role) " + parts.joined(separator: " · ")
    }

    func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
