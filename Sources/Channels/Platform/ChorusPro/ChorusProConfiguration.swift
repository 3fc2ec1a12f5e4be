import Foundation
import Gateway
import Yams

/// How Passerelle reaches Chorus Pro through PISTE: the OAuth2 client of the PISTE application and the Chorus Pro
/// technical account (docs/chorus-pro.md).
public struct ChorusProConfiguration: Sendable {
    /// PISTE's token endpoint, e.g. `https://sandbox-oauth.piste.gouv.fr/api/oauth/token`.
    public var tokenURL: String
    /// Where `/cpro/…` is appended, e.g. `https://sandbox-api.piste.gouv.fr`.
    public var apiBase: String
    public var clientID: String
    public var clientSecret: String
    /// The technical account, sent as `cpro-account: base64(login:password)`.
    public var login: String
    public var password: String
    /// The OAuth2 scope asked for (PISTE's examples ask `openid`).
    public var scope: String?
    /// The tenant whose invoices go to Chorus Pro and whose statuses come back.
    public var tenant: TenantID
    /// How long the status follower waits between rounds.
    public var pollInterval: Duration
    /// A call's limit (connection and answer).
    public var timeout: Duration

    public init(tokenURL: String, apiBase: String, clientID: String, clientSecret: String, login: String,
                password: String, scope: String? = "openid", tenant: TenantID = TenantID("default"),
                pollInterval: Duration = .seconds(300), timeout: Duration = .seconds(30)) {
        self.tokenURL = tokenURL
        self.apiBase = apiBase.hasSuffix("/") ? String(apiBase.dropLast()) : apiBase
        self.clientID = clientID
        self.clientSecret = clientSecret
        self.login = login
        self.password = password
        self.scope = scope
        self.tenant = tenant
        self.pollInterval = pollInterval
        self.timeout = timeout
    }

    /// `base64(login:password)`, the `cpro-account` header.
    var accountHeader: String { Data("\(login):\(password)".utf8).base64EncodedString() }
}

/// A bad `chorusPro:` section: what is wrong and where.
public struct ChorusProConfigurationError: Error, Sendable, CustomStringConvertible {
    public var key: String
    public var message: String
    public var description: String { "chorusPro.\(key): \(message)" }
}

extension ChorusProConfiguration {
    /// Reads the `chorusPro:` section of a YAML file. Secrets are read from files (`clientSecretFile`,
    /// `passwordFile`, relative to the YAML file), never written in it:
    ///
    /// ```yaml
    /// chorusPro:
    ///   tokenURL: https://sandbox-oauth.piste.gouv.fr/api/oauth/token
    ///   apiBase: https://sandbox-api.piste.gouv.fr
    ///   clientId: 0a1b…
    ///   clientSecretFile: secrets/piste-secret
    ///   login: TECH_1_supplier@cpro.fr
    ///   passwordFile: secrets/cpro-password
    ///   tenant: default          # optional
    ///   pollSeconds: 300         # optional
    /// ```
    public static func load(path: String) throws -> ChorusProConfiguration {
        let text: String
        do {
            text = try String(contentsOfFile: path, encoding: .utf8)
        } catch {
            throw ChorusProConfigurationError(key: "(file)", message: "\(path) cannot be read")
        }
        return try load(yaml: text, folder: (path as NSString).deletingLastPathComponent)
    }

    public static func load(yaml: String, folder: String) throws -> ChorusProConfiguration {
        let root: Any?
        do {
            root = try Yams.load(yaml: yaml)
        } catch {
            throw ChorusProConfigurationError(key: "(file)", message: "not YAML: \(error)")
        }
        guard let top = root as? [String: Any], let section = top["chorusPro"] as? [String: Any] else {
            throw ChorusProConfigurationError(key: "(section)", message: "the file has no chorusPro: mapping")
        }
        let known: Set = ["tokenURL", "apiBase", "clientId", "clientSecretFile", "login", "passwordFile", "scope",
                          "tenant", "pollSeconds"]
        if let unknown = section.keys.sorted().first(where: { !known.contains($0) }) {
            throw ChorusProConfigurationError(
                key: unknown, message: "is not a setting (\(known.sorted().joined(separator: ", ")))")
        }
        func text(_ key: String) throws -> String {
            guard let value = section[key] else { throw ChorusProConfigurationError(key: key, message: "is missing") }
            let string = "\(value)".trimmingCharacters(in: .whitespaces)
            guard !string.isEmpty else { throw ChorusProConfigurationError(key: key, message: "is empty") }
            return string
        }
        func secret(_ key: String) throws -> String {
            let name = try text(key)
            let path = name.hasPrefix("/") ? name : (folder as NSString).appendingPathComponent(name)
            guard let content = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw ChorusProConfigurationError(key: key, message: "\(path) cannot be read")
            }
            let value = content.trimmingCharacters(in: .whitespacesAndNewlines)
            guard !value.isEmpty else { throw ChorusProConfigurationError(key: key, message: "\(path) is empty") }
            return value
        }
        var poll = 300
        if section["pollSeconds"] != nil {
            guard let seconds = Int(try text("pollSeconds")), seconds >= 1 else {
                throw ChorusProConfigurationError(key: "pollSeconds", message: "a whole number of seconds, 1 or more")
            }
            poll = seconds
        }
        for key in ["tokenURL", "apiBase"] {
            let value = try text(key)
            guard let scheme = URL(string: value)?.scheme, ["http", "https"].contains(scheme) else {
                throw ChorusProConfigurationError(key: key, message: "\(value) is not an http(s) URL")
            }
        }
        func optional(_ key: String, otherwise fallback: String) throws -> String {
            guard section[key] != nil else { return fallback }
            return try text(key)
        }
        let scope = try optional("scope", otherwise: "openid")
        let tenant = try optional("tenant", otherwise: "default")
        return ChorusProConfiguration(
            tokenURL: try text("tokenURL"), apiBase: try text("apiBase"), clientID: try text("clientId"),
            clientSecret: try secret("clientSecretFile"), login: try text("login"), password: try secret("passwordFile"),
            scope: scope, tenant: TenantID(tenant), pollInterval: .seconds(poll))
    }
}
