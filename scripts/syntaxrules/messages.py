"""English and French messages for the syntax rules.

Regular rules (an element that should not be there, a cardinality, a required attribute) get a message
built from the test, in both languages. The others keep the official English text and take their
French from `translations.py`.
"""
from __future__ import annotations

import re

from translations import FRENCH, OVERRIDES
from xpath import Unsupported, parse

DOCUMENT = {
    "ubl": ("an EN 16931 invoice", "une facture EN 16931"),
    "ciiEN16931": ("a Factur-X EN 16931 invoice", "une facture Factur-X EN 16931"),
    "ciiMinimum": ("a Factur-X MINIMUM invoice", "une facture Factur-X MINIMUM"),
    "ciiBasicWL": ("a Factur-X BASIC WL invoice", "une facture Factur-X BASIC WL"),
    "ciiBasic": ("a Factur-X BASIC invoice", "une facture Factur-X BASIC"),
    "ciiExtended": ("a Factur-X EXTENDED invoice", "une facture Factur-X EXTENDED"),
}


class BusinessRule(Exception):
    """The assertion restates an EN 16931 business rule (its message quotes a BR- id)."""


def xpath_text(node) -> str:
    kind = node[0]
    if kind == "str":
        return "'" + node[1] + "'"
    if kind == "num":
        return node[1]
    if kind == "seq":
        return "(" + ", ".join(xpath_text(item) for item in node[1]) + ")"
    if kind == "call":
        return node[1] + "(" + ", ".join(xpath_text(arg) for arg in node[2]) + ")"
    if kind == "op":
        separator = "|" if node[1] == "|" else f" {node[1]} "
        return xpath_text(node[2]) + separator + xpath_text(node[3])
    if kind == "neg":
        return "-" + xpath_text(node[1])
    if kind == "filter":
        return "(" + xpath_text(node[1]) + ")" + "".join("[" + xpath_text(p) + "]" for p in node[2])
    if kind == "path":
        start = node[1]
        steps = [step_text(step) for step in node[2] if step != ("self", "node()", [])]
        if start == "ctx":
            return "/".join(steps) or "."
        if start == "root":
            text = ""
            for step, raw in zip(steps, [s for s in node[2] if s != ("self", "node()", [])]):
                text += ("//" + step[len("descendant::"):] if raw[0] == "desc" else "/" + step)
            return text.replace("/descendant-or-self::node()/", "//")
        head = xpath_text(start)
        if start[0] == "op":
            head = "(" + head + ")"
        return head + "".join("/" + step for step in steps)
    raise ValueError(kind)


def step_text(step) -> str:
    axis, test, predicates = step
    if axis == "map":
        return xpath_text(test)
    names = {"child": "", "desc": "descendant::", "attr": "@", "parent": "", "self": "", "ancestor": "ancestor::",
             "preceding": "preceding::", "dos": "descendant-or-self::", "descendant": "descendant::"}
    if axis == "parent":
        text = ".."
    elif axis == "self":
        text = "."
    else:
        text = names[axis] + test
    return text + "".join("[" + xpath_text(p) + "]" for p in predicates)


def context_text(context: str, conjunction: str = "or") -> str:
    """The elements a rule context names, e.g. `cac:InvoiceLine or cac:CreditNoteLine`."""
    tree = parse(context)
    alternatives = []

    def collect(node):
        if node[0] == "op" and node[1] == "|":
            collect(node[2])
            collect(node[3])
        else:
            alternatives.append(node)

    collect(tree)
    if all(alt[1] == "root" and len(alt[2]) == 1 and alt[2][0][0] == "child" for alt in alternatives):
        return ""
    names = []
    for alt in alternatives:
        last = alt[2][-1]
        suffix = name_suffix(last[2][0]) if last[1] == "*" and last[2] else None
        if suffix:
            text = f"*{suffix}"
        else:
            text = last[1] + "".join("[" + xpath_text(p) + "]" for p in last[2])
        if text not in names:
            names.append(text)
    return f" {conjunction} ".join(names)


def name_suffix(predicate):
    """'Amount' for a predicate that starts with ends-with(name(), 'Amount')."""
    node = predicate
    while node[0] == "op" and node[1] == "and":
        node = node[2]
    if node[0] == "call" and node[1] == "ends-with" and node[2][0] == ("call", "name", []) and node[2][1][0] == "str":
        return node[2][1][1]
    return None


