"""`learn` on archives as they really are: many copies of the same articles (exact and near duplicates count once),
sites with nothing to learn (no plugin written), footers whose year varies (learned whole; the held-back documents
show what stays), and the bounded structures that keep the first pass of `clean --learn` flat in memory."""

from __future__ import annotations

import random

import pytest
from test_learn import make_archive

from cleanser import Cleaner
from cleanser.learn import LearnSettings, learn, write_plugins
from cleanser.learn import dedup as dedup_module
from cleanser.learn.archive import TOO_FEW, FirstPass
from cleanser.learn.dedup import Duplicates, article_text, signature, similarity
from cleanser.learn.holdout import check_held_back
from cleanser.learn.model import SiteModel
from cleanser.learn.read import SiteDocument
from cleanser.learn.sketch import HeavyHitters
from cleanser.plugins.manager import Plugins, load_plugins
from cleanser.rules.model import ruleset_from_dict
from cleanser.settings import Settings

_VOCABULARY = (
    "the harbour board agreed a plan that moves the ferry berth north and frees the old quay for a market which "
    "traders asked for after two winters of storms closed the slipway for weeks at a time"
)
WORDS = _VOCABULARY.split()


def prose(rng: random.Random, k: int = 4) -> list[str]:
    """Sentences of our own, random enough that two articles never share one."""
    out = []
    for _ in range(k):
        head = " ".join(rng.choice(WORDS) for _ in range(rng.randint(14, 20)))
        out.append(head.capitalize() + ", " + " ".join(rng.choice(WORDS) for _ in range(6)) + ".")
    return out


def title(rng: random.Random) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(rng.randint(4, 7))).capitalize()


# Release notes with short list items at the bottom: the kind of article line a site's many copies made `learn`
# take for boilerplate ("Workers", "Lists", changelog items).
STORIES = [
    ["Workers", "Lists", "Fixed a crash when saving drafts offline", "Background upload no longer stalls"],
    ["Shared folders", "Link expiry dates", "Fixed the missing avatar on mobile", "Faster search in large teams"],
    ["Calendar view", "Offline mode for tablets", "Dark theme for the web app", "Bulk export to CSV"],
    ["Invoices by email", "Card updates without a reload", "Fixed rounding in yearly plans", "Receipts in French"],
]
ITEMS = {item for items in STORIES for item in items}


def devnotes_page(rng: random.Random, head: str, body: list[str], items: list[str]) -> str:
    readers = rng.choice(["12,000", "14,500", "18,250"])
    lines = [f"Join {readers} readers who get the Devnotes digest", head, *body, *items]
    lines.append(f"© {rng.randint(2019, 2025)} Devnotes Media. All rights reserved.")
    return "\n".join(lines)


def recrawled_archive(copies: int = 80, unique: int = 30, seed: int = 3) -> list[tuple[str, str]]:
    """Four release-note articles crawled `copies` times each (every other copy after a small edit: a near
    duplicate), among `unique` other articles; the site's promo line and footer in every page."""
    rng = random.Random(seed)
    stories = [(title(rng), prose(rng), items) for items in STORIES]
    docs = []
    for n in range(copies):
        for s, (head, body, items) in enumerate(stories):
            body = list(body)
            if n % 2:  # a word changed: about one 5-gram in twenty
                body[1] = body[1].replace(" the ", " this ", 1)
            docs.append((f"https://www.devnotes.example/{s}/notes?utm={n}", devnotes_page(rng, head, body, items)))
    for u in range(unique):
        items = [" ".join(rng.choice(WORDS) for _ in range(5)).capitalize()]
        docs.append((f"https://www.devnotes.example/u/{u}", devnotes_page(rng, title(rng), prose(rng), items)))
    rng.shuffle(docs)
    return docs


@pytest.fixture(scope="module")
def base():
    return load_plugins([], entry_points=False).rulesets()


# --- duplicates ---------------------------------------------------------------------------------------------------


def test_many_copies_of_the_same_articles_learn_no_article_line(base, monkeypatch):
    docs = recrawled_archive()
    model = learn(docs, base=base).sites[0]
    templates = [c.template for c in model.rules]
    assert "© {year} Devnotes Media. All rights reserved" in templates
    assert any(t.startswith("Join {number}") for t in templates)
    assert not ITEMS & {c.template for c in model.candidates if c.is_rule}
    # 4 articles x 80 copies: 316 count once. Exact copies (of the article or of its edited version) are dropped as
    # they stream by; the edited version of each article is told a near duplicate of it when the site is learned.
    assert model.duplicates == 4 * 79 and model.near_duplicates == 4
    assert model.documents == len(docs) and model.used + (model.held.documents if model.held else 0) == 34

    # Without the duplicate check, the copies' own lines recur like boilerplate and become rules: what the check
    # is for (the failure a new user met: article lines learned as rules).
    monkeypatch.setattr(dedup_module.Duplicates, "seen", lambda self, lines, prose=None: False)
    naive = learn(docs, base=base).sites[0]
    assert ITEMS & {c.template for c in naive.rules}


