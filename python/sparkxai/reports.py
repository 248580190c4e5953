"""A report as Python sees it: one self-contained HTML document, shown inline or saved.

Reports are drawn on the JVM (inline SVG, CSS and a little JavaScript; no URL leaves the file).
In Jupyter a report shows itself (``_repr_html_``) inside an ``iframe`` so that its styles and
script stay apart from the notebook's; on Databricks :meth:`Report.show` hands it to
``displayHTML``; :meth:`Report.save` writes the file atomically.
"""

from __future__ import annotations

import html as _html
import os
import tempfile
from typing import Any, Optional

__all__ = ["Report"]


class Report:
    """A self-contained HTML report (``html``), e.g. from ``model.globalReport()``."""

    def __init__(self, html: str, title: Optional[str] = None) -> None:
        if not html.lstrip().lower().startswith("<!doctype html"):
            raise ValueError("a report is one HTML document starting with <!doctype html>")
        self.html = html
        self.title = title

    def __repr__(self) -> str:
        return "Report(%r, %d characters)" % (self.title or "untitled", len(self.html))

    def _repr_html_(self) -> str:
        return (
            '<iframe class="sparkxai-report" style="width: 100%; height: 720px; border: 1px solid #ddd"'
            ' sandbox="allow-scripts" srcdoc="' + _html.escape(self.html, quote=True) + '"></iframe>'
        )

    def save(self, path: str) -> str:
        """Writes the report to ``path`` (one ``.html`` file) atomically and returns the path.

        The file is written beside ``path`` under a temporary name and moved over it in one step,
        so a reader never sees half a report and a failure leaves the old file whole.
        """
        if not path.lower().endswith(".html"):
            raise ValueError("a report is saved as one .html file, got " + path)
        folder = os.path.dirname(os.path.abspath(path))
        os.makedirs(folder, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=".report-", suffix=".tmp", dir=folder)
        try:
            with os.fdopen(fd, "w", encoding="utf-8") as out:
                out.write(self.html)
            os.chmod(temp, 0o644)
            os.replace(temp, path)
        finally:
            if os.path.exists(temp):
                os.remove(temp)
        return path

    def show(self) -> None:
        """Shows the report: Databricks' ``displayHTML`` when there is one, else IPython's display."""
        display_html = _find_display_html()
        if display_html is not None:
            display_html(self.html)
            return
        from IPython.display import HTML, display

        display(HTML(self._repr_html_()))


def _find_display_html() -> Optional[Any]:
    import __main__

    candidate = getattr(__main__, "displayHTML", None)
    if candidate is None:
        try:
            import builtins

            candidate = getattr(builtins, "displayHTML", None)
        except ImportError:  # pragma: no cover
            candidate = None
    return candidate if callable(candidate) else None
