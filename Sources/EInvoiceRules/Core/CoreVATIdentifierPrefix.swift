/// BR-CO-09: the country prefixes of VAT identifiers (BT-31, BT-48, BT-63), as the official artefacts list them.
///
/// The two lists differ (the CII one has AN, the UBL one has SS) and so do the tests: CII looks for the
/// first two characters as a whole code (`contains(list, concat(' ', substring(., 1, 2), ' '))`), UBL looks
/// for them anywhere in the list text (`contains(list, substring(., 1, 2))`), so that in UBL an empty
/// identifier or one starting with a letter and a space passes.
enum CoreVATIdentifierPrefix {
    /// The list of the CII (Factur-X EN 16931) schematron, with its spaces.
    static let ciiList =
        " 1A AD AE AF AG AI AL AM AN AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BL BJ BM BN BO BQ"
        + " BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ"
        + " EC EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW"
        + " GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ"
        + " LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX"
        + " MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO"
        + " RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM"
        + " TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW "

    /// The list of the UBL schematron, with its spaces.
    static let ublList =
        " 1A AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR"
        + " BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC"
        + " EE EG EH EL ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY"
        + " HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA"
        + " LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY"
        + " MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS"
        + " RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM"
        + " TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS XI YE YT ZA ZM ZW "

    static let ciiBytes = Array(ciiList.utf8)
    static let ublBytes = Array(ublList.utf8)

    /// Whether the official test of an artefact accepts the identifier's prefix.
    static func accepts(_ identifier: String, _ artefact: CoreArtefact) -> Bool {
        var prefix = ""
        prefix.unicodeScalars.append(contentsOf: identifier.unicodeScalars.prefix(2))
        switch artefact {
        case .cii: return listContains(ciiList, ciiBytes, " " + prefix + " ")
        case .ubl: return prefix.isEmpty || listContains(ublList, ublBytes, prefix)
        case .semantic: return prefix.unicodeScalars.count == 2 && listContains(ublList, ublBytes, " " + prefix + " ")
        }
    }

    /// `list.contains(text)`; for ASCII text, which is every real prefix, by comparing bytes (the lists are ASCII,
    /// so the text search finds exactly the byte matches), without the cost of the general text search.
    static func listContains(_ list: String, _ haystack: [UInt8], _ text: String) -> Bool {
        let needle = Array(text.utf8)
        guard !needle.isEmpty, needle.allSatisfy({ $0 < 0x80 }) else { return list.contains(text) }
        guard needle.count <= haystack.count else { return false }
        for start in 0...(haystack.count - needle.count) where haystack[start] == needle[0] {
            if haystack[start..<(start + needle.count)].elementsEqual(needle) { return true }
        }
        return false
    }
}
