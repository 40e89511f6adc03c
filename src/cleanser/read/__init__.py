"""Reading input into a document: text (`text`), HTML pages (`page`, `extract`, `blocks`), metadata."""
