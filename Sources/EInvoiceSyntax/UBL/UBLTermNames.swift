/// Names terms in UBL read errors, from the shared EN 16931 term names.
enum UBLTermNames {
    /// `BT-131 (Invoice line net amount)` for the last step of a term path.
    static func describe(_ path: String) -> String {
        let term = path.split(separator: "/").last.map(String.init) ?? path
        guard let name = EN16931Terms.name(of: term) else { return term }
        return "\(term) (\(name))"
    }
}
