"""French messages for the syntax rules whose message is not built from their test.

Keys are rule ids; a rule of a Factur-X profile that restates a CII-SR or PEPPOL rule (its official
message starts with that id in brackets) uses the entry of the quoted id.
"""

FRENCH: dict = {
    "UBL-CR-002": "Une facture UBL ne devrait pas contenir cbc:UBLVersionID, ou alors avec la valeur 2.1.",
    "UBL-CR-412": "Une facture UBL ne devrait pas contenir cac:PaymentMeans/cbc:PaymentDueDate.",
    "UBL-DT-01": "Un montant doit avoir au plus deux décimales.",
    "UBL-DT-18": "L'attribut name ne devrait pas être utilisé (sauf sur cbc:PaymentMeansCode) : supprimez-le.",
    "UBL-SR-19": "Le nom du bénéficiaire ne peut figurer qu'une fois, et seulement si le bénéficiaire n'est pas "
                 "le vendeur.",
    "UBL-SR-20": "L'identifiant du bénéficiaire ne peut figurer qu'une fois, et seulement si le bénéficiaire "
                 "n'est pas le vendeur.",
    "UBL-SR-21": "L'identifiant d'immatriculation du bénéficiaire ne peut figurer qu'une fois, et seulement si "
                 "le bénéficiaire n'est pas le vendeur.",
    "UBL-SR-43": "L'attribut schemeID de l'identifiant n'est permis que pour l'objet facturé (type de document "
                 "130, ou 50 dans un avoir).",
    "UBL-SR-51": "Une adresse ne peut avoir qu'une troisième ligne (cac:AddressLine).",
    "UBL-SR-53": "Le numéro de TVA (cbc:CompanyID) doit figurer quand cac:PartyTaxScheme/cac:TaxScheme/cbc:ID "
                 "est donné.",
    "CII-SR-464": "Un seul élément BT-86 est permis dans une facture.",
    "CII-SR-465": "Un seul élément BT-41 (contact du vendeur) est permis dans une facture : donnez soit le nom "
                  "de la personne, soit le service.",
    "CII-SR-466": "Un seul élément BT-56 (contact de l'acheteur) est permis dans une facture : donnez soit le "
                  "nom de la personne, soit le service.",
    "CII-SR-467": "Tous les codes de moyen de paiement (BT-81) doivent avoir la même valeur dans tous les "
                  "SpecifiedTradeSettlementPaymentMeans.",
    "CII-SR-468": "Tous les libellés de moyen de paiement (BT-82) doivent avoir la même valeur dans tous les "
                  "SpecifiedTradeSettlementPaymentMeans.",
}

# Rules whose official English does not say what to fix, or whose test shape would give a wrong message.
OVERRIDES: dict = {
    "PEPPOL-EN16931-R008": (
        "The document must not contain empty elements: remove the empty element or give it a value.",
        "Le document ne doit pas contenir d'élément vide : supprimez l'élément vide ou donnez-lui une valeur.",
    ),
}