def test_near_duplicates_by_minhash():
    rng = random.Random(5)
    body = prose(rng, 6)
    edited = list(body)
    edited[2] = edited[2].replace(",", ", the board said on Friday,", 1)
    other = prose(rng, 6)
    a, b, c = (signature(article_text(x)) for x in (body, edited, other))
    assert similarity(a, a) == 1.0
    assert similarity(a, b) >= 0.8 > similarity(a, c)
    seen = Duplicates(0.8)
    assert not seen.seen(["Subscribe now", *body])
    assert seen.seen(["Another promo line", *body])  # the same article text: an exact duplicate
    assert seen.seen(edited) and not seen.seen(other)
    assert (seen.duplicates, seen.near) == (2, 1)
    exact_only = Duplicates(1.0)
    assert not exact_only.seen(body) and not exact_only.seen(edited) and exact_only.seen(body)


# --- a site with nothing to learn -----------------------------------------------------------------------------------


def test_a_plugin_with_no_rules_is_not_written(tmp_path, base):
    rng = random.Random(9)
    plain = [(f"https://plain.example/{i}", "\n".join([title(rng), *prose(rng)])) for i in range(40)]
    learning = learn(plain + [(a.url, a.text) for a in make_archive(120, seed=4)], base=base)
    by_domain = {m.domain: m for m in learning.sites}
    assert by_domain["plain.example"].rules == [] and by_domain["harbourgazette.example"].rules
    written = write_plugins(learning, tmp_path, LearnSettings())
    assert [p.name for p in written] == ["harbourgazette.toml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["harbourgazette.toml"]
    from cleanser.learn import format_report

    assert "plugin 'plain' (no rules: not written)" in format_report(learning)


# --- a footer whose year varies; what stays -------------------------------------------------------------------------


def footer_archive(n: int = 120, seed: int = 12) -> list[tuple[str, str]]:
    rng = random.Random(seed)
    docs = []
    for i in range(n):
        lines = [title(rng), *prose(rng, rng.randint(3, 5)), f"© {rng.randint(2016, 2025)} Harbour Gazette Media. "
                 "All rights reserved."]
        docs.append((f"https://www.harbourgazette.example/news/{i}", "\n".join(lines)))
    return docs


def test_a_footer_with_a_varying_year_is_learned_whole_and_nothing_stays(base):
    model = learn(footer_archive(), base=base).sites[0]
    assert [c.template for c in model.rules] == ["© {year} Harbour Gazette Media. All rights reserved"]
    held = model.held
    assert held is not None and held.documents == 120 // 7
    assert held.removed == held.documents and held.staying == []


def test_the_held_back_check_reports_a_footer_learned_only_in_part(base):
    """A plugin that knows only "All rights reserved" (what a new user got) leaves the rest of the footer in every
    held-back document: the check says so, where counting the learned occurrences could not. (The generic rules
    know a copyright line; they are left out here, as they would not help with a footer of other words.)"""
    docs = [SiteDocument(url, text, text.split("\n")) for url, text in footer_archive(40)]
    partial = ruleset_from_dict({
        "name": "harbourgazette", "domains": ["harbourgazette.example"],
        "rule": [{"id": "rights", "kind": "line", "match": "All rights reserved", "glued": "end"}],
    })
    sites = [rs for rs in base if not rs.generic]
    cleaner = Cleaner(Plugins.from_rulesets(*sites, partial), settings=Settings(generic="off"))
    model = SiteModel("harbourgazette.example", "harbourgazette", 40, 40, 8, [], [])
    held = check_held_back(model, docs, cleaner, LearnSettings())
    staying = held.boilerplate_staying
    assert staying and staying[0].text.startswith("© ") and "Harbour Gazette Media" in staying[0].text
    assert staying[0].documents == 40 and not staying[0].prose


# --- bounded memory -----------------------------------------------------------------------------------------------


def test_heavy_hitters_keep_every_frequent_key_in_bounded_memory():
    rng = random.Random(1)
    floor = 36  # in more than 400/11 documents: every frequent key
    table = HeavyHitters.for_floor(400 * 70, floor)  # at most 70 keys a document
    truth: dict[int, int] = {}
    for doc in range(400):
        keys = {rng.randrange(10**9) for _ in range(60)}  # rare keys: nearly all distinct
        keys |= {k for k in range(10) if doc % (k + 2) == 0}  # frequent keys: in 1/2 .. 1/11 of the documents
        table.update(keys)
        for k in keys:
            truth[k] = truth.get(k, 0) + 1
        assert len(table) < 2 * table.capacity
    assert table.error <= table.total / (table.capacity + 1) < floor
    assert len(truth) > 10 * 2 * table.capacity  # the table holds a small part of the distinct keys
    frequent = table.frequent(floor)
    assert {k for k, c in truth.items() if c >= floor} <= frequent
    assert all(table.get(k) >= truth[k] for k in range(10))  # an upper bound, never below the truth


def _host_docs(host: str, n: int, rng: random.Random) -> list[tuple[str, str, list[str]]]:
    out = []
    for i in range(n):
        lines = [f"Sign up for the {host} briefing", *prose(rng, 3), f"© 2024 {host} Media. All rights reserved."]
        out.append((f"https://{host}/a/{i}", "\n".join(lines), lines))
    return out


def _feed(first: FirstPass, docs) -> None:
    for url, text, lines in docs:
        key = first.wants(url)
        if key is not None:
            first.add(key, url, text, lines)
        assert first.held <= first.memory + 5_000  # one document past the bound at most, before making room


def test_first_pass_keeps_a_bounded_sample_per_host_and_bounded_hosts(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base), settings=Settings())
    rng = random.Random(2)
    first = FirstPass(LearnSettings(), cleaner, sample=20, max_hosts=3)
    docs = _host_docs("big.example", 60, rng) + _host_docs("mid.example", 3, rng)
    docs += [(f"https://tiny{i}.example/x", t, ls) for i, (_, t, ls) in enumerate(_host_docs("t", 2, rng))]
    _feed(first, docs)
    hosts = first.finish()
    assert set(hosts) == {"big.example", "mid.example", "tiny0.example"}  # a fourth host is past max_hosts
    assert first.untracked == 1
    big = hosts["big.example"]
    # Learned as soon as its sample was full, and dropped: later records are only counted.
    assert big["records"] == 60 and big["sampled"] == 20 and big["status"] == "learned"
    assert any(r["match"].startswith("Sign up for the big.example briefing") for r in big["rules"])
    assert hosts["mid.example"]["status"] == TOO_FEW and hosts["mid.example"]["records"] == 3
    assert first.held == 0 and first.peak_held < 20 * 5_000


