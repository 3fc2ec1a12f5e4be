/// Small code sets the model itself needs. The full code lists live with the rules.
public enum CodeSets {
    /// UNTDID 1001 codes of credit notes.
    public static let creditNoteTypeCodes: Set<String> = ["81", "83", "261", "262", "296", "308", "381", "396", "420", "458", "532"]
}
