"""Reading documents (PDF, HTML, text, Markdown) into metadata-rich chunks."""