def test_first_pass_learns_early_when_samples_reach_the_memory_bound(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base), settings=Settings())
    rng = random.Random(3)
    first = FirstPass(LearnSettings(), cleaner, sample=100, memory=25_000)
    a, b = _host_docs("one.example", 15, rng), _host_docs("two.example", 15, rng)
    _feed(first, [d for pair in zip(a, b, strict=True) for d in pair])
    hosts = first.finish()
    early = [h for h in hosts.values() if any("memory bound" in n for n in h.get("notes", []))]
    assert early and all(h["status"] == "learned" and h["sampled"] < 15 for h in early)
    assert all(h["records"] == 15 for h in hosts.values())
    assert first.peak_held <= first.memory + 5_000


def test_a_host_of_copies_is_not_read_past_twice_its_sample(base):
    cleaner = Cleaner(Plugins.from_rulesets(*base), settings=Settings())
    rng = random.Random(4)
    copies = _host_docs("copies.example", 3, rng) * 20 + _host_docs("copies.example", 10, rng)
    first = FirstPass(LearnSettings(), cleaner, sample=10)
    read = 0
    for url, text, lines in copies:
        key = first.wants(url)
        if key is not None:
            read += 1
            first.add(key, url, text, lines)
    hosts = first.finish()
    # 3 distinct documents in the first 20 records read: too few, and the other 50 records are only counted.
    assert read == 20 and hosts["copies.example"]["records"] == 70
    assert hosts["copies.example"]["status"] == TOO_FEW and hosts["copies.example"]["sampled"] == 3
    assert hosts["copies.example"]["duplicates"] == 17


def test_pruned_counting_finds_every_key_that_counting_everything_finds():
    from collections import Counter

    from cleanser.learn.mine import count_keys, doc_units, unit_keys

    settings = LearnSettings()
    rng = random.Random(6)
    docs = [a.text.split("\n") for a in make_archive(120, seed=3)]
    docs += [[title(rng), *prose(rng)] for _ in range(40)]  # articles of rare words among them
    by_doc = [doc_units(i, lines) for i, lines in enumerate(docs)]
    floor = 12
    everything: Counter = Counter()
    for units in by_doc:
        everything.update({k for u in units for k in unit_keys(u, settings)})
    counts = count_keys(by_doc, settings, floor)
    assert {k for k, n in everything.items() if n >= floor} == {k for k, n in counts.support.items() if n >= floor}
    assert all(counts.support[k] == everything[k] for k in counts.support)
