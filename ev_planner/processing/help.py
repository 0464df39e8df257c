"""Help texts of the algorithms, from ``resources/help/<alg>.md`` in the user's language."""

from __future__ import annotations

from functools import cache
from pathlib import Path

from qgis.PyQt.QtGui import QTextDocument

from ..i18n import user_language

HELP_DIR = Path(__file__).resolve().parent.parent / "resources" / "help"


def help_file(algorithm_id: str, language: str) -> Path | None:
    """The help file of an algorithm in ``language``, falling back to English."""
    for candidate in (HELP_DIR / f"{algorithm_id}_{language}.md", HELP_DIR / f"{algorithm_id}.md"):
        if candidate.is_file():
            return candidate
    return None


@cache
def _markdown_to_html(path: Path, mtime: float) -> str:
    text = path.read_text(encoding="utf-8")
    try:
        # Python-Markdown gives lean HTML that stays readable in `qgis_process help`.
        import markdown
    except ImportError:
        # Qt renders Markdown too (Qt >= 5.14), verbosely: enough where Python-Markdown is missing.
        document = QTextDocument()
        document.setMarkdown(text)
        return document.toHtml()
    return markdown.markdown(text, extensions=["tables", "fenced_code"])


def help_html(algorithm_id: str) -> str:
    path = help_file(algorithm_id, user_language())
    if path is None:
        return ""
    return _markdown_to_html(path, path.stat().st_mtime)
