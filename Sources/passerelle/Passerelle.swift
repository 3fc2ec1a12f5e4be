import ArgumentParser

@main
struct Passerelle: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "passerelle",
        abstract: "Passerelle: an EN 16931 / Factur-X e-invoicing gateway.",
        discussion: """
            Validate, convert and inspect CII and UBL invoices with the EN 16931 rules and the French \
            BR-FR rules (XP Z12-012); make and read Factur-X PDFs; import ERP flat files; read and write CDAR \
            lifecycle messages; and run the gateway itself (serve).
            """,
        version: "0.1.0",
        subcommands: [
            ServeCommand.self, ValidateCommand.self, ConvertCommand.self, FacturXCommand.self, InspectCommand.self,
            RulesCommand.self, ImportCommand.self, CDARCommand.self, ArchiveCommand.self, BenchCommand.self,
            SandboxCommand.self, AuditCommand.self, AcceptanceCommand.self, DirectoryCommand.self,
        ]
    )
}

