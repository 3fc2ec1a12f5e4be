import EInvoice

/// How one ERP export file is read: its format, layout, conventions and which column (or XML path) fills which
/// field. Loaded from YAML (``ERPMapping/load(yaml:)``); docs/erp-files.md is the reference.
public struct ERPMapping: Sendable {
    /// What the file holds.
    public enum Kind: String, Sendable, Codable, CaseIterable {
        case invoices, customers, products, priceLists
    }

    public enum Format: String, Sendable, Codable {
        /// Delimited text, read as ``CSVOptions`` say.
        case csv
        /// The ERP's own XML, read by the element paths of ``XMLOptions``; a CII or UBL invoice is taken as it is.
        case xml
    }

    /// CSV: one row per invoice line with the invoice's fields repeated (`lines`), or header and line records told
    /// apart by a record-type column (`records`).
    public enum Layout: String, Sendable, Codable {
        case lines, records
    }

    public struct CSVOptions: Sendable {
        public var layout: Layout = .lines
        public var dialect = CSVDialect()
        public var numbers = NumberFormat()
        public var dates = DateFormats(["yyyy-MM-dd"])
        /// Column names by position, for files without a header row (`lines` layout). Nil: the first row names the
        /// columns.
        public var columns: [String]?
        /// `records` layout: the column names of header (H) and line (L) records, by position.
        public var headerColumns: [String] = []
        public var lineColumns: [String] = []
        /// `records` layout: the column holding the record type, and its values.
        public var recordTypeColumn = "type"
        public var headerRecordType = "H"
        public var lineRecordType = "L"
        /// `lines` layout: the column that groups rows into invoices; nil = the column mapped to BT-1 (or the
        /// master-data code).
        public var groupBy: String?
    }

    public struct XMLOptions: Sendable {
        /// Element path from the root to each invoice, e.g. `Factures/Facture` (the root's name first).
        public var invoicePath: [String] = []
        /// Element path from an invoice element to each line, e.g. `Lignes/Ligne`.
        public var linePath: [String] = []
        public var numbers = NumberFormat()
        public var dates = DateFormats(["yyyy-MM-dd"])
    }

    public var kind: Kind
    public var format: Format
    public var csv: CSVOptions
    public var xml: XMLOptions
    /// Source (column name or relative element path) → target name, for invoice fields or master-data fields.
    public var fields: [(source: String, target: String)]
    /// `records` layout and XML: sources of the line records or line elements.
    public var lineFields: [(source: String, target: String)]
    /// Target → constant value, used when the file leaves the field empty (e.g. the seller, from the ERP config).
    public var defaults: [(target: String, value: String)]
    /// Notes added to every invoice (BG-1), e.g. the French legal mentions PMT, PMD and AAB.
    public var notes: [InvoiceNote]
    public var policy: ImportPolicy
    /// Check each invoice against the EN 16931 rules before submitting it; an invoice with a fatal finding is
    /// refused with the rule ids.
    public var validate: Bool

    public init(kind: Kind, format: Format) {
        self.kind = kind
        self.format = format
        self.csv = CSVOptions()
        self.xml = XMLOptions()
        self.fields = []
        self.lineFields = []
        self.defaults = []
        self.notes = []
        self.policy = .perInvoice
        self.validate = true
    }
}

/// What happens to a file's good invoices when some of its invoices are refused.
public enum ImportPolicy: String, Sendable, Codable {
    /// Good invoices go on; each refused one is reported with its lines and reasons (the default).
    case perInvoice
    /// Any refusal refuses the whole file: nothing is submitted.
    case allOrNothing
}
