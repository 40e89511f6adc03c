"""The command line: `cleanser clean | explain | learn | plugins`."""

from .commands import build_parser, main

__all__ = ["build_parser", "main"]
