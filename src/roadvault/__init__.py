"""roadvault: a learning roadmap in Markdown → an Obsidian vault that keeps your progress."""

__version__ = "0.1.0"
__all__ = ["__version__"]
