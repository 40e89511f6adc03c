"""Rules as data: the rule model, loading a rule file, and the checks that make loading one safe.

A rule file is TOML read with `tomllib`: loading it never runs code. Every pattern is compiled and checked for
catastrophic backtracking here, so that a bad rule is refused with its plugin and id named, before any document
is matched against it.
"""

from __future__ import annotations

import functools
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from ..text import FOLD, fold_for_match
from .keys import FIXTURE_KEYS, PLUGIN_KEYS, RULE_KEYS, unknown_keys
from .regex import check_backtracking, regex_prefix

KINDS = ("line", "block", "tail", "keep", "html")
WHERES = ("any", "top", "bottom", "edge")
GLUED = ("none", "end", "start", "both")
SITE_PRIORITY = 200
GENERIC_PRIORITY = 100
SLOT_MAX = 80
REGEX_MAX_LEN = 400  # longest line a regex rule is tried on: promo lines are short, prose lines long
NAME_RE = re.compile(r"^[a-z0-9][a-z0-9_.-]*$")
FLAG_RE = re.compile(r"^[a-z][a-z0-9_]{0,39}$")


class RuleError(ValueError):
    """A rule file or rule that cannot be loaded; the message names the plugin, the rule and the reason."""


@dataclass(frozen=True, slots=True)
class Rule:
    id: str
    plugin: str
    kind: str
    description: str = ""
    pattern: str = ""  # the compiled-from regex source (full line), "" for html rules
    end_pattern: str = ""  # block rules: the end marker
    literal_prefix: str = ""  # lowercased literal text the folded line must start with ("" if unknown)
    literal_suffix: str = ""  # lowercased literal text the pattern ends with ("" if unknown)
    where: str = "any"
    blurb: int = 0
    glued: str = "none"
    priority: int = SITE_PRIORITY
    trusted: bool = False
    # Written by `cleanser learn` on a rule its held-back documents showed to take only the host's template
    # (learn/trust.py): the guard judges its whole-line removals by the template budget (stages/template_budget.py).
    verified: bool = False
    max_lines: int = 12
    max_chars: int = 2000
    max_line: int = 160
    selectors: tuple[str, ...] = ()
    xpath: tuple[str, ...] = ()
    examples: tuple[str, ...] = ()
    counter_examples: tuple[str, ...] = ()
    max_len: int = 0  # longest line the pattern can match (0: no bound)
    flag: str = ""  # a document flag its removal sets ("paywalled"), with the removed text as the reason
    source: str = ""  # where the phrase was seen on the publisher's real pages (documentation, never matched)

    @property
    def qualified(self) -> str:
        return f"{self.plugin}/{self.id}"

    def sort_key(self) -> tuple[int, str, str]:
        return (-self.priority, self.plugin, self.id)


@dataclass(frozen=True, slots=True)
class Fixture:
    name: str
    input: str
    expected: str | None  # None: a negative fixture, the input must come out unchanged
    rules: tuple[str, ...] = ()
    url: str | None = None


@dataclass(slots=True)
class RuleSet:
    """One plugin's rules. `generic` rule sets apply to every document; site ones to their site."""

    name: str
    title: str = ""
    version: str = "0"
    description: str = ""
    domains: tuple[str, ...] = ()
    fingerprints: tuple[str, ...] = ()
    syndicates: bool = False
    generic: bool = False
    rules: tuple[Rule, ...] = ()
    fixtures: tuple[Fixture, ...] = ()
    source: str = ""  # where it was loaded from, for messages
    extra: dict[str, Any] = field(default_factory=dict)  # set by code, never from a rule file (unknown keys fail)
    # Orders the plugins that serve one domain (the highest is the result's `site`); its rules' default priority.
    priority: int = SITE_PRIORITY
    replaces: tuple[str, ...] = ()  # plugins this one stands in for: they are not used while it is loaded


# --- templates and patterns -------------------------------------------------------------------------------

_SLOT_RE = re.compile(r"\{([A-Za-z_][A-Za-z0-9_]*)\}")
_SLOTS = {"year": r"\d{4}", "number": r"\d+"}


