import AsyncHTTPClient
import Foundation
import NIOCore
import NIOHTTP1

/// Chorus Pro through PISTE: an OAuth2 client-credentials token (kept until shortly before it expires, fetched
/// again once when a call answers 401), the technical account in `cpro-account`, and JSON POSTs under `/cpro/`
/// whose `codeRetour` is checked. Failures are ``ChorusProError``s that say whether a retry can help.
public actor ChorusProClient {
    public let configuration: ChorusProConfiguration
    private let http: HTTPClient
    private var token: (value: String, validUntil: ContinuousClock.Instant)?

    /// Answers larger than this are refused (a report or a history is a few KB).
    static let answerLimit = 4 * 1024 * 1024

    public init(configuration: ChorusProConfiguration, http: HTTPClient) {
        self.configuration = configuration
        self.http = http
    }

    /// Deposits one file (`factures/v1/deposer/flux`).
    public func deposit(file: [UInt8], fileName: String, syntax: String, signed: Bool = false) async throws
        -> ChorusProDepositReceipt
    {
        let body = DepositRequestBody(fichierFlux: Data(file).base64EncodedString(), nomFichier: fileName,
                                      syntaxeFlux: syntax, avecSignature: signed)
        return try await call("factures/v1/deposer/flux", body, as: ChorusProDepositReceipt.self)
    }

    /// Where a deposited flow stands (`transverses/v1/consulterCRDetaille`).
    public func report(flow: String, syntax: String? = nil) async throws -> ChorusProFlowReport {
        try await call("transverses/v1/consulterCRDetaille", ReportRequestBody(numeroFluxDepot: flow, syntaxeFlux: syntax),
                       as: ChorusProFlowReport.self)
    }

    /// The supplier's invoices with this number (`factures/v1/rechercher/fournisseur`): how an integrated flow's
    /// invoice id is found.
    public func invoices(number: String) async throws -> [ChorusProFoundInvoice] {
        try await call("factures/v1/rechercher/fournisseur", SearchRequestBody(numeroFacture: number),
                       as: SearchAnswer.self).listeFactures ?? []
    }

    /// An invoice's status history (`factures/v1/consulter/historique`).
    public func history(invoice id: Int) async throws -> ChorusProInvoiceHistory {
        try await call("factures/v1/consulter/historique", HistoryRequestBody(idFacture: id),
                       as: ChorusProInvoiceHistory.self)
    }

    // MARK: - Calls

    func call<Body: Encodable, Answer: Decodable>(_ path: String, _ body: Body, as type: Answer.Type) async throws
        -> Answer
    {
        let payload: Data
        do {
            payload = try JSONEncoder().encode(body)
        } catch {
            throw ChorusProError.unreadableAnswer(call: path, detail: "the request cannot be encoded: \(error)")
        }
        var (status, bytes) = try await post(path, payload, token: try await accessToken(renew: false))
        if status == 401, Self.returnCode(bytes) == nil {
            // The token may have expired early or been revoked: one new token, one more try.
            (status, bytes) = try await post(path, payload, token: try await accessToken(renew: true))
        }
        if status == 401 || status == 403 {
            let detail = Self.returnCode(bytes)?.libelle ?? "HTTP \(status)"
            throw Self.returnCode(bytes) == nil ? ChorusProError.authentication(detail) : ChorusProError.account(detail)
        }
        if status == 429 || status >= 500 {
            throw ChorusProError.unavailable("\(path) answered HTTP \(status)")
        }
        if let code = Self.returnCode(bytes), let value = code.codeRetour, value != 0 {
            throw ChorusProError.refused(call: path, code: value, libelle: code.libelle ?? "")
        }
        guard (200..<300).contains(status) else {
            throw ChorusProError.refused(call: path, code: -1, libelle: "HTTP \(status) without codeRetour")
        }
        do {
            return try JSONDecoder().decode(Answer.self, from: Data(bytes))
        } catch {
            throw ChorusProError.unreadableAnswer(call: path, detail: "\(error)")
        }
    }

    private func post(_ path: String, _ payload: Data, token: String) async throws -> (Int, [UInt8]) {
        var request = HTTPClientRequest(url: configuration.apiBase + "/cpro/" + path)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/json")
        request.headers.add(name: "Accept", value: "application/json")
        request.headers.add(name: "Authorization", value: "Bearer \(token)")
        request.headers.add(name: "cpro-account", value: configuration.accountHeader)
        request.body = .bytes(ByteBuffer(bytes: payload))
        return try await send(request, what: path)
    }

    private func send(_ request: HTTPClientRequest, what: String) async throws -> (Int, [UInt8]) {
        do {
            let response = try await http.execute(request, timeout: Self.timeAmount(configuration.timeout))
            let body = try await response.body.collect(upTo: Self.answerLimit)
            return (Int(response.status.code), Array(body.readableBytesView))
        } catch let error as ChorusProError {
            throw error
        } catch {
            throw ChorusProError.unavailable("\(what): \(error)")
        }
    }

    /// A valid PISTE token: the kept one, or a new one (always new when `renew`).
    func accessToken(renew: Bool) async throws -> String {
        if !renew, let token, ContinuousClock.now < token.validUntil { return token.value }
        var form = "grant_type=client_credentials&client_id=\(Self.formEncoded(configuration.clientID))"
            + "&client_secret=\(Self.formEncoded(configuration.clientSecret))"
        if let scope = configuration.scope { form += "&scope=\(Self.formEncoded(scope))" }
        var request = HTTPClientRequest(url: configuration.tokenURL)
        request.method = .POST
        request.headers.add(name: "Content-Type", value: "application/x-www-form-urlencoded")
        request.headers.add(name: "Accept", value: "application/json")
        request.body = .bytes(ByteBuffer(string: form))
        let (status, bytes) = try await send(request, what: "the PISTE token endpoint")
        if status == 400 || status == 401 || status == 403 {
            throw ChorusProError.authentication("the token endpoint answered HTTP \(status)")
        }
        guard (200..<300).contains(status) else {
            throw ChorusProError.unavailable("the PISTE token endpoint answered HTTP \(status)")
        }
        let answer: TokenAnswer
        do {
            answer = try JSONDecoder().decode(TokenAnswer.self, from: Data(bytes))
        } catch {
            throw ChorusProError.unreadableAnswer(call: "api/oauth/token", detail: "\(error)")
        }
        // Renewed a minute before PISTE says it expires (at least half its life).
        let lifetime = answer.expires_in ?? 3600
        let margin = min(60, lifetime / 2)
        token = (answer.access_token, ContinuousClock.now + .seconds(lifetime - margin))
        return answer.access_token
    }

    static func returnCode(_ bytes: [UInt8]) -> ReturnCode? {
        guard let code = try? JSONDecoder().decode(ReturnCode.self, from: Data(bytes)), code.codeRetour != nil else {
            return nil
        }
        return code
    }

    static func formEncoded(_ text: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return text.addingPercentEncoding(withAllowedCharacters: allowed) ?? text
    }

    static func timeAmount(_ duration: Duration) -> TimeAmount {
        let (seconds, attoseconds) = duration.components
        return .nanoseconds(seconds * 1_000_000_000 + attoseconds / 1_000_000_000)
    }
}
