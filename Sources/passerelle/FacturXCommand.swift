import ArgumentParser

/// `passerelle facturx …`: Factur-X PDF/A-3 files. Each subcommand is one line of `subcommands`.
struct FacturXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facturx",
        abstract: "Create Factur-X PDF/A-3 invoices, and read the invoice XML out of Factur-X / ZUGFeRD / XRechnung PDFs.",
        subcommands: [
            FacturXCreateCommand.self,
            FacturXExtractCommand.self,
            FacturXAttachCommand.self,
        ]
    )
}