def is_node_path(node) -> bool:
    if node[0] == "op" and node[1] == "|":
        return is_node_path(node[2]) and is_node_path(node[3])
    return node[0] == "path" and not any(step[0] == "map" for step in node[2])


def last_is_attribute(node) -> bool:
    if node[0] == "op" and node[1] == "|":
        return last_is_attribute(node[2])
    return bool(node[2]) and node[2][-1][0] == "attr"


def message_for(table: str, assertion, test) -> tuple[str, str, str]:
    """(kind, English, French) for an assertion whose test parsed to `test`."""
    document_en, document_fr = DOCUMENT[table]
    where = context_text(assertion.context)
    where_fr = context_text(assertion.context, "ou")
    in_en = f" in {where}" if where else f" in {document_en}"
    in_fr = f" dans {where_fr}" if where_fr else f" dans {document_fr}"
    fatal = assertion.flag == "fatal"
    quoted = re.match(r"^\s*\[([^\]]+)\]", assertion.message)
    quoted_id = quoted.group(1).strip() if quoted else assertion.rule_id
    if quoted_id in OVERRIDES:
        return ("custom",) + OVERRIDES[quoted_id]
    if not assertion.is_report:
        if test[0] == "call" and test[1] == "not" and len(test[2]) == 1 and is_node_path(test[2][0]):
            subject = xpath_text(test[2][0])
            if subject.startswith("//@"):
                subject = subject[2:]
            if last_is_attribute(test[2][0]):
                return ("forbidden",
                        f"The attribute {subject} {'must' if fatal else 'should'} not be used{in_en}: remove it.",
                        f"L'attribut {subject} {'ne doit pas' if fatal else 'ne devrait pas'} être utilisé{in_fr}"
                        " : supprimez-le.")
            return ("forbidden",
                    f"The element {subject} {'must' if fatal else 'should'} not be present{in_en}: remove it.",
                    f"L'élément {subject} {'ne doit pas' if fatal else 'ne devrait pas'} figurer{in_fr}"
                    " : supprimez-le.")
        count = cardinality(test)
        if count is not None:
            operator, subject, number = count
            if operator == "<=":
                if number == 1:
                    return ("atMost", f"The element {subject} must occur at most once{in_en}: keep only one.",
                            f"L'élément {subject} doit figurer au plus une fois{in_fr} : n'en gardez qu'un.")
                return ("atMost", f"The element {subject} must occur at most {number} times{in_en}.",
                        f"L'élément {subject} doit figurer au plus {number} fois{in_fr}.")
            if operator == "=" and number == 1:
                return ("exactlyOnce", f"The element {subject} must occur exactly once{in_en}.",
                        f"L'élément {subject} doit figurer exactement une fois{in_fr}.")
            if operator == ">=" and number == 1:
                return ("required", f"The element {subject} must be present{in_en}: add it.",
                        f"L'élément {subject} doit figurer{in_fr} : ajoutez-le.")
        if is_node_path(test) and test[1] == "ctx" and test[2] and test[2][-1][0] != "attr" \
                and all(step[0] == "child" and not step[2] for step in test[2]):
            subject = xpath_text(test)
            return ("required", f"The element {subject} must be present{in_en}: add it.",
                    f"L'élément {subject} doit figurer{in_fr} : ajoutez-le.")
        if is_node_path(test) and test[1] == "ctx" and len(test[2]) == 1 and test[2][0][0] == "attr" \
                and not test[2][0][2]:
            attribute = test[2][0][1]
            return ("attributeRequired", f"The attribute @{attribute} is required on {where or 'the root element'}: add it.",
                    f"L'attribut @{attribute} est obligatoire sur {where_fr or 'l’élément racine'} : ajoutez-le.")
    if quoted_id.startswith("BR-"):
        raise BusinessRule(quoted_id)
    official = re.sub(r"^\s*\[[^\]]+\]\s*-?\s*", "", assertion.message).strip()
    french = FRENCH.get((table, assertion.rule_id)) or FRENCH.get(quoted_id)
    if french is None:
        raise Unsupported(f"no French message for {assertion.rule_id} ({official})")
    return ("custom", official, french)


def cardinality(test):
    """(operator, subject, number) for `count(P) op n`."""
    if test[0] == "op" and test[1] in ("<=", "=", ">=") and test[2][0] == "call" and test[2][1] == "count" \
            and len(test[2][2]) == 1 and is_node_path(test[2][2][0]) and test[3][0] == "num" \
            and test[3][1].isdigit():
        return test[1], xpath_text(test[2][2][0]), int(test[3][1])
    return None
