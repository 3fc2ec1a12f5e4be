"""A parser for the XPath 2.0 subset that the official schematrons use in their syntax rules.

It turns a test or a rule context into a small tree and writes that tree as an S-expression,
the form that Sources/EInvoiceRules/Syntax reads at start-up. Constructs the Swift evaluator does
not implement raise `Unsupported`, so the generator can list the rules it leaves out.

Tree nodes are tuples:
    ("str", text) ("num", text) ("seq", [expr...])
    ("path", start, [step...])       start: "ctx" | "root" | expr
    ("call", name, [expr...])
    ("op", operator, lhs, rhs)       or and = != < <= > >= eq ne lt le gt ge + - * div mod |
    ("neg", expr)
    ("filter", expr, [predicate...])  a parenthesised sequence filtered by predicates: (a/b)[1]
A step is (axis, test, [predicate...]) with axis in child desc attr parent self ancestor preceding
and test a QName, "*" or "text()"/"node()". "desc" stands for `//name` (descendant-or-self::node()/child::name).
"""
from __future__ import annotations

import re


class Unsupported(Exception):
    """The expression uses something the evaluator does not implement."""


TOKEN = re.compile(
    r"""\s*(?:
      (?P<str>'(?:[^']|'')*'|"(?:[^"]|"")*")
    | (?P<num>\d+(?:\.\d*)?|\.\d+)
    | (?P<axis>[A-Za-z][\w.-]*::)
    | (?P<var>\$[A-Za-z_][\w.-]*)
    | (?P<name>(?:[A-Za-z_][\w.-]*:)?(?:[A-Za-z_][\w.-]*|\*))
    | (?P<sym>//|/|\.\.|\.|!=|<=|>=|=|<|>|\(|\)|\[|\]|@|,|\||\+|-|\*)
    )""",
    re.X,
)

OPERATOR_WORDS = {"and", "or", "div", "mod", "eq", "ne", "lt", "le", "gt", "ge", "idiv"}
UNSUPPORTED_WORDS = {"for", "some", "every", "if", "cast", "castable", "instance", "treat", "return",
                     "satisfies", "in", "to", "intersect", "except"}
KIND_TESTS = {"text", "node", "comment", "element", "attribute", "processing-instruction"}


def tokenize(text: str) -> list[tuple[str, str]]:
    tokens: list[tuple[str, str]] = []
    position = 0
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise Unsupported(f"cannot read {text[position:position + 20]!r}")
        position = match.end()
        kind = match.lastgroup
        value = match.group(kind)
        # `*` and operator words are operators when they follow an operand.
        if tokens and _ends_operand(tokens[-1]):
            if kind == "name" and value in OPERATOR_WORDS:
                kind = "op"
            elif value == "*":
                kind = "op"
            elif kind == "name" and value in UNSUPPORTED_WORDS:
                raise Unsupported(f"'{value}' expression")
        elif kind == "name" and value in ("for", "some", "every") and text[match.end():].lstrip().startswith("$"):
            raise Unsupported(f"'{value}' expression")
        elif kind == "name" and value == "if" and text[match.end():].lstrip().startswith("("):
            raise Unsupported("'if' expression")
        tokens.append((kind, value))
    return tokens


def _ends_operand(token: tuple[str, str]) -> bool:
    kind, value = token
    if kind in ("str", "num", "var"):
        return True
    if kind == "name":
        return True
    return kind == "sym" and value in (")", "]", ".", "..", "*")


