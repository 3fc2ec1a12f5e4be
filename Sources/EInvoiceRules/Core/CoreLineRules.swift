import EInvoice

/// BR-21 … BR-28, BR-30, BR-54, BR-64 and BR-65: what each invoice line (BG-25) must carry.
enum CoreLineRules {
    static func check(_ context: inout RuleContext) {
        for (index, line) in context.invoice.lines.enumerated() {
            checkMandatoryTerms(line, index, &context)
            checkPrices(line, index, &context)
            checkItem(line, index, &context)
        }
    }

    /// The line as a reader names it: "line 3 (identifier A-12)".
    static func name(_ line: InvoiceLine, _ index: Int) -> (en: String, fr: String) {
        name(identifier: line.identifier, index)
    }

    static func name(identifier: String, _ index: Int) -> (en: String, fr: String) {
        let id = identifier.trimmingWhitespace()
        return id.isEmpty
            ? ("line \(index + 1)", "ligne \(index + 1)")
            : ("line \(index + 1) (\(id))", "ligne \(index + 1) (\(id))")
    }

    /// BR-21 … BR-25 and BR-30.
    static func checkMandatoryTerms(_ line: InvoiceLine, _ index: Int, _ context: inout RuleContext) {
        let label = CoreLineLabel(line, index)
        if CoreText.isBlank(line.identifier) {
            context.reportCore(
                "BR-21", terms: ["BT-126"], at: CorePath.line(index, "BT-126"),
                en: "Invoice \(label.en) has no line identifier (BT-126): number the line, e.g. \(index + 1).",
                fr: "La \(label.fr) de la facture n'a pas d'identifiant (BT-126) : numérotez-la, par exemple \(index + 1).")
        }
        if line.quantity == nil {
            context.reportCore(
                "BR-22", terms: ["BT-129"], at: CorePath.line(index, "BT-129"),
                en: "Invoice \(label.en) has no invoiced quantity (BT-129): give the quantity billed.",
                fr: "La \(label.fr) de la facture n'a pas de quantité facturée (BT-129) : indiquez-la.")
        }
        if line.quantity?.unitCode == nil {
            context.reportCore(
                "BR-23", terms: ["BT-130"], at: CorePath.line(index, "BT-130"),
                en: "Invoice \(label.en) has no unit of measure (BT-130) for its quantity: give a UN/ECE Rec. 20 code, "
                    + "e.g. C62 (unit), HUR (hour) or KGM (kilogram).",
                fr: "La \(label.fr) de la facture n'a pas d'unité de mesure (BT-130) pour sa quantité : indiquez un code "
                    + "UN/ECE Rec. 20, par exemple C62 (unité), HUR (heure) ou KGM (kilogramme).")
        }
        if line.netAmount == nil {
            context.reportCore(
                "BR-24", terms: ["BT-131"], at: CorePath.line(index, "BT-131"),
                en: "Invoice \(label.en) has no net amount (BT-131): give quantity × net price + charges − allowances.",
                fr: "La \(label.fr) de la facture n'a pas de montant net (BT-131) : indiquez quantité × prix net + "
                    + "charges − remises.")
        }
        if CoreText.isBlank(line.item.name) {
            context.reportCore(
                "BR-25", terms: ["BT-153"], at: CorePath.line(index, "BG-31/BT-153"),
                en: "Invoice \(label.en) has no item name (BT-153): name what is sold.",
                fr: "La \(label.fr) de la facture n'a pas de nom d'article (BT-153) : nommez ce qui est vendu.")
        }
        if let period = line.period, let start = period.startDate, let end = period.endDate, end < start {
            context.reportCore(
                "BR-30", terms: ["BT-134", "BT-135"], at: CorePath.line(index, "BG-26/BT-135"),
                en: "The period of invoice \(label.en) ends (BT-135, \(end)) before it starts (BT-134, \(start)): "
                    + "correct one of the two dates.",
                fr: "La période de la \(label.fr) se termine (BT-135, \(end)) avant de commencer (BT-134, \(start)) : "
                    + "corrigez l'une des deux dates.")
        }
    }

