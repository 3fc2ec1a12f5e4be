import ArgumentParser

/// `passerelle facturx …`: Factur-X PDF/A-3 files. Each subcommand is one line of `subcommands`.
struct FacturXCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facturx",
        abstract: "Read the invoice XML out of Factur-X / ZUGFeRD / XRechnung PDFs (and, later, create them).",
        subcommands: [
            FacturXExtractCommand.self,
            FacturXAttachCommand.self,
        ]
    )
}
