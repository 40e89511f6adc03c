"""Writing a result: text, Markdown and HTML (`writers`), and `cleanser explain`."""
