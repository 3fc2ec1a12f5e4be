import Foundation

// The JSON bodies of the Chorus Pro calls the stand-in answers. Field names are Chorus Pro's (docs/chorus-pro.md
// says which come from a published source and which are assumed).

/// Every answer carries `codeRetour` (0: done) and `libelle`.
struct CproFailure: Codable, Sendable {
    var codeRetour: Int
    var libelle: String
}

/// `POST /cpro/factures/v1/deposer/flux`.
struct CproDepositRequest: Codable, Sendable {
    var idUtilisateurCourant: Int?
    /// The file, base64.
    var fichierFlux: String?
    var nomFichier: String?
    /// E.g. `IN_DP_E1_CII_16B`.
    var syntaxeFlux: String?
    var avecSignature: Bool?
}

struct CproDepositAnswer: Codable, Sendable {
    var codeRetour: Int
    var libelle: String
    var numeroFluxDepot: String
    /// `YYYY-MM-DD`.
    var dateDepot: String
    var syntaxeFlux: String
}

/// `POST /cpro/transverses/v1/consulterCRDetaille`.
struct CproReportRequest: Codable, Sendable {
    var numeroFluxDepot: String?
    var syntaxeFlux: String?
}

/// One invoice ("demande de paiement", DP) of the flow that was rejected, and why.
struct CproInvoiceError: Codable, Sendable {
    var identifiantDestinataire: String
    var identifiantFournisseur: String
    var libelleErreurDP: String
    var numeroDP: String
}

struct CproReportAnswer: Codable, Sendable {
    var codeRetour: Int
    var libelle: String
    var numeroFluxDepot: String
    var codeInterfaceDepotFlux: String
    var dateDepotFlux: String
    var dateHeureEtatCourantFlux: String
    /// `IN_EN_COURS_TRAITEMENT_CPP`, `IN_INTEGRE`, `IN_REJETE`…
    var etatCourantDepotFlux: String
    var listeErreurDP: [CproInvoiceError]
    var nomFichier: String
}

/// `POST /cpro/factures/v1/rechercher/fournisseur` (the subset the stand-in reads).
struct CproSearchRequest: Codable, Sendable {
    var numeroFacture: String?
}

struct CproFoundInvoice: Codable, Sendable {
    var identifiantFactureCPP: Int
    var numeroFacture: String
    var dateFacture: String
    var identifiantFournisseur: String
    var identifiantDestinataire: String
    var statut: String
    var numeroFluxDepot: String
}

struct CproSearchAnswer: Codable, Sendable {
    var codeRetour: Int
    var libelle: String
    var listeFactures: [CproFoundInvoice]
    var total: Int
}

/// `POST /cpro/factures/v1/consulter/historique`.
struct CproHistoryRequest: Codable, Sendable {
    var idFacture: Int?
}

struct CproHistoryEntry: Codable, Sendable {
    var histoStatutId: Int
    var histoStatutCode: String
    var histoStatutDatePassage: String
    var histoStatutCommentaire: String?
}

struct CproHistoryList: Codable, Sendable {
    var histoStatut: [CproHistoryEntry]
}

struct CproHistoryAnswer: Codable, Sendable {
    var codeRetour: Int
    var libelle: String
    var idFacture: Int
    var statutCourantCode: String
    var historiquesDesStatuts: CproHistoryList
}

/// The stand-in's `codeRetour` values for refused calls. Chorus Pro's own catalogue (the API annex of its external
/// specifications) was not reachable from here: these numbers are ours; only "0 = done" is the published contract.
enum CproCode {
    static let done = 0
    static let missingField = 20001
    static let notBase64 = 20002
    static let fileTooLarge = 20003
    static let unknownSyntax = 20004
    static let unknownFlow = 20005
    static let unknownInvoice = 20006
    static let emptyFile = 20007
    static let badAccount = 20008
}
