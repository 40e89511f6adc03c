"""The compiled matchers give the same answer as trying every rule one by one, in priority order.

Rules and lines are generated together: each pattern is built from pieces (words, alternations, optional parts,
character classes, digits, wildcards, non-ASCII letters that fold oddly) and each piece also yields text it
matches, so that the lines hit the rules often, in upper and lower case, glued to prose or not.
"""

from __future__ import annotations

import re

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cleanser import RuleError, ruleset_from_dict
from cleanser.rules.matcher import _TAIL_PUNCT, LineMatcher
from cleanser.rules.model import Rule
from cleanser.rules.regex import KEY_LEN, leading_index, leading_keys, line_head, trailing_keys
from cleanser.text import fold, fold_for_match

WORDS = ["sign", "up", "news", "newsletter", "the", "app", "read", "more", "share", "k", "s", "ad", "x9"]
ODD = ["é", "\u212a", "\u017f", "©", "İ", "ß", "’"]  # Kelvin sign and long s match "k" and "s" case-insensitively


def _case(draw, text: str) -> str:
    mode = draw(st.sampled_from(["lower", "upper", "title", "as-is"]))
    return {"lower": text.lower(), "upper": text.upper(), "title": text.title(), "as-is": text}[mode]


@st.composite
def piece(draw, depth: int = 0) -> tuple[str, str]:
    """(regex source, a text it matches)."""
    kinds = ["word", "word", "word", "class", "digits", "wild", "odd"] + (["alt", "opt"] if depth < 2 else [])
    kind = draw(st.sampled_from(kinds))
    if kind == "word":
        word = draw(st.sampled_from(WORDS))
        return re.escape(word), _case(draw, word)
    if kind == "odd":
        char = draw(st.sampled_from(ODD))
        return re.escape(char), char
    if kind == "class":
        chars = draw(st.sampled_from(["abc", "k-n", "$£", "xyz"]))
        sample = draw(st.sampled_from({"abc": "abc", "k-n": "klmn", "$£": "$£", "xyz": "xyz"}[chars]))
        return f"[{chars}]", _case(draw, sample)
    if kind == "digits":
        return r"\d{1,2}", str(draw(st.integers(0, 99)))
    if kind == "wild":
        pattern = draw(st.sampled_from([r".{0,6}", r"[^.]{1,8}", r"\w{1,3}"]))
        sample = draw(st.text(alphabet="ab k.é" if pattern == r".{0,6}" else "abk", min_size=1, max_size=3))
        return pattern, sample
    if kind == "alt":
        options = draw(st.lists(piece(depth + 1), min_size=2, max_size=3))
        chosen = draw(st.sampled_from(options))[1]
        return "(?:" + "|".join(p for p, _ in options) + ")", chosen
    inner = draw(piece(depth + 1))
    return f"(?: {inner[0]})?", draw(st.sampled_from(["", " " + inner[1]]))


@st.composite
def rule_and_text(draw, n: int) -> tuple[dict, str]:
    parts = draw(st.lists(piece(), min_size=1, max_size=4))
    regex = " ".join(p for p, _ in parts)
    text = " ".join(s for _, s in parts)
    rule = {"id": f"r{n}", "regex": regex, "priority": draw(st.integers(1, 3)) * 100}
    rule["glued"] = draw(st.sampled_from(["none", "end", "start", "both"]))
    return rule, text


@st.composite
def rules_and_lines(draw) -> tuple[list[Rule], list[str]]:
    count = draw(st.integers(1, 12))
    pairs = [draw(rule_and_text(i)) for i in range(count)]
    rules = []
    for raw, _ in pairs:
        try:
            rules.extend(ruleset_from_dict({"name": "t", "rule": [raw]}).rules)
        except RuleError:
            continue  # a glued rule without literal text at its end, or an unsafe pattern: not loadable
    prose = "The council met on Tuesday."
    lines = []
    for _, text in pairs:
        lines += [text, _case(draw, text), f"{prose} {text}", f"{prose}{text}.", f"{text} {prose}", f"{text}!  "]
    lines += draw(st.lists(st.text(alphabet="signupnewsk ©é\u212a\u017f\u0130\u0131.!", max_size=30), max_size=5))
    return rules, lines


def one_by_one_line(rules: list[Rule], max_len: int, folded: str):
    if not folded or len(folded) > max_len:
        return None
    for rule in sorted(rules, key=Rule.sort_key):
        m = re.fullmatch(rule.pattern, folded, re.IGNORECASE)
        if m:
            return rule.qualified, m.start(), m.end()
    return None


def one_by_one_start(rules: list[Rule], folded: str):
    for rule in sorted(rules, key=Rule.sort_key):
        if rule.glued in ("start", "both"):
            m = re.match(rule.pattern, folded, re.IGNORECASE)
            if m:
                return rule.qualified, m.start(), m.end()
    return None


def one_by_one_end(rules: list[Rule], max_len: int, folded: str):
    start = max(0, len(folded) - max_len)
    for rule in sorted(rules, key=Rule.sort_key):
        if rule.glued in ("end", "both"):
            m = re.compile(f"(?:{rule.pattern}){_TAIL_PUNCT}$", re.IGNORECASE).search(folded, start)
            if m:
                return rule.qualified, m.start(), m.end()
    return None


