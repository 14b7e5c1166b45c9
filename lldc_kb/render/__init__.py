"""Render catalog records to Markdown pages with escaped HTML blocks."""
