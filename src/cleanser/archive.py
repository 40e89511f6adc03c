"""Reading archives from Python: the public path of `cleanser.batch.records` (see docs/archives.md)."""

from .batch.records import FieldNames, Record, Source, find_sources, iter_records, read_source

__all__ = ["FieldNames", "Record", "Source", "find_sources", "iter_records", "read_source"]