class Parser:
    def __init__(self, text: str):
        self.text = text
        self.tokens = tokenize(text)
        self.index = 0

    # -- token helpers
    def peek(self, offset: int = 0) -> tuple[str, str] | None:
        i = self.index + offset
        return self.tokens[i] if i < len(self.tokens) else None

    def take(self) -> tuple[str, str]:
        token = self.peek()
        if token is None:
            raise Unsupported("unexpected end")
        self.index += 1
        return token

    def at(self, kind: str, value: str | None = None) -> bool:
        token = self.peek()
        return token is not None and token[0] == kind and (value is None or token[1] == value)

    def expect(self, kind: str, value: str) -> None:
        token = self.take()
        if token != (kind, value):
            raise Unsupported(f"expected {value!r}, found {token[1]!r}")

    # -- grammar
    def parse(self):
        expr = self.expr()
        if self.peek() is not None:
            raise Unsupported(f"trailing {self.peek()[1]!r}")
        return expr

    def expr(self):
        items = [self.or_expr()]
        while self.at("sym", ","):
            self.take()
            items.append(self.or_expr())
        return items[0] if len(items) == 1 else ("seq", items)

    def or_expr(self):
        lhs = self.and_expr()
        while self.at("op", "or"):
            self.take()
            lhs = ("op", "or", lhs, self.and_expr())
        return lhs

    def and_expr(self):
        lhs = self.comparison()
        while self.at("op", "and"):
            self.take()
            lhs = ("op", "and", lhs, self.comparison())
        return lhs

    def comparison(self):
        lhs = self.additive()
        token = self.peek()
        if token and token[1] in ("=", "!=", "<", "<=", ">", ">=", "eq", "ne", "lt", "le", "gt", "ge") \
                and token[0] in ("sym", "op"):
            self.take()
            return ("op", token[1], lhs, self.additive())
        return lhs

    def additive(self):
        lhs = self.multiplicative()
        while self.at("sym", "+") or self.at("sym", "-"):
            operator = self.take()[1]
            lhs = ("op", operator, lhs, self.multiplicative())
        return lhs

    def multiplicative(self):
        lhs = self.unary()
        while self.at("op", "*") or self.at("op", "div") or self.at("op", "mod") or self.at("op", "idiv"):
            operator = self.take()[1]
            if operator == "idiv":
                raise Unsupported("idiv")
            lhs = ("op", operator, lhs, self.unary())
        return lhs

    def unary(self):
        if self.at("sym", "-"):
            self.take()
            return ("neg", self.unary())
        if self.at("sym", "+"):
            self.take()
            return self.unary()
        return self.union()

    def union(self):
        lhs = self.path()
        while self.at("sym", "|"):
            self.take()
            lhs = ("op", "|", lhs, self.path())
        return lhs

    def path(self):
        if self.at("sym", "/"):
            self.take()
            token = self.peek()
            if token is None or not self._starts_step(token):
                return ("path", "root", [])
            return ("path", "root", self.relative_steps())
        if self.at("sym", "//"):
            self.take()
            steps = self.relative_steps()
            if steps[0][0] == "attr":
                steps.insert(0, ("dos", "node()", []))
            elif steps[0][0] == "child":
                steps[0] = ("desc",) + steps[0][1:]
            else:
                raise Unsupported("// before a non-child step")
            return ("path", "root", steps)
        # a filter expression (literal, call, parenthesis, variable) possibly followed by steps
        token = self.peek()
        if token is None:
            raise Unsupported("unexpected end")
        if self._starts_primary(token):
            primary = self.primary()
            predicates = self.predicates()
            if predicates:
                primary = ("filter", primary, predicates)
            if not self.at("sym", "/") and not self.at("sym", "//"):
                return primary
            return ("path", primary, self.more_steps([]))
        return ("path", "ctx", self.relative_steps())

    def _starts_primary(self, token) -> bool:
        kind, value = token
        if kind in ("str", "num", "var"):
            if kind == "var":
                raise Unsupported("variable reference")
            return True
        if kind == "sym" and value == "(":
            return True
        if kind == "name" and value not in KIND_TESTS:
            nxt = self.peek(1)
            return nxt is not None and nxt == ("sym", "(")
        return False

    def _starts_step(self, token) -> bool:
        kind, value = token
        return kind in ("name", "axis") or (kind == "sym" and value in ("@", ".", "..", "*"))

    def relative_steps(self):
        return self.more_steps([self.step()])

    def more_steps(self, steps):
        while self.at("sym", "/") or self.at("sym", "//"):
            separator = self.take()[1]
            token = self.peek()
            if token and token[0] == "name" and self.peek(1) == ("sym", "(") and token[1] not in KIND_TESTS:
                # XPath 2.0 lets the last step be a function applied to each node: a/upper-case(b)
                if separator != "/":
                    raise Unsupported("// before a function step")
                steps.append(("map", self.primary(), []))
                if self.at("sym", "/") or self.at("sym", "//") or self.at("sym", "["):
                    raise Unsupported("steps after a function step")
                return steps
            step = self.step()
            if separator == "//":
                if step[0] == "attr":
                    steps.append(("dos", "node()", []))
                elif step[0] != "child":
                    raise Unsupported("// before a non-child step")
                else:
                    step = ("desc",) + step[1:]
            steps.append(step)
        return steps

    def step(self):
        token = self.take()
        kind, value = token
        if kind == "sym" and value == "..":
            return ("parent", "node()", self.predicates())
        if kind == "sym" and value == ".":
            return ("self", "node()", self.predicates())
        if kind == "sym" and value == "@":
            name = self.take()
            if name[0] != "name":
                raise Unsupported("attribute name expected")
            return ("attr", name[1], [])
        if kind == "axis":
            axis = value[:-2]
            mapping = {"child": "child", "ancestor": "ancestor", "preceding": "preceding", "self": "self",
                       "parent": "parent", "attribute": "attr", "descendant": "descendant"}
            if axis not in mapping:
                raise Unsupported(f"axis {axis}")
            return (mapping[axis], self.name_test(), self.predicates())
        if kind == "sym" and value == "*":
            return ("child", "*", self.predicates())
        if kind == "name":
            self.index -= 1
            return ("child", self.name_test(), self.predicates())
        raise Unsupported(f"step {value!r}")

    def name_test(self) -> str:
        kind, value = self.take()
        if kind == "sym" and value == "*":
            return "*"
        if kind != "name":
            raise Unsupported(f"name test {value!r}")
        if value in KIND_TESTS and self.at("sym", "("):
            self.take()
            self.expect("sym", ")")
            if value not in ("text", "node"):
                raise Unsupported(f"kind test {value}()")
            return value + "()"
        return value

    def predicates(self):
        predicates = []
        while self.at("sym", "["):
            self.take()
            predicates.append(self.expr())
            self.expect("sym", "]")
        return predicates

    def primary(self):
        kind, value = self.take()
        if kind == "str":
            quote = value[0]
            return ("str", value[1:-1].replace(quote * 2, quote))
        if kind == "num":
            return ("num", value)
        if kind == "sym" and value == "(":
            if self.at("sym", ")"):
                self.take()
                return ("seq", [])
            inner = self.expr()
            self.expect("sym", ")")
            return inner
        if kind == "name":
            self.expect("sym", "(")
            args = []
            if not self.at("sym", ")"):
                args.append(self.or_expr())
                while self.at("sym", ","):
                    self.take()
                    args.append(self.or_expr())
            self.expect("sym", ")")
            return ("call", value, args)
        raise Unsupported(f"primary {value!r}")


