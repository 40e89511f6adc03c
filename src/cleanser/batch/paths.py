"""Where a batch run may write: never outside its output, never over one of its inputs.

Inputs are compared by their real paths (symlinks and `.`/`..` resolved), so `cleanser clean a.txt -o ./a.txt` and
`cleanser clean d -o d/` are refused however they are spelled. A mirror subfolder is named after the input's real
folder name, so `.` and `..` become the names of the folders they stand for, never an empty name or a `..` that
would climb out of the output folder.
"""

from __future__ import annotations

import os
from collections.abc import Sequence
from pathlib import Path

from .records import STDIN


class PathError(ValueError):
    """An output that would land outside `-o`, or on an input; the message says which and why."""


def real(path: str | os.PathLike) -> Path:
    return Path(os.path.realpath(os.fspath(path)))


def is_within(path: Path, folder: Path) -> bool:
    """True when `path` is `folder` or below it (both real paths)."""
    return path == folder or folder in path.parents


def mirror_name(item: str) -> str:
    """The subfolder an input folder is mirrored into when several inputs share one output folder."""
    name = real(item).name
    return name or "root"  # the filesystem root has no name


def check_output(inputs: Sequence[str], output: str, *, mirror: bool) -> None:
    """Refuse an output that is one of the inputs or would be read as one: inputs change only with --in-place.

    A mirror folder may lie inside an input folder (the walk skips it), but no input may be mirrored onto itself.
    """
    out = real(output)
    nest = len(inputs) > 1
    for item in inputs:
        if item == STDIN:
            continue
        src = real(item)
        if mirror:
            lands = out / src.name if src.is_file() else (out / mirror_name(item) if nest else out)
            clash = lands == src or out == src
        else:
            clash = out == src or (src.is_dir() and is_within(out, src))
        if clash:
            where = "is inside" if src.is_dir() and out != src and not mirror else "would overwrite"
            raise PathError(
                f"the output {output} {where} the input {item}: cleanser changes its inputs only with --in-place "
                "(which keeps a backup); write elsewhere with -o"
            )


def check_target(target: Path, folder: Path, source: str) -> None:
    """A mirrored file must land inside the output folder and must not be its own input."""
    where = real(target)
    if not is_within(where, real(folder)):
        raise PathError(f"its output path {target} would be outside the output folder {folder}: not written")
    if where == real(source):
        raise PathError(f"its output path {target} is the input itself: not written (use --in-place)")