def template_regex(template: str) -> str:
    """Regex source for a template: literal text, `{slot}`s, and any run of spaces for a space."""
    out: list[str] = []
    pos = 0
    for m in _SLOT_RE.finditer(template):
        out.append(_literal(template[pos : m.start()]))
        out.append(_SLOTS.get(m.group(1), f".{{1,{SLOT_MAX}}}?"))
        pos = m.end()
    out.append(_literal(template[pos:]))
    return "".join(out)


def _literal(text: str) -> str:
    text = text.translate(FOLD)
    return " +".join(re.escape(part) for part in text.split(" ")).replace(" + +", " +")


def template_prefix(template: str) -> str:
    m = _SLOT_RE.search(template)
    return (template[: m.start()] if m else template).translate(FOLD).lower()


def template_suffix(template: str) -> str:
    slots = list(_SLOT_RE.finditer(template))
    return (template[slots[-1].end() :] if slots else template).translate(FOLD).lower()


def template_max_len(template: str) -> int:
    slots = _SLOT_RE.findall(template)
    return len(_SLOT_RE.sub("", template)) + sum(4 if s == "year" else SLOT_MAX for s in slots) + 8


# --- loading ----------------------------------------------------------------------------------------------


def load_ruleset_file(path: str | Path, *, generic: bool = False) -> RuleSet:
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise RuleError(f"{path}: cannot read: {exc}") from exc
    return ruleset_from_bytes(data, str(path), generic=generic)


def ruleset_from_bytes(data: bytes, source: str, *, generic: bool = False) -> RuleSet:
    """A rule file's bytes, read as text the way `open()` reads it (UTF-8, universal newlines), then loaded."""
    try:
        text = data.decode("utf-8").replace("\r\n", "\n").replace("\r", "\n")
        parsed = tomllib.loads(text)
    except UnicodeDecodeError as exc:
        raise RuleError(f"{source}: cannot read: {exc}") from exc
    except tomllib.TOMLDecodeError as exc:
        raise RuleError(f"{source}: invalid TOML: {exc}") from exc
    return ruleset_from_dict(parsed, source=source, generic=generic)


def ruleset_from_dict(data: dict[str, Any], *, source: str = "<data>", generic: bool = False) -> RuleSet:
    name = data.get("name")
    if not isinstance(name, str) or not NAME_RE.match(name):
        raise RuleError(f"{source}: 'name' must be a lowercase plugin name, got {name!r}")
    problem = unknown_keys(data, PLUGIN_KEYS)
    if problem:
        raise RuleError(f"{source}: plugin {name!r}: {problem}")
    generic = bool(data.get("generic", generic))
    default_priority = GENERIC_PRIORITY if generic else SITE_PRIORITY
    priority = data.get("priority")
    if priority is not None:
        if not isinstance(priority, int) or isinstance(priority, bool):
            raise RuleError(f"{source}: plugin {name!r}: 'priority' must be a whole number, got {priority!r}")
        default_priority = priority  # the plugin's priority is its rules' default, and orders plugins of a domain
    rules: list[Rule] = []
    seen: set[str] = set()
    for i, raw in enumerate(data.get("rule", [])):
        rid = raw.get("id") if isinstance(raw, dict) else None
        where = f"{source}: plugin {name!r}, rule {rid or '#' + str(i + 1)!r}"
        if not isinstance(raw, dict) or not isinstance(rid, str) or not NAME_RE.match(rid):
            raise RuleError(f"{where}: each rule needs a lowercase 'id'")
        if rid in seen:
            raise RuleError(f"{where}: duplicate rule id")
        seen.add(rid)
        rules.append(_rule_from_dict(raw, name, default_priority, where))
    fixtures = tuple(_fixture_from_dict(f, name, source, seen) for f in data.get("fixture", []))
    return RuleSet(
        name=name,
        title=str(data.get("title", name)),
        version=str(data.get("version", "0")),
        description=str(data.get("description", "")),
        domains=tuple(d.lower().lstrip(".") for d in _strings(data, "domains", source)),
        fingerprints=tuple(f.translate(FOLD).lower() for f in _strings(data, "fingerprints", source)),
        syndicates=bool(data.get("syndicates", False)),
        generic=generic,
        rules=tuple(rules),
        fixtures=fixtures,
        source=source,
        priority=default_priority,
        replaces=tuple(_strings(data, "replaces", source)),
        extra={"learned": data["learned"]} if "learned" in data else {},
    )


