import ArgumentParser
import Channels
import Foundation
import Gateway
import Server

/// `passerelle directory`: ask an AFNOR XP Z12-013 Directory Service 1.3.0.
struct DirectoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "directory",
        abstract: "Ask an AFNOR Directory Service (XP Z12-013 1.3.0) where a buyer receives its invoices.",
        subcommands: [DirectoryLookupCommand.self])
}

/// `passerelle directory lookup --siren … | --siret … [--routing-code …] | --address …`.
struct DirectoryLookupCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lookup",
        abstract: "Print the directory line that applies to a buyer (its addressing identifier and platform).",
        discussion: """
            The directory is the one `passerelle serve` uses: the directory.* settings of the configuration file \
            (--config or PASSERELLE_CONFIG) and of the PASSERELLE_DIRECTORY_* variables, overridden by the options \
            below. Exit status 0 when found, 1 when not found, 2 for a bad option, 3 when the directory failed.
            """)

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    @Option(help: "SIREN of the buyer (9 digits).") var siren: String?
    @Option(help: "SIRET of the billed establishment (14 digits).") var siret: String?
    @Option(name: .customLong("routing-code"), help: "Routing code within the establishment (needs --siret).")
    var routingCode: String?
    @Option(help: "Addressing identifier (BT-49): reads that directory line.") var address: String?
    @Option(help: "YAML configuration file of passerelle serve (its directory: section).") var config: String?
    @Option(help: "Directory Service root, e.g. https://host/directory-service.") var url: String?
    @Option(name: .customLong("token-url"), help: "OAuth2 token endpoint.") var tokenURL: String?
    @Option(name: .customLong("client-id"), help: "OAuth2 client id.") var clientID: String?
    @Option(name: .customLong("client-secret"), help: "OAuth2 client secret (better: PASSERELLE_DIRECTORY_CLIENT_SECRET).")
    var clientSecret: String?
    @Flag(help: "Print the answer as JSON.") var json = false

    func validate() throws {
        guard siren != nil || siret != nil || address != nil else {
            throw ValidationError("give --siren, --siret (with --routing-code) or --address")
        }
        if routingCode != nil && siret == nil { throw ValidationError("--routing-code needs --siret") }
    }

    func run() async throws {
        let client: DirectoryClientConfiguration
        do {
            client = try Self.clientConfiguration(try settings()).orThrow(
                Failure(description: "no directory: set directory.url (or --url)"))
        } catch {
            StandardError.write("passerelle directory: \(error)")
            throw ExitCode(2)
        }
        let buyer = BuyerIdentity(siren: siren, siret: siret, routingCode: routingCode, electronicAddress: address)
        let answer: DirectoryAnswer
        do {
            answer = try await DirectoryClient(configuration: client).resolve(buyer)
        } catch {
            StandardError.write("passerelle directory: \(error)")
            throw ExitCode(3)
        }
        print(json ? Self.json(answer) : Self.text(answer, buyer: buyer))
        if answer.entry == nil { throw ExitCode(1) }
    }

    private func settings() throws -> ServerConfiguration.DirectorySettings {
        var overrides: [ConfigurationLoader.Override] = []
        func add(_ option: String, _ key: String, _ value: String?) {
            if let value { overrides.append(.init(option: option, key: key, value: value)) }
        }
        add("--url", "directory.url", url)
        add("--token-url", "directory.token_url", tokenURL)
        add("--client-id", "directory.client_id", clientID)
        add("--client-secret", "directory.client_secret", clientSecret)
        return try ConfigurationLoader().load(file: config, overrides: overrides).configuration.directory
    }

    /// The client's configuration from the directory.* settings; nil when no URL is set.
    static func clientConfiguration(_ settings: ServerConfiguration.DirectorySettings) throws
        -> DirectoryClientConfiguration?
    {
        guard let url = settings.url else { return nil }
        var missing: [String] = []
        if settings.tokenURL == nil { missing.append("directory.token_url") }
        if settings.clientID == nil { missing.append("directory.client_id") }
        if settings.clientSecret == nil { missing.append("directory.client_secret") }
        guard let tokenURL = settings.tokenURL, let clientID = settings.clientID, let secret = settings.clientSecret
        else {
            throw Failure(description: "directory.url is set but not \(missing.joined(separator: ", ")): set them too")
        }
        for (key, value) in [("directory.url", url), ("directory.token_url", tokenURL)]
        where !(value.hasPrefix("http://") || value.hasPrefix("https://")) {
            throw Failure(description: "\(key): \"\(value)\" is not an http(s) URL")
        }
        return DirectoryClientConfiguration(directoryURL: url, tokenURL: tokenURL, clientID: clientID,
                                            clientSecret: secret)
    }

    static func text(_ answer: DirectoryAnswer, buyer: BuyerIdentity) -> String {
        guard let entry = answer.entry else {
            if case .notFound(let reason) = answer { return "buyer \(buyer.label) is not in the directory: \(reason)" }
            return ""
        }
        var lines = [
            "addressing identifier: \(entry.addressingIdentifier) (scheme \(entry.scheme))",
            "platform: \(entry.platform.type), \(entry.platform.name)",
            "status: \(entry.status ?? "(not given)")",
            "SIREN: \(entry.siren)",
        ]
        if let siret = entry.siret { lines.append("SIRET: \(siret)") }
        if let code = entry.routingCode { lines.append("routing code: \(code)") }
        if let name = entry.businessName { lines.append("name: \(name)") }
        return lines.joined(separator: "\n")
    }

    static func json(_ answer: DirectoryAnswer) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data?
        switch answer {
        case .found(let entry): data = try? encoder.encode(entry)
        case .notFound(let reason): data = try? encoder.encode(["notFound": reason])
        }
        return data.map { String(decoding: $0, as: UTF8.self) } ?? "{}"
    }
}

extension Optional {
    fileprivate func orThrow(_ error: some Error) throws -> Wrapped {
        guard let value = self else { throw error }
        return value
    }
}
