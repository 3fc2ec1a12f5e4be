import Foundation
import HTTPTypes
import Hummingbird
import NIOCore

/// The Chorus Pro stand-in's API under `/cpro` (as PISTE exposes it): JSON POSTs that need the PISTE bearer token
/// (checked by the sandbox's ``BearerMiddleware``, tokens from `POST /api/oauth/token`) and the `cpro-account`
/// header, base64 of `login:password` of a technical account. Refused calls answer 400 (401 for the account) with
/// `codeRetour` and `libelle`.
struct ChorusProRoutes {
    let platform: ChorusProPlatform
    let settings: ChorusProSettings

    static let accountHeader = HTTPField.Name("cpro-account") ?? .authorization

    func register(on router: Router<SandboxContext>) {
        let cpro = router.group("cpro")
        cpro.post("factures/v1/deposer/flux") { request, _ in
            try await answer(request) { account in try await deposit(request, account: account) }
        }
        cpro.post("transverses/v1/consulterCRDetaille") { request, _ in
            try await answer(request) { account in
                let body = try await decode(CproReportRequest.self, from: request)
                guard let number = body.numeroFluxDepot, !number.isEmpty else {
                    return failure(CproCode.missingField, "numeroFluxDepot est obligatoire")
                }
                guard let report = await platform.report(number, account: account) else {
                    return failure(CproCode.unknownFlow, "le flux \(number) est inconnu pour ce compte")
                }
                return JSONResponse.make(report)
            }
        }
        cpro.post("factures/v1/rechercher/fournisseur") { request, _ in
            try await answer(request) { account in
                let body = try await decode(CproSearchRequest.self, from: request)
                let found = await platform.search(number: body.numeroFacture, account: account)
                return JSONResponse.make(CproSearchAnswer(codeRetour: CproCode.done, libelle: "TRA_MSG_00.000",
                                                          listeFactures: found, total: found.count))
            }
        }
        cpro.post("factures/v1/consulter/historique") { request, _ in
            try await answer(request) { account in
                let body = try await decode(CproHistoryRequest.self, from: request)
                guard let id = body.idFacture else { return failure(CproCode.missingField, "idFacture est obligatoire") }
                guard let history = await platform.history(invoice: id, account: account) else {
                    return failure(CproCode.unknownInvoice, "la facture \(id) est inconnue pour ce compte")
                }
                return JSONResponse.make(history)
            }
        }
    }

    private func deposit(_ request: Request, account: String) async throws -> Response {
        let body = try await decode(CproDepositRequest.self, from: request,
                                    limit: settings.maximumFileBytes / 3 * 4 + 64 * 1024)
        guard let encoded = body.fichierFlux, !encoded.isEmpty else {
            return failure(CproCode.missingField, "fichierFlux est obligatoire")
        }
        guard let fileName = body.nomFichier, !fileName.isEmpty else {
            return failure(CproCode.missingField, "nomFichier est obligatoire")
        }
        guard let code = body.syntaxeFlux, !code.isEmpty else {
            return failure(CproCode.missingField, "syntaxeFlux est obligatoire")
        }
        guard let syntax = ChorusProSyntax(rawValue: code) else {
            let known = ChorusProSyntax.allCases.map(\.rawValue).joined(separator: ", ")
            return failure(CproCode.unknownSyntax, "syntaxeFlux \(code) inconnue (attendue : \(known))")
        }
        guard let data = Data(base64Encoded: encoded) else {
            return failure(CproCode.notBase64, "fichierFlux n'est pas encodé en base64")
        }
        guard !data.isEmpty else { return failure(CproCode.emptyFile, "fichierFlux est vide") }
        guard data.count <= settings.maximumFileBytes else {
            return failure(CproCode.fileTooLarge,
                           "le fichier fait \(data.count) octets, au-delà de \(settings.maximumFileBytes)")
        }
        let deposit = await platform.deposit(Array(data), fileName: fileName, syntax: syntax, account: account)
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return JSONResponse.make(CproDepositAnswer(
            codeRetour: CproCode.done, libelle: "GCU_MSG_01_000", numeroFluxDepot: deposit.number,
            dateDepot: formatter.string(from: deposit.depositedAt), syntaxeFlux: syntax.rawValue))
    }

    /// Runs `body` for the technical account the `cpro-account` header names, or answers 401.
    private func answer(_ request: Request, _ body: (String) async throws -> Response) async throws -> Response {
        guard let header = request.headers[Self.accountHeader] else {
            return failure(CproCode.badAccount, "l'en-tête cpro-account est obligatoire", status: .unauthorized)
        }
        guard let login = authenticate(header) else {
            return failure(CproCode.badAccount, "cpro-account ne désigne pas un compte technique connu",
                           status: .unauthorized)
        }
        do {
            return try await body(login)
        } catch let error as CproInputError {
            return failure(CproCode.missingField, error.message)
        }
    }

    /// The login of the account `base64(login:password)` names, the password compared in constant time.
    func authenticate(_ header: String) -> String? {
        guard let decoded = Data(base64Encoded: header.trimmingCharacters(in: .whitespaces)) else { return nil }
        let pair = String(decoding: decoded, as: UTF8.self).split(separator: ":", maxSplits: 1,
                                                                   omittingEmptySubsequences: false)
        guard pair.count == 2, let account = settings.accounts.first(where: { $0.login == String(pair[0]) }) else {
            return nil
        }
        let expected = Array(account.password.utf8)
        let given = Array(pair[1].utf8)
        guard expected.count == given.count,
            zip(expected, given).reduce(UInt8(0), { $0 | ($1.0 ^ $1.1) }) == 0
        else { return nil }
        return account.login
    }

    struct CproInputError: Error {
        var message: String
    }

    private func decode<T: Decodable>(_ type: T.Type, from request: Request, limit: Int = 1 << 20) async throws -> T {
        let buffer = try await request.body.collect(upTo: limit)
        do {
            return try JSONDecoder().decode(T.self, from: Data(buffer.readableBytesView))
        } catch let error as DecodingError {
            throw CproInputError(message: "corps JSON invalide : \(error.located)")
        }
    }

    private func failure(_ code: Int, _ text: String, status: HTTPResponse.Status = .badRequest) -> Response {
        JSONResponse.make(CproFailure(codeRetour: code, libelle: text), status: status)
    }
}