    /// BR-26 … BR-28. The net price test `BT-146 >= 0` also fails when BT-146 is missing (in both syntaxes).
    static func checkPrices(_ line: InvoiceLine, _ index: Int, _ context: inout RuleContext) {
        let label = CoreLineLabel(line, index)
        let path = CorePath.line(index, "BG-29/BT-146")
        if let net = line.price.netPrice {
            if net.isNegative {
                context.reportCore(
                    "BR-27", terms: ["BT-146"], at: path,
                    en: "The item net price (BT-146) of invoice \(label.en) is negative (\(net)): give a positive price "
                        + "and put the sign on the quantity (BT-129) instead.",
                    fr: "Le prix net (BT-146) de la \(label.fr) est négatif (\(net)) : indiquez un prix positif et portez "
                        + "le signe sur la quantité (BT-129).")
            }
        } else {
            context.reportCore(
                "BR-26", terms: ["BT-146"], at: path,
                en: "Invoice \(label.en) has no item net price (BT-146): give the price of one unit (or of the base "
                    + "quantity BT-149) after price discounts.",
                fr: "La \(label.fr) de la facture n'a pas de prix net (BT-146) : indiquez le prix d'une unité (ou de la "
                    + "quantité de base BT-149) après remise sur prix.")
            context.reportCore(
                "BR-27", terms: ["BT-146"], at: path,
                en: "The item net price (BT-146) of invoice \(label.en) is missing, so it cannot be checked to be "
                    + "zero or more: add the net price.",
                fr: "Le prix net (BT-146) de la \(label.fr) est absent et ne peut donc pas être vérifié positif ou nul : "
                    + "ajoutez le prix net.")
        }
        if let gross = line.price.grossPrice, gross.isNegative {
            context.reportCore(
                "BR-28", terms: ["BT-148"], at: CorePath.line(index, "BG-29/BT-148"),
                en: "The item gross price (BT-148) of invoice \(label.en) is negative (\(gross)): give a positive price "
                    + "and put the sign on the quantity (BT-129) instead.",
                fr: "Le prix brut (BT-148) de la \(label.fr) est négatif (\(gross)) : indiquez un prix positif et portez "
                    + "le signe sur la quantité (BT-129).")
        }
    }

    /// BR-54, BR-64 and BR-65. The CII test of BR-65 is satisfied when any classification of the line
    /// has a scheme; the UBL test wants one on each.
    static func checkItem(_ line: InvoiceLine, _ index: Int, _ context: inout RuleContext) {
        let label = CoreLineLabel(line, index)
        let artefact = context.coreArtefact
        for (position, attribute) in line.item.attributes.enumerated()
        where attribute.name.isEmpty || attribute.value.isEmpty {
            let missing =
                attribute.name.isEmpty ? ("name (BT-160)", "nom (BT-160)") : ("value (BT-161)", "valeur (BT-161)")
            context.reportCore(
                "BR-54", terms: ["BG-32", "BT-160", "BT-161"],
                at: CorePath.line(index, "BG-31/BG-32[\(position)]"),
                en: "Item attribute \(position + 1) (BG-32) of invoice \(label.en) has no \(missing.0): give both the "
                    + "attribute's name and its value, or remove the attribute.",
                fr: "L'attribut d'article \(position + 1) (BG-32) de la \(label.fr) n'a pas de \(missing.1) : indiquez "
                    + "le nom et la valeur de l'attribut, ou retirez-le.")
        }
        if let standard = line.item.standardIdentifier, CoreText.isMissingAttribute(standard.schemeID, artefact) {
            context.reportCore(
                "BR-64", terms: ["BT-157", "BT-157-1"], at: CorePath.line(index, "BG-31/BT-157"),
                en: "The item standard identifier (BT-157, \(standard.value)) of invoice \(label.en) has no scheme "
                    + "(BT-157-1): add the ISO 6523 scheme code, e.g. 0160 for a GTIN.",
                fr: "L'identifiant normalisé de l'article (BT-157, \(standard.value)) de la \(label.fr) n'a pas de schéma "
                    + "(BT-157-1) : ajoutez le code de schéma ISO 6523, par exemple 0160 pour un GTIN.")
        }
        let classifications = line.item.classifications
        let unschemed: [Int]
        if artefact == .cii {
            let anySchemed = classifications.contains { !CoreText.isBlank($0.listID) }
            unschemed = classifications.isEmpty || anySchemed ? [] : [0]
        } else {
            unschemed = classifications.indices.filter {
                CoreText.isMissingAttribute(classifications[$0].listID, artefact)
            }
        }
        for position in unschemed {
            let code = classifications[position].code
            context.reportCore(
                "BR-65", terms: ["BT-158", "BT-158-1"], at: CorePath.line(index, "BG-31/BT-158"),
                en: "The item classification (BT-158, \(code)) of invoice \(label.en) has no scheme (BT-158-1): add the "
                    + "UNTDID 7143 code of the classification, e.g. STI.",
                fr: "La classification de l'article (BT-158, \(code)) de la \(label.fr) n'a pas de schéma (BT-158-1) : "
                    + "ajoutez le code UNTDID 7143 de la classification, par exemple STI.")
        }
    }
}

/// A line's name for messages (`CoreLineRules.name`), built only when a message needs it.
struct CoreLineLabel {
    let identifier: String
    let index: Int

    init(_ line: InvoiceLine, _ index: Int) {
        identifier = line.identifier
        self.index = index
    }

    var en: String { CoreLineRules.name(identifier: identifier, index).en }
    var fr: String { CoreLineRules.name(identifier: identifier, index).fr }
}
