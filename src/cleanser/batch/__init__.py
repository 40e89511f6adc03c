"""Archives: reading records (`records`), cleaning in workers (`work`), writing (`output`), runs (`runner`), Dask."""