def _strings(data: dict[str, Any], key: str, where: str) -> list[str]:
    value = data.get(key, [])
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not all(isinstance(v, str) for v in value):
        raise RuleError(f"{where}: {key!r} must be a list of strings")
    return value


def _rule_from_dict(raw: dict[str, Any], plugin: str, default_priority: int, where: str) -> Rule:
    problem = unknown_keys(raw, RULE_KEYS)
    if problem:
        raise RuleError(f"{where}: {problem}")
    kind = raw.get("kind", "line")
    if kind not in KINDS:
        raise RuleError(f"{where}: unknown kind {kind!r} (one of {', '.join(KINDS)})")
    pos = raw.get("where", "any")
    glued = raw.get("glued", "none")
    if glued is True:
        glued = "end"
    if pos not in WHERES:
        raise RuleError(f"{where}: 'where' must be one of {', '.join(WHERES)}")
    if glued not in GLUED and glued is not False:
        raise RuleError(f"{where}: 'glued' must be one of {', '.join(GLUED)}")
    common: dict[str, Any] = dict(
        id=raw["id"],
        plugin=plugin,
        kind=kind,
        description=str(raw.get("description", "")),
        where=pos,
        blurb=int(raw.get("blurb", 0)),
        glued=glued or "none",
        priority=int(raw.get("priority", default_priority)),
        trusted=bool(raw.get("trusted", False)),
        verified=bool(raw.get("verified", False)),
        max_lines=int(raw.get("max_lines", 15 if kind == "tail" else 12)),
        max_chars=int(raw.get("max_chars", 2000)),
        max_line=int(raw.get("max_line", 160)),
        examples=tuple(_strings(raw, "examples", where)),
        counter_examples=tuple(_strings(raw, "counter_examples", where)),
        flag=_flag(raw.get("flag", ""), kind, where),
        source=str(raw.get("source", "")),
    )
    if kind == "html":
        selectors = tuple(_strings(raw, "selectors", where))
        xpaths = tuple(_strings(raw, "xpath", where))
        if not selectors and not xpaths:
            raise RuleError(f"{where}: an html rule needs 'selectors' or 'xpath'")
        _check_selectors(selectors, xpaths, where)
        return Rule(selectors=selectors, xpath=xpaths, **common)
    if kind == "block":
        start, end = raw.get("start"), raw.get("end")
        if not isinstance(start, str) or not isinstance(end, str) or not start.strip() or not end.strip():
            raise RuleError(f"{where}: a block rule needs 'start' and 'end' templates")
        return Rule(
            pattern=template_regex(fold_for_match(start.strip())),
            end_pattern=template_regex(fold_for_match(end.strip())) + "[.!:;,]?",
            literal_prefix=template_prefix(start.strip()),
            literal_suffix=template_prefix(end.strip()),
            **common,
        )
    template, regex = raw.get("match"), raw.get("regex")
    if (template is None) == (regex is None):
        raise RuleError(f"{where}: give exactly one of 'match' (a template) or 'regex'")
    if template is not None:
        if not isinstance(template, str) or not template.strip():
            raise RuleError(f"{where}: 'match' must be a non-empty string")
        template = fold_for_match(template)
        source_re = template_regex(template)
        prefix, suffix, max_len = template_prefix(template), template_suffix(template), template_max_len(template)
    else:
        if not isinstance(regex, str) or not regex:
            raise RuleError(f"{where}: 'regex' must be a non-empty string")
        if "(?P=" in regex:
            raise RuleError(f"{where}: back-references are not allowed in rule patterns")
        source_re = re.sub(r"\(\?P<[A-Za-z_][A-Za-z0-9_]*>", "(?:", regex)  # the matcher names the groups
        prefix, suffix, max_len = regex_prefix(source_re), "", 0
        # A regex is tried on lines of up to REGEX_MAX_LEN characters, or a quarter longer than its longest example:
        # its examples say how long its promo runs (before, a longer example passed here and never fired on a page).
        longest = max((len(e) for e in _strings(raw, "examples", where)), default=0)
        if longest > REGEX_MAX_LEN:
            max_len = longest + longest // 4
    if glued in ("end", "both") and not prefix.strip():
        raise RuleError(f"{where}: a rule glued at the end must start with literal text")
    if glued in ("start", "both") and not suffix.strip():
        raise RuleError(f"{where}: a rule glued at the start must end with literal text")
    problem = check_backtracking(source_re)
    if problem:
        raise RuleError(f"{where}: {problem}: {source_re!r}")
    compiled = _compiled(source_re)
    problem = _combined_problem(source_re)
    if problem:
        raise RuleError(f"{where}: cannot be combined with other rules ({problem}); a flag such as (?s) must be "
                        f"scoped to a group, (?s:...): {source_re!r}")
    rule = Rule(pattern=source_re, literal_prefix=prefix, literal_suffix=suffix, max_len=max_len, **common)
    if kind in ("line", "keep", "tail"):
        for example in rule.examples:
            if not compiled.fullmatch(fold_for_match(example)):
                raise RuleError(f"{where}: its own example does not match: {example!r}")

        for counter in rule.counter_examples:
            if compiled.fullmatch(fold_for_match(counter)):
                raise RuleError(f"{where}: it matches its own counter-example: {counter!r}")
    return rule


