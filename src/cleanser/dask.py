"""Cleaning on a Dask cluster: the public path of `cleanser.batch.dask` (see docs/archives.md)."""

from .batch.dask import clean_bag, clean_files

__all__ = ["clean_bag", "clean_files"]
