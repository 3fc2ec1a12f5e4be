import Crypto
import Foundation
import Gateway

/// Sends invoices to Chorus Pro (public buyers, B2G): one `deposer/flux` per invoice, the flow number becoming the
/// platform id (`.submitted(platformID: numeroFluxDepot)`).
///
/// Idempotent on the submission key, in three layers (docs/chorus-pro.md, "Sending once"):
/// 1. the file name is derived from the key (`PASSERELLE_<sha256(key)[0..16]>_<BT-1>.xml`), so a deposit is
///    recognisable in Chorus Pro;
/// 2. right after Chorus Pro answers, the flow number is written as the invoice's `chorus-pro.deposited` event
///    (dedup key `chorus-pro:deposit`), before the step's own transaction; a step run again (crash, lost lease,
///    failed commit) finds it there and returns the same flow without depositing again;
/// 3. what is left — the answer lost on the wire — Chorus Pro itself catches: it refuses a second invoice with the
///    same number from the same supplier in the same year (the flow is `IN_REJETE`).
public struct ChorusProDispatcher: DispatchPort {
    public let client: ChorusProClient
    public let store: any GatewayStore
    public let clock: any GatewayClock

    public static let platformName = "chorus-pro"
    static let depositEvent = "chorus-pro.deposited"
    static let depositDedupKey = "chorus-pro:deposit"

    public init(client: ChorusProClient, store: any GatewayStore, clock: any GatewayClock = SystemClock()) {
        self.client = client
        self.store = store
        self.clock = clock
    }

    public var name: String { Self.platformName }

    public func dispatch(_ request: DispatchRequest) async throws -> DispatchOutcome {
        if let previous = try await previousDeposit(request) { return .submitted(platformID: previous.flow) }
        let syntax = Self.syntax(of: request.document.kind)
        let fileName = Self.fileName(for: request)
        let receipt: ChorusProDepositReceipt
        do {
            receipt = try await client.deposit(file: request.document.bytes, fileName: fileName, syntax: syntax)
        } catch let error as ChorusProError where !error.isTransient {
            throw StepFailure(permanent: true, error.description)
        }
        let flow = try await record(receipt.numeroFluxDepot, fileName: fileName, syntax: syntax, request: request)
        return .submitted(platformID: flow, receipt: Self.receiptDocument(receipt))
    }

    /// The deposit's answer as the invoice's platform receipt (its fields as JSON, sorted keys), for the archive.
    static func receiptDocument(_ receipt: ChorusProDepositReceipt) -> [UInt8]? {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return (try? encoder.encode(receipt)).map(Array.init)
    }

    /// The Chorus Pro flow syntax of a rendered document: structured E1 flows (Chorus Pro's EDI annex).
    static func syntax(of kind: DocumentKind) -> String {
        kind == .ubl ? "IN_DP_E1_UBL_INVOICE" : "IN_DP_E1_CII_16B"
    }

    /// `PASSERELLE_<first 16 hex of sha256(key)>_<BT-1, letters, digits, - and _ only>.xml`.
    static func fileName(for request: DispatchRequest) -> String {
        let digest = SHA256.hash(data: Array(request.submissionKey.utf8))
            .prefix(8).map { byte in (byte < 16 ? "0" : "") + String(byte, radix: 16) }.joined()
        let number = String(request.invoice.documentKey.number.unicodeScalars.map { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-")
                ? Character(scalar) : "_"
        }.prefix(40))
        return "PASSERELLE_\(digest)_\(number).xml"
    }

    struct DepositDetail: Codable {
        var numeroFluxDepot: String
        var nomFichier: String
        var syntaxeFlux: String
        var submissionKey: String
    }

    /// The deposit already made for this submission key, if any.
    func previousDeposit(_ request: DispatchRequest) async throws -> (flow: String, fileName: String)? {
        let events = try await store.read { transaction in
            try await transaction.events(invoice: request.invoice.id, tenant: request.tenant)
        }
        for event in events where event.type == Self.depositEvent {
            guard let json = event.detailJSON,
                let detail = try? JSONDecoder().decode(DepositDetail.self, from: Data(json.utf8)),
                detail.submissionKey == request.submissionKey
            else { continue }
            return (detail.numeroFluxDepot, detail.nomFichier)
        }
        return nil
    }

    /// Records the deposit; answers the flow that stands for the submission (the first one recorded).
    private func record(_ flow: String, fileName: String, syntax: String, request: DispatchRequest) async throws
        -> String
    {
        let detail = DepositDetail(numeroFluxDepot: flow, nomFichier: fileName, syntaxeFlux: syntax,
                                   submissionKey: request.submissionKey)
        let json = String(decoding: (try? JSONEncoder().encode(detail)) ?? Data("{}".utf8), as: UTF8.self)
        let now = clock.now()
        do {
            try await store.transaction { transaction in
                guard let current = try await transaction.invoice(request.invoice.id, tenant: request.tenant) else {
                    throw StepFailure(permanent: true, "invoice \(request.invoice.id) disappeared during its dispatch")
                }
                try await transaction.appendEvent(InvoiceEvent(
                    tenant: request.tenant, invoiceID: request.invoice.id, type: Self.depositEvent,
                    state: current.state, dedupKey: Self.depositDedupKey, actor: Self.platformName,
                    message: "Deposited on Chorus Pro as flow \(flow) (file \(fileName), \(syntax))",
                    detailJSON: json, occurredAt: now))
            }
        } catch StoreError.duplicate {
            // Another run recorded its deposit first; ours is a second flow that Chorus Pro refuses as a duplicate.
            return try await previousDeposit(request)?.flow ?? flow
        }
        return flow
    }
}