def _key(hit):
    return None if hit is None else (hit.rule.qualified, hit.start, hit.end)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(rules_and_lines())
def test_matcher_agrees_with_trying_every_rule_in_turn(case):
    rules, lines = case
    matcher = LineMatcher(rules)
    hits = 0
    for line in lines:
        folded = fold_for_match(line)
        expected = one_by_one_line(rules, matcher.max_len, folded)
        assert _key(matcher.match_line(folded)) == expected, (line, [r.pattern for r in rules])
        assert _key(matcher.match_text(line)) == expected, line
        glued = fold(line)
        assert _key(matcher.match_glued_start(glued)) == one_by_one_start(rules, glued), line
        assert _key(matcher.match_glued_end(glued)) == one_by_one_end(rules, matcher.max_len, glued), line
        hits += expected is not None
    # Twice, to go through the groups, heads, line endings and expressions compiled and kept the first time.
    for line in lines:
        folded = fold_for_match(line)
        assert _key(matcher.match_line(folded)) == one_by_one_line(rules, matcher.max_len, folded)
        glued = fold(line)
        assert _key(matcher.match_glued_end(glued)) == one_by_one_end(rules, matcher.max_len, glued), line


def test_keys_of_simple_patterns():
    assert leading_keys("sign up") == {"sign"}
    assert trailing_keys("sign up") == {"n up"}
    assert leading_keys("(?:advert|ad)") == {"adve", "ad"}  # "ad" is a whole match, shorter than a key
    assert leading_keys(r"\d min") == {f"{d} mi" for d in range(10)}
    assert leading_keys(".{0,3}abc") is None  # the first character can be anything: tried on every line
    # Too many starts at KEY_LEN characters (26 ** 3 here): keyed by fewer characters, here one.
    size, keys = leading_index("[a-z]{3} x")
    assert size == 1 and len(keys) == 26 and KEY_LEN > 1


def test_keys_follow_the_regex_engine_on_case_folding():
    # The Kelvin sign and the long s match ASCII letters case-insensitively: their keys are those letters.
    assert leading_keys("\u212a\u212ay") == {"kky"}
    assert leading_keys("\u017fign") == {"sign"}
    # A line whose key is not plain ASCII is tried against every rule instead of being looked up.
    assert line_head("\u212aelvin") is None
    assert line_head("Sign up now") == "sign"


def test_a_long_line_is_not_folded_but_gives_the_same_answer():
    rule = ruleset_from_dict({"name": "t", "rule": [{"id": "r", "regex": r"share this.{0,600}"}]}).rules[0]
    matcher = LineMatcher([rule])
    long_line = "Share this " + "word " * 120
    assert matcher.match_text(long_line) is None  # longer than any rule is tried on
    padded = "  " + "\u00a0" * 400 + "Share this"  # trimming makes it short: it must be folded and matched
    assert matcher.match_text(padded) is not None


def test_a_rule_left_out_by_its_needed_text_still_matches_letters_that_fold_to_it():
    """A line is given only to the rules whose literal text it holds; a long s, a dotted or dotless i and the
    Kelvin sign match "s", "i" and "k" case-insensitively, so they count as those letters in that test too."""
    rules = ruleset_from_dict(
        {
            "name": "t",
            "rule": [{"id": "pitch", "regex": r".{0,20}newsletter links"}, {"id": "other", "regex": r".{0,9}zzz"}],
        }
    ).rules
    matcher = LineMatcher(rules)
    for line in ["Our newſletter links", "Our newsletter lİnks", "Our newsletter lınks", "Our newsletter lin\u212as"]:
        assert re.fullmatch(rules[0].pattern, line, re.IGNORECASE)
        hit = matcher.match_line(fold_for_match(line))
        assert hit is not None and hit.rule.id == "pitch", line
    assert matcher.match_line(fold_for_match("Our newspaper links")) is None


def test_glued_end_candidates_kept_by_line_ending_serve_every_line_with_that_ending():
    """The glued-end rules a line may end with are worked out once per ending (its last KEY_LEN + 1 characters):
    lines of other lengths and starts with the same ending, or one character more or less, get their own answer."""
    rules = ruleset_from_dict(
        {
            "name": "t",
            "rule": [
                {"id": "full", "regex": "read the full article here", "glued": "end"},
                {"id": "short", "regex": "here[.!]?", "glued": "end"},
            ],
        }
    ).rules
    matcher = LineMatcher(rules)
    lines = [
        "The vote was delayed.Read the full article here",
        "Nothing is mere.",  # the same last four characters as the next line's: its candidates are not the next's
        "The vote was delayed.Read the full article here.",
        "Nothing here",
        "here",
        "ere",
        "It was here",
        "The vote was delayed. Read the full article here!",
        "The full article is not here.",
    ]
    for line in lines * 2:
        folded = fold(line)
        assert _key(matcher.match_glued_end(folded)) == one_by_one_end(rules, matcher.max_len, folded), line
