"""A realistic generated archive of plain-text news articles, for the speed benches.

Articles are invented prose (made here from word lists, seeded, so every run gets the same archive) with the
promo that the bundled plugins remove put where publishers put it: the examples of each site's rules and of the
generic rules, at the top, at the bottom, between paragraphs, or glued onto the end of a paragraph. Sites are the
bundled plugins' domains plus sites with no plugin; lengths vary around a target size.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

from cleanser.plugins.manager import load_plugins
from cleanser.rules.model import Rule, RuleSet

_SUBJECTS = (
    "The council",
    "The regulator",
    "A spokesperson for the company",
    "Local residents",
    "The finance minister",
    "Researchers at the institute",
    "The union",
    "Shareholders",
    "The harbour authority",
    "Two former officials",
    "The rail operator",
    "Several economists",
    "The school's head teacher",
    "Farmers in the valley",
    "The opposition leader",
    "Health officials",
)
_VERBS = (
    "said on Tuesday that",
    "told reporters that",
    "warned in a statement that",
    "confirmed late on Friday that",
    "argued at a hearing that",
    "wrote in a letter that",
    "estimated that",
    "insisted that",
)
_CLAUSES = (
    "the plan would cost far more than the original estimate of {n} million",
    "repairs to the old bridge would not begin until the spring",
    "water levels in the reservoir had fallen for the {ord} month in a row",
    "the new timetable had cut journey times by about {n} minutes",
    "demand for the scheme had outstripped the money set aside for it",
    "the figures did not include the cost of temporary housing",
    "talks with suppliers would resume after the holiday",
    "the vote had been delayed by a dispute over the wording",
    "inflation was likely to ease more slowly than markets expected",
    "the pilot had reached {n} households in its first year",
    "the factory would keep its night shift until the end of the year",
    "nobody had been told about the change before it was announced",
    "the decision would be reviewed by an independent panel",
    "prices at the pump had risen by {n} pence since March",
)
_TAILS = (
    "according to documents seen by this newspaper",
    "although the details are still being worked out",
    "a claim the ministry disputes",
    "citing figures published last week",
    "in a move that surprised some observers",
    "despite objections from neighbouring towns",
    "after months of negotiation",
    "",
    "",
    "",
)
_QUOTES = (
    '"We have been asking for this for years, and it still is not enough," {name} said.',
    '"Nobody expected it to happen this quickly," said {name}, who has lived in the area since {year}.',
    '"The numbers speak for themselves," {name} told a meeting of about {n} people.',
)
_NAMES = ("Maria Okafor", "Tom Lindqvist", "Priya Raman", "Owen Hale", "Sofia Brandt", "Daniel Mercer", "Aisha Noor")
_HEADINGS = ("What happens next", "Why it matters", "The background", "A long wait", "Reaction", "The cost")
_ORDINALS = ("second", "third", "fourth", "fifth", "sixth")
NO_PLUGIN_DOMAINS = ("example-news.com", "valley-gazette.example", "harbourtimes.example.org")


def _sentence(rng: random.Random) -> str:
    if rng.random() < 0.2:
        q = rng.choice(_QUOTES)
        return q.format(name=rng.choice(_NAMES), year=rng.randint(1970, 2015), n=rng.randint(20, 400))
    clause = rng.choice(_CLAUSES).format(n=rng.randint(2, 90), ord=rng.choice(_ORDINALS))
    tail = rng.choice(_TAILS)
    return f"{rng.choice(_SUBJECTS)} {rng.choice(_VERBS)} {clause}{', ' + tail if tail else ''}."


def _paragraph(rng: random.Random) -> str:
    return " ".join(_sentence(rng) for _ in range(rng.randint(1, 4)))


@dataclass
class Article:
    url: str
    text: str
    site: str | None


def _line_examples(rulesets: list[RuleSet]) -> dict[str, list[tuple[Rule, str]]]:
    """Per plugin: (rule, example) pairs for the rule kinds that sit on a line of their own."""
    out: dict[str, list[tuple[Rule, str]]] = {}
    for rs in rulesets:
        out[rs.name] = [
            (r, ex) for r in rs.rules if r.kind in ("line", "tail") for ex in r.examples if len(ex) < 300
        ]
    return out


def build_archive(count: int = 2000, size: int = 4096, seed: int = 7, spread: float = 0.25) -> list[Article]:
    """`count` articles of about `size` characters (lengths vary by +-`spread`), with their URLs."""
    rng = random.Random(seed)
    rulesets = load_plugins(entry_points=False).rulesets()
    examples = _line_examples(rulesets)
    generic = [pair for rs in rulesets if rs.generic for pair in examples[rs.name]]
    sites = [rs for rs in rulesets if not rs.generic and rs.domains]
    articles = []
    for n in range(count):
        if rng.random() < 0.15:
            domain, site, own = rng.choice(NO_PLUGIN_DOMAINS), None, []
        else:
            rs = rng.choice(sites)
            domain, site, own = rs.domains[0], rs.name, examples[rs.name]
        target = int(size * rng.uniform(1 - spread, 1 + spread))
        paragraphs: list[str] = []
        length = 0
        while length < target:
            para = rng.choice(_HEADINGS) if paragraphs and rng.random() < 0.08 else _paragraph(rng)
            paragraphs.append(para)
            length += len(para) + 2
        pool = own * 3 + generic  # site promo is the common case; generic promo turns up everywhere
        for _ in range(rng.choice((0, 1, 2, 2, 3, 4)) if pool else 0):
            rule, example = rng.choice(pool)
            if rule.glued in ("end", "both") and rng.random() < 0.3:
                i = rng.randrange(len(paragraphs))
                paragraphs[i] = paragraphs[i] + " " + example
            elif rule.where in ("top", "edge"):
                paragraphs.insert(0, example)
            elif rule.where == "bottom" or rule.kind == "tail":
                paragraphs.append(example)
            else:
                paragraphs.insert(rng.randrange(len(paragraphs) + 1), example)
        slug = re.sub(r"[^a-z]+", "-", paragraphs[-1][:40].lower()).strip("-") or "story"
        url = f"https://www.{domain}/2026/11/{n:05d}/{slug}"
        articles.append(Article(url=url, text="\n\n".join(paragraphs) + "\n", site=site))
    return articles


def promo_patterns(rulesets: list[RuleSet]) -> list[str]:
    """The regex source of every line-shaped rule (line, keep, tail) of every plugin: the phrases."""
    return [r.pattern for rs in rulesets for r in rs.rules if r.kind in ("line", "keep", "tail") and r.pattern]