# Kept for recent patterns, as check_backtracking is: `learn` loads each learned rule as a candidate, again in every
# learned plugin it builds, and `clean --learn` loads the plugins once more; `re`'s own cache (512 patterns) forgot
# them between those loads, so each load compiled every learned rule twice again.
@functools.lru_cache(maxsize=4096)
def _compiled(source_re: str) -> re.Pattern[str]:
    return re.compile(source_re, re.IGNORECASE)


@functools.lru_cache(maxsize=4096)
def _combined_problem(source_re: str) -> str | None:
    """Why the matcher cannot combine the rule's expression into one with others (as a group), or None."""
    try:
        re.compile(f"x|(?:{source_re})")
    except re.error as exc:
        return str(exc)
    return None


def _flag(value: Any, kind: str, where: str) -> str:
    if value in ("", None):
        return ""
    if not isinstance(value, str) or not FLAG_RE.match(value):
        raise RuleError(f"{where}: 'flag' must be a lowercase flag name such as \"paywalled\", got {value!r}")
    if kind == "keep":
        raise RuleError(f"{where}: a keep rule removes nothing, so it cannot set a flag")
    return value


def _check_selectors(selectors: tuple[str, ...], xpaths: tuple[str, ...], where: str) -> None:
    from lxml import etree
    from lxml.cssselect import CSSSelector, SelectorError

    for sel in selectors:
        try:
            CSSSelector(sel)
        except (SelectorError, SyntaxError, ValueError) as exc:
            raise RuleError(f"{where}: invalid CSS selector {sel!r}: {exc}") from exc
    for xp in xpaths:
        try:
            etree.XPath(xp)
        except etree.XPathSyntaxError as exc:
            raise RuleError(f"{where}: invalid XPath {xp!r}: {exc}") from exc


def _fixture_from_dict(raw: Any, plugin: str, source: str, rule_ids: set[str]) -> Fixture:
    if not isinstance(raw, dict) or not isinstance(raw.get("input"), str):
        raise RuleError(f"{source}: plugin {plugin!r}: each fixture needs an 'input' string")
    name = str(raw.get("name", "fixture"))
    problem = unknown_keys(raw, FIXTURE_KEYS)
    if problem:
        raise RuleError(f"{source}: plugin {plugin!r}, fixture {name!r}: {problem}")
    rules = tuple(_strings(raw, "rules", f"{source}: fixture {name!r}"))
    unknown = [r for r in rules if r not in rule_ids]
    if unknown:
        raise RuleError(f"{source}: plugin {plugin!r}, fixture {name!r}: unknown rules {unknown}")
    expected = raw.get("expected")
    return Fixture(name=name, input=raw["input"], expected=expected, rules=rules, url=raw.get("url"))
