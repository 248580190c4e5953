"""Reports in Python: inline in Jupyter (an iframe), in Databricks through displayHTML, saved atomically."""

import pytest

import __main__
from sparkxai.reports import Report

PAGE = '<!doctype html>\n<html><body><p title="a &amp; b">x</p><script>1</script></body></html>\n'


def test_inline_as_an_iframe_with_the_page_escaped():
    html = Report(PAGE)._repr_html_()
    assert html.startswith("<iframe") and 'srcdoc="&lt;!doctype html&gt;' in html
    assert "<script>" not in html, "the page's markup stays inside the srcdoc attribute"


def test_show_uses_display_html_where_it_exists(monkeypatch):
    shown = []
    monkeypatch.setattr(__main__, "displayHTML", shown.append, raising=False)
    Report(PAGE).show()
    assert shown == [PAGE]


def test_save_writes_the_file_whole(tmp_path):
    path = Report(PAGE).save(str(tmp_path / "a" / "r.html"))
    assert open(path, encoding="utf-8").read() == PAGE
    assert sorted(p.name for p in (tmp_path / "a").iterdir()) == ["r.html"]


def test_only_html_documents():
    with pytest.raises(ValueError):
        Report("just text")
