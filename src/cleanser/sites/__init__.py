"""Finding a document's site: plugins by domain and fingerprint (`index`), FiveFilters site configs."""
