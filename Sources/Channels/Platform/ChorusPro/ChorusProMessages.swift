import Foundation

// The JSON of the three Chorus Pro calls as the client reads them (docs/chorus-pro.md: which field comes from which
// source). Answers decode leniently: only the fields Passerelle needs are required.

struct DepositRequestBody: Encodable {
    var fichierFlux: String
    var nomFichier: String
    var syntaxeFlux: String
    var avecSignature: Bool
}

/// What `factures/v1/deposer/flux` answered.
public struct ChorusProDepositReceipt: Sendable, Hashable, Codable {
    /// The flow's number, e.g. `CPP0011110000000000001557`: what every later question about the deposit names.
    public var numeroFluxDepot: String
    public var dateDepot: String?
    public var syntaxeFlux: String?
}

struct ReportRequestBody: Encodable {
    var numeroFluxDepot: String
    var syntaxeFlux: String?
}

/// One rejected invoice ("demande de paiement") of a flow.
public struct ChorusProInvoiceError: Sendable, Hashable, Decodable {
    public var numeroDP: String?
    public var identifiantFournisseur: String?
    public var identifiantDestinataire: String?
    public var libelleErreurDP: String?
}

/// What `transverses/v1/consulterCRDetaille` answered: where the flow stands.
public struct ChorusProFlowReport: Sendable, Hashable, Decodable {
    public var numeroFluxDepot: String?
    /// `IN_RECU`, `IN_EN_ATTENTE_TRAITEMENT_CPP`, `IN_EN_COURS_TRAITEMENT_CPP`, `IN_INTEGRE`, `IN_INTEGRE_PARTIEL`,
    /// `IN_REJETE`, `IN_INCIDENTE`…
    public var etatCourantDepotFlux: String
    public var dateHeureEtatCourantFlux: String?
    public var dateDepotFlux: String?
    public var nomFichier: String?
    public var listeErreurDP: [ChorusProInvoiceError]

    enum CodingKeys: String, CodingKey {
        case numeroFluxDepot, etatCourantDepotFlux, etatCourantFlux, dateHeureEtatCourantFlux, dateDepotFlux,
            nomFichier, listeErreurDP
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        numeroFluxDepot = try container.decodeIfPresent(String.self, forKey: .numeroFluxDepot)
        // The published example says etatCourantDepotFlux; some descriptions say etatCourantFlux.
        guard let state = try container.decodeIfPresent(String.self, forKey: .etatCourantDepotFlux)
            ?? container.decodeIfPresent(String.self, forKey: .etatCourantFlux)
        else {
            throw DecodingError.keyNotFound(CodingKeys.etatCourantDepotFlux, .init(
                codingPath: container.codingPath, debugDescription: "the report gives no etatCourantDepotFlux"))
        }
        etatCourantDepotFlux = state
        dateHeureEtatCourantFlux = try container.decodeIfPresent(String.self, forKey: .dateHeureEtatCourantFlux)
        dateDepotFlux = try container.decodeIfPresent(String.self, forKey: .dateDepotFlux)
        nomFichier = try container.decodeIfPresent(String.self, forKey: .nomFichier)
        // The published example shows one object; a flow of several invoices gives a list.
        if let list = try? container.decodeIfPresent([ChorusProInvoiceError].self, forKey: .listeErreurDP) {
            listeErreurDP = list
        } else if let one = try? container.decodeIfPresent(ChorusProInvoiceError.self, forKey: .listeErreurDP) {
            listeErreurDP = [one]
        } else {
            listeErreurDP = []
        }
    }

    public var isRejected: Bool { etatCourantDepotFlux == "IN_REJETE" }
    public var isIntegrated: Bool { etatCourantDepotFlux == "IN_INTEGRE" || etatCourantDepotFlux == "IN_INTEGRE_PARTIEL" }
}

struct SearchRequestBody: Encodable {
    var numeroFacture: String
}

/// An invoice as the supplier's search (`factures/v1/rechercher/fournisseur`) lists it.
public struct ChorusProFoundInvoice: Sendable, Hashable, Decodable {
    public var identifiantFactureCPP: Int
    public var numeroFacture: String?
    public var statut: String?
    public var numeroFluxDepot: String?
}

struct SearchAnswer: Decodable {
    var listeFactures: [ChorusProFoundInvoice]?
}

struct HistoryRequestBody: Encodable {
    var idFacture: Int
}

/// One status of an invoice's history.
public struct ChorusProStatusEntry: Sendable, Hashable, Decodable {
    public var histoStatutId: Int?
    /// `DEPOSEE`, `MISE_A_DISPOSITION`, `SUSPENDUE`, `REJETEE`, `MANDATEE`, `MISE_EN_PAIEMENT`…
    public var histoStatutCode: String
    public var histoStatutDatePassage: String?
    public var histoStatutCommentaire: String?
}

/// What `factures/v1/consulter/historique` answered.
public struct ChorusProInvoiceHistory: Sendable, Hashable, Decodable {
    public var idFacture: Int?
    public var statutCourantCode: String?
    public var entries: [ChorusProStatusEntry]

    struct List: Decodable {
        var histoStatut: [ChorusProStatusEntry]?
    }

    enum CodingKeys: String, CodingKey {
        case idFacture, statutCourantCode, historiquesDesStatuts
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        idFacture = try container.decodeIfPresent(Int.self, forKey: .idFacture)
        statutCourantCode = try container.decodeIfPresent(String.self, forKey: .statutCourantCode)
        entries = try container.decodeIfPresent(List.self, forKey: .historiquesDesStatuts)?.histoStatut ?? []
    }
}

/// `codeRetour` and `libelle`, in every answer.
struct ReturnCode: Decodable {
    var codeRetour: Int?
    var libelle: String?
}

struct TokenAnswer: Decodable {
    var access_token: String
    var expires_in: Int?
}