def parse(text: str):
    return distribute(Parser(text).parse())


def distribute(node):
    """`(a|b)/c` becomes `a/c | b/c` when a and b are plain paths from the context, so that each
    branch is a simple path the evaluator can answer from its index."""
    if isinstance(node, list):
        return [distribute(item) for item in node]
    if not isinstance(node, tuple):
        return node
    node = tuple(distribute(part) for part in node)
    if node[0] == "path" and isinstance(node[1], tuple) and node[1][0] == "op" and node[1][1] == "|":
        branches = []

        def collect(item):
            if item[0] == "op" and item[1] == "|":
                collect(item[2])
                collect(item[3])
            else:
                branches.append(item)

        collect(node[1])
        if all(branch[0] == "path" and branch[1] == "ctx" for branch in branches):
            result = None
            for branch in branches:
                joined = ("path", "ctx", list(branch[2]) + list(node[2]))
                result = joined if result is None else ("op", "|", result, joined)
            return result
    return node


# -- writing S-expressions ------------------------------------------------------------------------

def quote(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'


def sexpr(node) -> str:
    kind = node[0]
    if kind == "str":
        return quote(node[1])
    if kind == "num":
        return "#" + node[1]
    if kind == "seq":
        return "(seq" + "".join(" " + sexpr(item) for item in node[1]) + ")"
    if kind == "call":
        return "(call " + node[1] + "".join(" " + sexpr(arg) for arg in node[2]) + ")"
    if kind == "op":
        return f"({node[1]} {sexpr(node[2])} {sexpr(node[3])})"
    if kind == "neg":
        return f"(neg {sexpr(node[1])})"
    if kind == "filter":
        return "(filter " + sexpr(node[1]) + "".join(" " + sexpr(p) for p in node[2]) + ")"
    if kind == "path":
        start = node[1]
        head = "." if start == "ctx" else "/" if start == "root" else sexpr(start)
        steps = [step for step in node[2] if step != ("self", "node()", [])]
        return "(path " + head + "".join(" " + step_sexpr(step) for step in steps) + ")"
    raise ValueError(kind)


def step_sexpr(step) -> str:
    axis, test, predicates = step
    if axis == "map":
        return "(map " + sexpr(test) + ")"
    test = {"node()": ":node", "text()": ":text"}.get(test, test)
    return "(" + axis + " " + test + "".join(" " + sexpr(p) for p in predicates) + ")"
