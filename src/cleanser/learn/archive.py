"""The first pass of `cleanser clean --learn`: an archive's records grouped by host, in bounded memory, and each
host's recurring boilerplate learned with the `learn` machinery.

Records stream by once. Per host the pass keeps a counter of its records and a *sample*: its first `sample`
distinct documents (duplicates count once, `dedup.py`), as the lines the cleaner sees (`read.document_lines`); the
full text is kept only for the documents that will be held back from mining and cleaned to check what stays. When a
host's sample is full (or twice its size in records were read: a host of copies) it is learned at once
(`learn_site`, through `submit`, which may run it in another process) and its sample dropped; the host's later
records are only counted. At the end, the hosts whose sample never filled are learned from what they have, or
reported as too small. Each host's outcome goes to `emit` as soon as it is known, for the caller to write out.

Memory is bounded whatever the archive's size:

- the samples held at once take at most `memory` bytes (estimated as the lines' characters plus a per-line and a
  per-document overhead); past it, the sampling host with the most documents is learned from what it has (noted in
  its outcome), or, when every sampling host has fewer than `min_docs` documents, the oldest half of them give up
  their samples and are reported as too small;
- at most `max_hosts` hosts are tracked, a few hundred bytes each once sampled (`HostState`); records of hosts
  first seen after that are counted together and cleaned without learned rules;
- outcomes are handed on (`emit`), not held; at most a few hosts are being learned at once (`submit` is bounded by
  its caller);
- mining one host counts its keys in a bounded table (`sketch.py`).

Outcome dicts are plain JSON (they go into the run's `--report` and are persisted for `--resume`); the plugin file
itself is under "toml" (None when nothing was learned: a plugin with no rules is never written).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any

from ..plugins.scaffold import plugin_name
from .dedup import Duplicates
from .read import SiteDocument, site_of
from .settings import LearnSettings

if TYPE_CHECKING:
    from ..pipeline import Cleaner

DEFAULT_SAMPLE = 300  # distinct documents per host learned from (and held back)
DEFAULT_MEMORY = 256 * 2**20  # bytes of sampled documents held at once
MAX_HOSTS = 100_000  # hosts tracked; later ones are counted together and not learned
READ_LIMIT = 2  # records read per host at most, in samples: a host of copies is learned from what they gave
LINE_OVERHEAD = 80  # bytes a held line costs besides its characters (the str object, the list slot)
DOC_OVERHEAD = 1600  # bytes a held document costs besides its lines (its MinHash signature, buckets, record)

# Why a host was not learned; the outcome's "status".
LEARNED, NO_RULES, TOO_FEW = "learned", "no rules", "too few documents"
UNNAMED, SITE_CONFIG = "not a domain a plugin can be named for", "served by a site config"
FAILED = "learning failed"


def learn_settings_for_archive(settings: LearnSettings, sample: int) -> LearnSettings:
    """The settings of learning inside a clean run: at most `sample` documents, and no self-check over the mined
    documents (the held-back documents are the check, and cleaning every mined document again would cost as much
    as the second pass)."""
    return replace(settings, max_docs=sample, check_docs=0)


def learn_outcome(
    key: str, docs: Sequence[SiteDocument], settings: LearnSettings, cleaner: Cleaner, notes: Sequence[str] = ()
) -> dict[str, Any]:
    """Learn one host from its sampled documents; its outcome (the plugin file under "toml"). A host whose learning
    fails (a bug, a page no rule can be made from) is reported as such, and cleaned without learned rules."""
    from .site import learn_site
    from .write import plugin_toml

    try:
        model = learn_site(
            key, docs, settings=settings, base=cleaner.plugins.rulesets(), clean_settings=cleaner.settings
        )
    except Exception as exc:
        return {"status": FAILED, "sampled": len(docs), "notes": [*notes, f"{type(exc).__name__}: {exc}"]}
    outcome: dict[str, Any] = {
        "status": LEARNED if model.rules else NO_RULES,
        "domain": model.domain,
        "plugin": model.name if model.rules else None,
        "sampled": len(docs),
        "used": model.used,
        "sample_duplicates": model.duplicates,
        "sample_near_duplicates": model.near_duplicates,
        "threshold": model.threshold,
        "rules": [
            {"id": c.rule_id, "match": c.template, "support": c.docs, "where": c.where, "glued": c.glued,
             "verified": bool(c.verified)}
            for c in model.rules
        ],
        "review": [{"template": c.template, "support": c.docs, "reason": c.reason} for c in model.review],
        "notes": [*notes, *model.notes],
    }
    if model.held is not None:
        outcome["held_back"] = model.held.to_dict()
    outcome["toml"] = plugin_toml(model, settings) if model.rules else None
    return outcome


def with_sample_duplicates(counts: dict[str, Any], outcome: dict[str, Any]) -> dict[str, Any]:
    """A host's counts and outcome as one: the duplicates the stream dropped (exact copies) and those learning
    found in the sample (near ones, and copies told apart only without the template) added up."""
    outcome = dict(outcome)
    dup, near = outcome.pop("sample_duplicates", 0), outcome.pop("sample_near_duplicates", 0)
    merged = {**counts, **outcome}
    if dup:
        merged["duplicates"] = counts.get("duplicates", 0) + dup
        merged["near_duplicates"] = counts.get("near_duplicates", 0) + near
    return merged


@dataclass(slots=True)
class HostState:
    """What the pass keeps of a host: counters, and its sample while it is sampling (a few hundred bytes after)."""

    key: str
    records: int = 0
    read: int = 0  # records read into the sample, duplicates included
    docs: list[SiteDocument] = field(default_factory=list)
    duplicates: Duplicates | None = None  # while sampling
    size: int = 0  # estimated bytes held
    status: str | None = None  # None while sampling; "learning" while a task learns it; then the outcome's
    duplicate_count: int = 0
    near_count: int = 0


class FirstPass:
    """Feed it records (`wants`, then `add` with the document's lines, for each record whose host is still
    sampling); `finish` ends the pass and gives every tracked host's counts.

    Each host's outcome is handed to `emit(key, outcome)` as soon as it is known (default: kept in `outcomes`), so
    that a caller can write it out rather than hold it: a learned host's outcome holds its plugin file.
    `submit(key, docs, settings, notes)` starts learning a host and returns a future of its outcome (default:
    learned at once, in this process)."""

    def __init__(
        self,
        settings: LearnSettings,
        cleaner: Cleaner,
        *,
        sample: int = DEFAULT_SAMPLE,
        memory: int = DEFAULT_MEMORY,
        max_hosts: int = MAX_HOSTS,
        submit: Callable[..., Future] | None = None,
        emit: Callable[[str, dict[str, Any]], None] | None = None,
    ):
        self.settings = learn_settings_for_archive(settings, sample)
        self.cleaner = cleaner
        self.sample = sample
        self.memory = memory
        self.max_hosts = max_hosts
        self.submit = submit
        self.outcomes: dict[str, dict[str, Any]] = {}
        self.emit = emit or self.outcomes.__setitem__
        self.hosts: dict[str, HostState] = {}
        self.pending: list[tuple[HostState, Future]] = []  # hosts being learned by `submit`
        self.held = 0  # estimated bytes of all samples held
        self.peak_held = 0
        self.without_site = 0  # records with no URL
        self.untracked = 0  # records of hosts past max_hosts
        step = max(2, round(1 / self.settings.hold_back)) if self.settings.hold_back else 0
        self._held_every = step  # every step-th sampled document is held back (site.hold_back picks the same)

    # -- the stream --

    def wants(self, url: str | None) -> str | None:
        """Count a record; its host's key when the record should be read into the host's sample, else None."""
        key = site_of(url)
        if key is None:
            self.without_site += 1
            return None
        state = self.hosts.get(key)
        if state is None:
            if len(self.hosts) >= self.max_hosts:
                self.untracked += 1
                return None
            state = self.hosts[key] = self._new_host(key, url)
        state.records += 1
        return key if state.status is None and len(state.docs) < self.sample else None

    def _new_host(self, key: str, url: str | None) -> HostState:
        state = HostState(key)
        try:
            plugin_name(key)
        except ValueError:
            self._emit(state, {"status": UNNAMED})
            return state
        # A plugin for the host would turn its site config off (sites/index.py): such hosts are not learned.
        if self.cleaner.sites.site_config(url) is not None:
            self._emit(state, {"status": SITE_CONFIG})
            return state
        # Exact copies only: near ones are told when the host is learned (`learn_site`), against its template.
        state.duplicates = Duplicates(1.0)
        return state

    def add(self, key: str, url: str | None, text: str, lines: list[str]) -> None:
        """A document of a host that `wants` said is sampling: kept unless it duplicates one kept, or the sample
        filled in the meantime (reading may run ahead in worker processes)."""
        if self.pending and self.pending[0][1].done():
            self._collect(wait=False)
        state = self.hosts[key]
        if state.status is not None or len(state.docs) >= self.sample or state.duplicates is None:
            return
        state.read += 1
        if state.duplicates.seen(lines):
            if state.read >= READ_LIMIT * self.sample:  # a host of copies: reading on would find few new ones
                self._learn_or_drop(state)
            return
        held = self._held_every and len(state.docs) % self._held_every == self._held_every - 1
        doc = SiteDocument(url, text if held else "", lines)
        size = DOC_OVERHEAD + sum(len(line) + LINE_OVERHEAD for line in lines) + (len(text) if held else 0)
        state.docs.append(doc)
        state.size += size
        self.held += size
        self.peak_held = max(self.peak_held, self.held)
        if len(state.docs) >= self.sample or state.read >= READ_LIMIT * self.sample:
            self._learn_or_drop(state)
        elif self.held > self.memory:
            self._make_room()

    def _release(self, state: HostState) -> list[SiteDocument]:
        """The host's sample, no longer held; its duplicate counts kept, its signatures dropped."""
        docs, state.docs = state.docs, []
        self.held -= state.size
        state.size = 0
        if state.duplicates is not None:
            state.duplicate_count, state.near_count = state.duplicates.duplicates, state.duplicates.near
            state.duplicates = None  # later documents are only counted
        return docs

    def _learn(self, state: HostState, notes: Sequence[str] = ()) -> None:
        docs = self._release(state)
        if self.submit is None:
            self._emit(state, learn_outcome(state.key, docs, self.settings, self.cleaner, notes))
        else:
            state.status = "learning"
            self.pending.append((state, self.submit(state.key, docs, self.settings, list(notes))))

    def _learn_or_drop(self, state: HostState) -> None:
        if len(state.docs) >= self.settings.min_docs:
            self._learn(state)
        else:
            self._drop(state)

    def _drop(self, state: HostState, notes: Sequence[str] = ()) -> None:
        sampled = len(self._release(state))
        self._emit(state, {"status": TOO_FEW, "sampled": sampled, **({"notes": list(notes)} if notes else {})})

    def _emit(self, state: HostState, outcome: dict[str, Any]) -> None:
        state.status = outcome["status"]
        self.emit(state.key, outcome)

    def _collect(self, *, wait: bool) -> None:
        """Hand on the outcomes of the hosts learned by `submit` (all of them when `wait`), in order."""
        while self.pending and (wait or self.pending[0][1].done()):
            state, future = self.pending.pop(0)
            self._emit(state, future.result())

    def _make_room(self) -> None:
        sampling = [s for s in self.hosts.values() if s.status is None and s.docs]
        biggest = max(sampling, key=lambda s: len(s.docs))
        if len(biggest.docs) >= self.settings.min_docs:
            note = f"learned from {len(biggest.docs)} documents: the first pass's memory bound was reached"
            self._learn(biggest, [note])
            return
        for state in sampling[: max(1, len(sampling) // 2)]:  # oldest first (dicts keep insertion order)
            self._drop(state, ["its sample was dropped to bound the first pass's memory"])

    # -- the end --

    def finish(self) -> dict[str, dict[str, Any]]:
        """Learn the hosts still sampling and wait for every outcome; each tracked host's counts (records,
        duplicates), with its outcome when `emit` is the default."""
        for state in self.hosts.values():
            if state.status is None:
                self._learn_or_drop(state)
        self._collect(wait=True)
        out: dict[str, dict[str, Any]] = {}
        for key, state in sorted(self.hosts.items()):
            counts: dict[str, Any] = {"records": state.records}
            if state.duplicate_count:
                counts.update(duplicates=state.duplicate_count, near_duplicates=state.near_count)
            out[key] = with_sample_duplicates(counts, self.outcomes.get(key, {}))
        return out
