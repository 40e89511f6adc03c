"""Bundled site plugins: data files (one TOML per publisher), read by cleanser.plugins; no code here."""
