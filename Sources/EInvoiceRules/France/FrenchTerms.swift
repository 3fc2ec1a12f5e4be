/// Plain names of the terms the French rules speak about, for messages a non-expert can act on.
enum FrenchTerms {
    struct Label: Sendable {
        let english: String
        let french: String
    }

    static func label(_ term: String) -> Label {
        labels[term] ?? Label(english: term, french: term)
    }

    private static let labels: [String: Label] = [
        "BT-1": Label(english: "invoice number", french: "numéro de facture"),
        "BT-2": Label(english: "invoice issue date", french: "date d'émission de la facture"),
        "BT-3": Label(english: "invoice type code", french: "code de type de facture"),
        "BT-7": Label(english: "VAT point date", french: "date d'exigibilité de la TVA"),
        "BT-9": Label(english: "payment due date", french: "date d'échéance du paiement"),
        "BT-21": Label(english: "invoice note subject", french: "sujet de la note de facture"),
        "BT-23": Label(english: "billing framework (business process type)", french: "cadre de facturation"),
        "BT-25": Label(english: "preceding invoice number", french: "numéro de la facture antérieure"),
        "BT-26": Label(english: "preceding invoice issue date", french: "date de la facture antérieure"),
        "BT-29": Label(english: "seller identifier", french: "identifiant du vendeur"),
        "BT-30": Label(english: "seller SIREN (legal registration identifier)", french: "SIREN du vendeur"),
        "BT-34": Label(english: "seller electronic address", french: "adresse électronique du vendeur"),
        "BT-46": Label(english: "buyer identifier", french: "identifiant de l'acheteur"),
        "BT-47": Label(english: "buyer SIREN (legal registration identifier)", french: "SIREN de l'acheteur"),
        "BT-49": Label(english: "buyer electronic address", french: "adresse électronique de l'acheteur"),
        "BT-60": Label(english: "payee identifier", french: "identifiant du bénéficiaire"),
        "BT-71": Label(english: "deliver-to location identifier", french: "identifiant du lieu de livraison"),
        "BT-72": Label(english: "actual delivery date", french: "date de livraison"),
        "BT-73": Label(english: "invoicing period start date", french: "date de début de période de facturation"),
        "BT-74": Label(english: "invoicing period end date", french: "date de fin de période de facturation"),
        "BT-92": Label(english: "document allowance amount", french: "montant de la remise au niveau document"),
        "BT-93": Label(english: "document allowance base amount", french: "assiette de la remise au niveau document"),
        "BT-95": Label(
            english: "VAT category of a document allowance or charge",
            french: "catégorie de TVA d'une remise ou charge au niveau document"),
        "BT-96": Label(
            english: "VAT rate of a document allowance or charge",
            french: "taux de TVA d'une remise ou charge au niveau document"),
        "BT-99": Label(english: "document charge amount", french: "montant de la charge au niveau document"),
        "BT-100": Label(english: "document charge base amount", french: "assiette de la charge au niveau document"),
        "BT-106": Label(english: "sum of line net amounts", french: "somme des montants nets des lignes"),
        "BT-107": Label(english: "sum of document allowances", french: "somme des remises au niveau document"),
        "BT-108": Label(english: "sum of document charges", french: "somme des charges au niveau document"),
        "BT-109": Label(english: "total without VAT", french: "montant total hors TVA"),
        "BT-110": Label(english: "total VAT amount", french: "montant total de TVA"),
        "BT-111": Label(
            english: "total VAT amount in accounting currency",
            french: "montant total de TVA dans la devise de comptabilisation"),
        "BT-112": Label(english: "total with VAT", french: "montant total TTC"),
        "BT-113": Label(english: "paid amount", french: "montant déjà payé"),
        "BT-114": Label(english: "rounding amount", french: "montant d'arrondi"),
        "BT-115": Label(english: "amount due for payment", french: "montant net à payer"),
        "BT-116": Label(english: "VAT category taxable amount", french: "base imposable de la catégorie de TVA"),
        "BT-117": Label(english: "VAT category tax amount", french: "montant de TVA de la catégorie"),
        "BT-118": Label(
            english: "VAT category code of the VAT breakdown",
            french: "code de catégorie de TVA du récapitulatif"),
        "BT-119": Label(english: "VAT rate of the VAT breakdown", french: "taux de TVA du récapitulatif"),
        "BT-123": Label(english: "attached document description", french: "description du document joint"),
        "BT-128": Label(english: "invoice line object identifier", french: "identifiant d'objet de la ligne"),
        "BT-129": Label(english: "invoiced quantity", french: "quantité facturée"),
        "BT-131": Label(english: "invoice line net amount", french: "montant net de la ligne"),
        "BT-134": Label(english: "invoice line period start date", french: "date de début de période de la ligne"),
        "BT-135": Label(english: "invoice line period end date", french: "date de fin de période de la ligne"),
        "BT-136": Label(english: "line allowance amount", french: "montant de la remise de ligne"),
        "BT-137": Label(english: "line allowance base amount", french: "assiette de la remise de ligne"),
        "BT-146": Label(english: "item net price", french: "prix unitaire net"),
        "BT-147": Label(english: "item price discount", french: "rabais sur le prix unitaire"),
        "BT-148": Label(english: "item gross price", french: "prix unitaire brut"),
        "BT-149": Label(english: "item price base quantity", french: "quantité de base du prix"),
        "BT-151": Label(english: "invoiced item VAT category", french: "catégorie de TVA de l'article"),
        "BT-152": Label(english: "invoiced item VAT rate", french: "taux de TVA de l'article"),
        "BT-160": Label(english: "item attribute name", french: "nom de l'attribut de l'article"),
        "EXT-FR-FE-02": Label(
            english: "type code of the preceding invoice",
            french: "type de la facture antérieure"),
        "EXT-FR-FE-06": Label(english: "buyer agent identifier", french: "identifiant du mandataire de l'acheteur"),
        "EXT-FR-FE-12": Label(
            english: "buyer agent electronic address",
            french: "adresse électronique du mandataire de l'acheteur"),
        "EXT-FR-FE-29": Label(english: "payee electronic address", french: "adresse électronique du bénéficiaire"),
        "EXT-FR-FE-46": Label(english: "payer identifier", french: "identifiant du payeur"),
        "EXT-FR-FE-52": Label(english: "payer electronic address", french: "adresse électronique du payeur"),
        "EXT-FR-FE-69": Label(english: "seller agent identifier", french: "identifiant du mandataire du vendeur"),
        "EXT-FR-FE-75": Label(
            english: "seller agent electronic address",
            french: "adresse électronique du mandataire du vendeur"),
        "EXT-FR-FE-92": Label(english: "invoicee identifier", french: "identifiant du destinataire de la facture"),
        "EXT-FR-FE-98": Label(
            english: "invoicee electronic address",
            french: "adresse électronique du destinataire de la facture"),
        "EXT-FR-FE-115": Label(english: "invoicer identifier", french: "identifiant de l'émetteur de la facture"),
        "EXT-FR-FE-121": Label(
            english: "invoicer electronic address",
            french: "adresse électronique de l'émetteur de la facture"),
        "EXT-FR-FE-134": Label(
            english: "invoice line period start date", french: "date de début de période de la ligne"),
        "EXT-FR-FE-135": Label(english: "invoice line period end date", french: "date de fin de période de la ligne"),
        "EXT-FR-FE-136": Label(
            english: "preceding invoice number on a line",
            french: "numéro de facture antérieure d'une ligne"),
        "EXT-FR-FE-137": Label(
            english: "type code of the preceding invoice on a line",
            french: "type de la facture antérieure d'une ligne"),
        "EXT-FR-FE-138": Label(
            english: "preceding invoice issue date on a line",
            french: "date de la facture antérieure d'une ligne"),
        "EXT-FR-FE-146": Label(
            english: "deliver-to location identifier on a line",
            french: "identifiant du lieu de livraison d'une ligne"),
        "EXT-FR-FE-158": Label(english: "delivery date on a line", french: "date de livraison d'une ligne"),
        "EXT-FR-FE-159": Label(english: "item attribute code", french: "code de l'attribut de l'article"),
    ]
}
