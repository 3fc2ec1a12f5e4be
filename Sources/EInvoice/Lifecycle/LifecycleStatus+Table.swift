/// The status table (`reference/afnor/lifecycle-statuses.tsv`): code, labels, phase (MDT-77), MDT-88 status code,
/// who sets it, reporting duty and whether it ends the lifecycle.
///
/// Sources: the FNFE-MPE CDAR schematron (code list CL-06, MDT-88 per phase CL-05) and the examples of
/// XP Z12-012 annex B. 201's MDT-88 (51) is deduced by elimination; 214 and 221 have no known phase or MDT-88.
extension LifecycleStatus {
    struct Entry: Sendable {
        var code: String
        var french: String
        var english: String
        var phase: LifecyclePhase?
        var statusCode: String?
        var setBy: LifecycleActor
        var reporting: LifecycleReporting = .notRequired
        var terminal = false
    }

    var entry: Entry? {
        switch self {
        case .submitted:
            Entry(code: "200", french: "Déposée", english: "Submitted", phase: .transmission, statusCode: "10",
                setBy: .issuerPlatform, reporting: .required)
        case .issuedByPlatform:
            Entry(code: "201", french: "Émise par la plateforme", english: "Issued by platform", phase: .transmission,
                statusCode: "51", setBy: .issuerPlatform)
        case .receivedByPlatform:
            Entry(code: "202", french: "Reçue par la plateforme", english: "Received by platform",
                phase: .transmission, statusCode: "43", setBy: .receiverPlatform)
        case .madeAvailable:
            Entry(code: "203", french: "Mise à disposition", english: "Made available", phase: .transmission,
                statusCode: "48", setBy: .receiverPlatform)
        case .inHand:
            Entry(code: "204", french: "Prise en charge", english: "In hand", phase: .processing, statusCode: "45",
                setBy: .buyer)
        case .approved:
            Entry(code: "205", french: "Approuvée", english: "Approved", phase: .processing, statusCode: "1",
                setBy: .buyer)
        case .partiallyApproved:
            Entry(code: "206", french: "Approuvée partiellement", english: "Partially approved", phase: .processing,
                statusCode: "49", setBy: .buyer)
        case .disputed:
            Entry(code: "207", french: "En litige", english: "Disputed", phase: .processing, statusCode: "46",
                setBy: .buyer)
        case .suspended:
            Entry(code: "208", french: "Suspendue", english: "Suspended", phase: .processing, statusCode: "39",
                setBy: .buyer)
        case .completed:
            Entry(code: "209", french: "Complétée", english: "Completed", phase: .processing, statusCode: "37",
                setBy: .seller)
        case .refused:
            Entry(code: "210", french: "Refusée", english: "Refused", phase: .processing, statusCode: "50",
                setBy: .buyer, reporting: .required, terminal: true)
        case .paymentSent:
            Entry(code: "211", french: "Paiement transmis", english: "Payment sent", phase: .processing,
                statusCode: "47", setBy: .buyer)
        case .paymentReceived:
            Entry(code: "212", french: "Encaissée", english: "Payment received", phase: .processing,
                statusCode: "47", setBy: .seller, reporting: .requiredWhenVATDueOnPayment, terminal: true)
        case .rejected:
            Entry(code: "213", french: "Rejetée", english: "Rejected", phase: .transmission, statusCode: "8",
                setBy: .platform, reporting: .required, terminal: true)
        case .stamped:
            Entry(code: "214", french: "Visée", english: "Stamped", phase: nil, statusCode: nil, setBy: .unknown)
        case .cancelled:
            Entry(code: "220", french: "Annulée", english: "Cancelled", phase: .processing, statusCode: nil,
                setBy: .seller, terminal: true)
        case .routingError:
            Entry(code: "221", french: "Erreur de routage", english: "Routing error", phase: nil, statusCode: nil,
                setBy: .platform)
        case .directPaymentRequest:
            Entry(code: "224", french: "Demande de paiement direct", english: "Direct payment request",
                phase: .processing, statusCode: nil, setBy: .unknown)
        case .factored:
            Entry(code: "225", french: "Affacturée", english: "Factored", phase: .processing, statusCode: nil,
                setBy: .seller)
        case .factoredConfidential:
            Entry(code: "226", french: "Affacturée confidentiel", english: "Factored (confidential)",
                phase: .processing, statusCode: nil, setBy: .seller)
        case .paymentAccountChange:
            Entry(code: "227", french: "Changement de compte à payer", english: "Payment account change",
                phase: .processing, statusCode: nil, setBy: .seller)
        case .notFactored:
            Entry(code: "228", french: "Non affacturée", english: "Not factored", phase: .processing,
                statusCode: nil, setBy: .seller)
        case .other:
            nil
        }
    }
}
