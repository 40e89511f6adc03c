"""Issue 17, item 7: a WARC file cut anywhere is an error naming the file and where, and keeps every record before."""

from __future__ import annotations

import re

import pytest
from test_archive import PAGE, make_warc

from cleanser.archive import iter_records


@pytest.mark.parametrize("gz", [False, True])
def test_a_warc_cut_anywhere_keeps_what_came_before_and_says_so(tmp_path, gz):
    whole = make_warc(tmp_path / "whole.warc", [(f"https://example.org/{i}", PAGE, "text/html") for i in range(3)],
                      gz=gz)
    data = whole.read_bytes()
    full = [r.url for r in iter_records([str(whole)]) if not r.error]
    assert len(full) == 3
    if gz:  # each record is a gzip member; a cut inside the last bytes of a member can leave its text whole
        ends, slack = _member_ends(whole), 24
    else:  # a cut inside the blank lines after a whole record loses nothing
        ends, slack = [m.end() for m in re.finditer(rb"\r\n\r\n(?=WARC/)", data)], 4
    cut = tmp_path / "cut.warc"
    step = max(1, len(data) // 60)
    for at in range(40, len(data) - 4, step):
        cut.write_bytes(data[:at])
        records = list(iter_records([str(cut)], input_format="warc"))
        good = [r.url for r in records if not r.error]
        errors = [r.error for r in records if r.error]
        assert good == full[: len(good)], at  # in order, none skipped
        assert all("NoneType" not in e and "attribute" not in e for e in errors), (at, errors)
        at_boundary = any(0 <= e - at <= slack for e in ends)
        assert errors or at_boundary, f"cut at byte {at}: {len(good)} pages read and no error"
        assert all(r.source == str(cut) for r in records if r.error)


def _member_ends(path) -> list[int]:
    from warcio.archiveiterator import ArchiveIterator

    ends = []
    with open(path, "rb") as fh:
        iterator = ArchiveIterator(fh)
        for record in iterator:
            record.raw_stream.read()
            ends.append(iterator.get_record_offset() + iterator.get_record_length())
    return ends
