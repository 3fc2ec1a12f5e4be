/// Short names for the common UN/ECE Recommendation 20 unit codes; other codes are printed as they are.
enum UnitNames {
    static func name(_ code: String?, _ language: InvoiceLanguage) -> String {
        guard let code, !code.isEmpty else { return "" }
        let names: (String, String)? = switch code {
        case "C62", "H87", "EA", "XPP": ("pce", "pc")
        case "HUR": ("h", "h")
        case "MIN": ("min", "min")
        case "DAY": ("jour", "day")
        case "WEE": ("sem.", "wk")
        case "MON": ("mois", "month")
        case "ANN": ("an", "yr")
        case "KGM": ("kg", "kg")
        case "GRM": ("g", "g")
        case "TNE": ("t", "t")
        case "MTR": ("m", "m")
        case "KMT": ("km", "km")
        case "MTK": ("m²", "m²")
        case "MTQ": ("m³", "m³")
        case "LTR": ("l", "l")
        case "KWH": ("kWh", "kWh")
        case "SET": ("lot", "set")
        case "LS": ("forfait", "lump sum")
        default: nil
        }
        guard let names else { return code }
        return language == .french ? names.0 : names.1
    }
}
