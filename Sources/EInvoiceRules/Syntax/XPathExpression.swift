import EInvoice

/// A compiled XPath expression of an official syntax rule. Element names are resolved to the ids of
/// the table's `SyntaxNames`, so matching an element is an integer comparison.
indirect enum XPathExpression: Sendable {
    case string(String)
    case number(ExactDecimal)
    /// A sequence of values, e.g. `('0088', '0060')`.
    case sequence([XPathExpression])
    case path(LocationPath)
    /// `a | b`: the nodes of either.
    case union([XPathExpression])
    /// `(expression)[predicate]`: predicates over the whole sequence.
    case filter(XPathExpression, [Predicate])
    case function(XPathFunction, [XPathExpression])
    case comparison(Comparison, XPathExpression, XPathExpression)
    case and(XPathExpression, XPathExpression)
    case or(XPathExpression, XPathExpression)
    case arithmetic(Arithmetic, XPathExpression, XPathExpression)
    case negate(XPathExpression)
}

enum Comparison: Sendable {
    case equal, notEqual, less, lessOrEqual, greater, greaterOrEqual
}

enum Arithmetic: Sendable {
    case plus, minus, times, divide, modulo
}

enum XPathFunction: String, Sendable {
    case not, count, exists, empty, boolean, `true`, `false`, string
    case stringLength = "string-length"
    case normalizeSpace = "normalize-space"
    case upperCase = "upper-case"
    case lowerCase = "lower-case"
    case substringAfter = "substring-after"
    case substringBefore = "substring-before"
    case substring, contains, concat, name, sum, round, abs, number
    case startsWith = "starts-with"
    case endsWith = "ends-with"
    case localName = "local-name"
    case decimal = "xs:decimal"
}

/// A predicate: a position (`[1]`) or a condition.
enum Predicate: Sendable {
    case position(Int)
    case condition(XPathExpression)
}

/// `start/step/step...`.
struct LocationPath: Sendable {
    enum Start: Sendable {
        case context
        /// `/...`: the document node.
        case document
        /// `(expression)/...` or `f(...)/...`.
        case expression(XPathExpression)
    }

    var start: Start
    var steps: [Step]
    /// For a path of plain child steps (no predicates) from the context: the id of the path in the
    /// table's `PathTrie`, so that it is answered from the per-document index when evaluated on the root.
    var triePath: Int32 = -1
    /// Whether the last step applies a function to each node (`a/upper-case(b)`), giving atomic values.
    var mapsToValues: Bool { steps.last?.map != nil }
}

struct Step: Sendable {
    enum Axis: Sendable {
        case child
        /// `//name`: descendant-or-self::node()/child::name, i.e. every descendant.
        case descendant
        /// `descendant-or-self::node()`, before `//@name`.
        case descendantOrSelf
        case attribute, parent, this, ancestor, preceding
    }

    enum Test: Sendable {
        /// An element with this name id (-2 when the table has no such name: matches nothing).
        case element(Int32)
        case anyElement
        /// `node()`: any node on the axis.
        case anyNode
        /// An attribute in no namespace, by local name and attribute-name id.
        case attribute(String, Int32)
        case anyAttribute
        case text
    }

    var axis: Axis
    var test: Test
    var predicates: [Predicate]
    /// The function of a function step (`cac:TaxScheme/upper-case(cbc:ID)`), applied to each node.
    var map: XPathExpression?
}
