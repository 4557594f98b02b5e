"""The HTML report: files, escaping, offline pages, determinism, and what each page shows."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from dedupe.errors import InputError
from dedupe.report import safe_name, web_url, write_report

XSS_SCRIPT = "<script>alert(1)</script>"
XSS_IMG = '"><img src=x onerror=alert(1)>'
XSS_BREAKOUT = "</script><script>alert(2)</script>"
RLO = "\u202e"
RUN_INFO = {"corpus": ["corpora/sample/articles.jsonl"], "articles": 8, "clusters": 4,
            "created_with": "dedupe 0.1.0", "options": {"threshold": 0.5, "base": None}}
ARTICLE_URLS = {"https://example.com/a1", "http://nordpost.example/c3"}


# --- fixture builder (also used by test_report_browser.py) -------------------------------------

def _same(version: str, text: str, paragraph: int | None, status: str = "same") -> dict:
    return {"version": version, "text": text, "paragraph": paragraph, "span": None, "status": status,
            "moved_from": None, "diff": [{"op": "equal", "before": text, "after": text, "minor": False}]}


def _gap(version: str) -> dict:
    return {"version": version, "text": None, "paragraph": None, "span": None, "status": "gap",
            "moved_from": None, "diff": []}


def _base(version: str, text: str, paragraph: int | None) -> dict:
    return {"version": version, "text": text, "paragraph": paragraph, "span": None, "status": "base",
            "moved_from": None, "diff": []}


def _seg(op: str, before: str, after: str, minor: bool = False) -> dict:
    return {"op": op, "before": before, "after": after, "minor": minor}


def story_document() -> dict:
    """Three versions: a verb swap, a moved paragraph, a gap, an added row, minor edits, hostile strings."""
    headline = "Minister says talks will resume"
    s1, s2 = "The minister said on Tuesday that talks would resume.", "Officials confirmed the date."
    s3, s4 = "About 40 people attended the meeting.", "The opposition criticised the plan."
    added = f"He added: {XSS_IMG} {XSS_BREAKOUT}"
    b_title = f"{XSS_SCRIPT} Minister claims talks will resume"
    b_s1 = "The minister claimed on Tuesday that talks would resume."
    c_s1 = "The Minister said on tuesday that talks would resume."
    return {
        "cluster": "c00001", "base": "a1", "base_reason": "earliest published", "identical": False,
        "versions": [
            {"id": "a1", "source": "Wire Daily", "title": headline, "published": "2024-03-01T09:00:00Z",
             "url": "https://example.com/a1", "agencies": ["AP"], "words": 24, "similarity_to_base": 1.0,
             "text": f"{s1} {s2}\n\n{s3}\n\n{s4}", "distinctive": [["said", 0.3]]},
            {"id": "b2", "source": f"Daily {RLO}Meridian", "title": b_title, "published": "2024-03-01T11:30:00+01:00",
             "url": "javascript:alert(1)", "agencies": ["AP", "AFP"], "words": 30, "similarity_to_base": 0.8,
             "text": f"{b_s1} {s2}\n\n{s4}\n\n{s3}\n\n{added}",
             "distinctive": [["claimed", 0.41], [XSS_SCRIPT, 0.2]]},
            {"id": "c3", "source": "NordPost", "title": headline, "published": None,
             "url": "http://nordpost.example/c3", "agencies": [], "words": 20, "similarity_to_base": 0.9,
             "text": f"{c_s1}\n\n{s3}\n\n{s4}"},
        ],
        "similarity": [[1.0, 0.8, 0.9], [0.8, 1.0, 0.75], [0.9, 0.75, 1.0]],
        "rows": [
            {"index": 0, "kind": "headline", "paragraph": 0, "cells": [
                _base("a1", headline, None),
                {**_same("b2", b_title, None, "changed"), "diff": [
                    _seg("insert", "", XSS_SCRIPT), _seg("equal", " Minister ", " Minister "),
                    _seg("replace", "says", "claims"), _seg("equal", " talks will resume", " talks will resume")]},
                _same("c3", headline, None)]},
            {"index": 1, "kind": "sentence", "paragraph": 0, "cells": [
                _base("a1", s1, 0),
                {**_same("b2", b_s1, 0, "changed"), "diff": [
                    _seg("equal", "The minister ", "The minister "), _seg("replace", "said", "claimed"),
                    _seg("equal", " on Tuesday that talks would resume.", " on Tuesday that talks would resume.")]},
                {**_same("c3", c_s1, 0, "minor"), "diff": [
                    _seg("equal", "The ", "The "), _seg("replace", "minister", "Minister", True),
                    _seg("equal", " said on ", " said on "), _seg("replace", "Tuesday", "tuesday", True),
                    _seg("equal", " that talks would resume.", " that talks would resume.")]}]},
            {"index": 2, "kind": "sentence", "paragraph": 0, "cells": [
                _base("a1", s2, 0), _same("b2", s2, 0), _gap("c3")]},
            {"index": 3, "kind": "sentence", "paragraph": 1, "cells": [
                _base("a1", s3, 1), {**_same("b2", s3, 2, "moved"), "moved_from": {"paragraph": 2}},
                _same("c3", s3, 1)]},
            {"index": 4, "kind": "sentence", "paragraph": 2, "cells": [
                _base("a1", s4, 2), _same("b2", s4, 1), _same("c3", s4, 2)]},
            {"index": 5, "kind": "sentence", "paragraph": None, "cells": [
                _gap("a1"), {**_same("b2", added, 3, "added"), "diff": [_seg("insert", "", added)]}, _gap("c3")]},
        ],
        "edits": [
            {"kind": "headline_changed", "version": "b2", "before": headline, "after": b_title, "span": None,
             "label": "headline rewritten", "row": 0},
            {"kind": "attribution_verb", "version": "b2", "before": "said", "after": "claimed", "span": [13, 20],
             "label": "'said' became 'claimed'", "row": 1},
            {"kind": "paragraph_moved", "version": "b2", "before": s3, "after": s3, "span": None,
             "label": "paragraph 2 moved to 3", "row": 3},
            {"kind": "paragraph_added", "version": "b2", "before": "", "after": added, "span": None,
             "label": XSS_BREAKOUT, "row": 5},
            {"kind": "minor", "version": "c3", "before": "minister", "after": "Minister", "span": [4, 12],
             "label": "case changed", "row": 1},
            {"kind": "paragraph_dropped", "version": "c3", "before": s2, "after": "", "span": [0, 0],
             "label": "sentence dropped", "row": 2},
        ],
        "summary": [f"Daily {RLO}Meridian writes 'claimed' where the base writes 'said'.", XSS_BREAKOUT],
    }


def identical_document() -> dict:
    """Two identical versions under a path-like cluster id; no similarity or distinctive terms."""
    text = "Rain is expected on Sunday."
    return {
        "cluster": "../../etc/passwd", "base": "x1", "base_reason": "most complete (no dates)", "identical": True,
        "versions": [{"id": "x1", "source": "Alpha", "title": "Rain on Sunday", "published": None, "url": None,
                      "agencies": [], "text": text, "words": 5, "similarity_to_base": 1.0},
                     {"id": "x2", "source": "Beta", "title": "Rain on Sunday", "published": None, "url": None,
                      "agencies": [], "text": text, "words": 5, "similarity_to_base": 1.0}],
        "rows": [{"index": 0, "kind": "sentence", "paragraph": 0,
                  "cells": [_base("x1", text, 0), _same("x2", text, 0)]}],
        "edits": [],
    }


def singleton_document() -> dict:
    return {
        "cluster": "c00003", "base": "s1", "base_reason": "most complete (no dates)", "identical": True,
        "versions": [{"id": "s1", "source": "Gamma", "title": None, "published": None, "url": None,
                      "agencies": [], "text": "A lone story.\n\nSecond paragraph.", "words": 5}],
        "rows": [{"index": 0, "kind": "sentence", "paragraph": 0, "cells": [_base("s1", "A lone story.", 0)]}],
        "edits": [],
    }


def pair_document() -> dict:
    """Two versions, a slash in the id and markup in the headline."""
    return {
        "cluster": "a/b", "base": "p1", "base_reason": "earliest published", "identical": False,
        "versions": [{"id": "p1", "source": "Zeta", "title": XSS_IMG, "published": "2024-02-01", "url": None,
                      "agencies": [], "text": "One. Two.", "words": 2, "similarity_to_base": 1.0},
                     {"id": "p2", "source": "Eta", "title": XSS_IMG, "published": "2024-02-02", "url": None,
                      "agencies": [], "text": "One. Three.", "words": 2, "similarity_to_base": 0.5}],
        "similarity": [[1.0, 0.5], [0.5, 1.0]],
        "rows": [{"index": 0, "kind": "sentence", "paragraph": 0, "cells": [
            _base("p1", "One. Two.", 0),
            {**_same("p2", "One. Three.", 0, "changed"),
             "diff": [_seg("equal", "One. ", "One. "), _seg("replace", "Two", "Three"), _seg("equal", ".", ".")]}]}],
        "edits": [{"kind": "wording_changed", "version": "p2", "before": "Two", "after": "Three",
                   "span": [5, 10], "label": "'Two' became 'Three'", "row": 0}],
        "summary": ["Eta writes 'Three' where the base writes 'Two'."],
    }


def sample_documents() -> list[dict]:
    return [story_document(), identical_document(), singleton_document(), pair_document()]


# --- helpers ------------------------------------------------------------------------------------

@pytest.fixture
def report(tmp_path: Path) -> Path:
    out = tmp_path / "report"
    write_report(out, sample_documents(), RUN_INFO)
    return out


def html_files(out: Path) -> list[Path]:
    return sorted(out.rglob("*.html"))


def page_of(out: Path, cluster_id: str) -> str:
    return (out / "clusters" / f"{safe_name(cluster_id)}.html").read_text(encoding="utf-8")


class _Tags(HTMLParser):
    """Collects attributes of every tag and, for text, whether it sits inside a bidi isolate."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "rect", "circle", "line"}

    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.stack: list[tuple[str, dict]] = []
        self.unisolated: list[str] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append((tag, dict(attrs)))

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        isolated = any(t == "bdi" or "dir" in a for t, a in self.stack)
        in_svg_text = any(t in ("text", "title") for t, a in self.stack)
        if in_svg_text and RLO in data:  # SVG has no <bdi>: the label is wrapped in FSI … PDI
            isolated = "\u2068" in data[:data.index(RLO)] and "\u2069" in data[data.index(RLO):]
        if RLO in data and not isolated:
            self.unisolated.append(data)


def parse(html: str) -> _Tags:
    parser = _Tags()
    parser.feed(html)
    return parser


# --- files --------------------------------------------------------------------------------------

def test_report_writes_index_and_a_page_and_json_per_cluster(report):
    docs = sample_documents()
    assert (report / "index.html").is_file()
    for doc in docs:
        name = safe_name(doc["cluster"])
        assert (report / "clusters" / f"{name}.html").is_file()
        data = (report / "clusters" / f"{name}.json").read_text(encoding="utf-8")
        assert data == json.dumps(doc, ensure_ascii=False)
    files = {p.relative_to(report).as_posix() for p in report.rglob("*") if p.is_file()}
    assert len(files) == 1 + 2 * len(docs)
    assert all(not name.startswith(".") for name in files)  # no temporary files left behind


def test_path_like_cluster_ids_stay_inside_the_clusters_folder(report, tmp_path):
    clusters = (report / "clusters").resolve()
    for path in report.rglob("*"):
        if path.is_file() and path.name != "index.html":
            assert path.resolve().parent == clusters
    assert not (tmp_path / "etc").exists()
    assert [p.name for p in tmp_path.iterdir()] == ["report"]


def test_safe_name_keeps_plain_ids_and_sanitises_the_rest():
    assert safe_name("c00001") == "c00001"
    assert safe_name("story-1_v2.x") == "story-1_v2.x"
    for hostile in ("../x", "a/b", "..", ".hidden", "a\\b", "", "x" * 300, "é", "a b", "nul\x00"):
        name = safe_name(hostile)
        assert re.fullmatch(r"[A-Za-z0-9._-]{1,100}", name), hostile
        assert not name.startswith(".")
    assert safe_name("a/b") != safe_name("a_b") and safe_name("a/b") != safe_name("a:b")
    assert safe_name("x" * 300) != safe_name("x" * 301)


def test_web_url_accepts_only_absolute_http_links():
    assert web_url("https://example.com/a") == "https://example.com/a"
    assert web_url("HTTP://example.com") == "HTTP://example.com"
    for bad in ("javascript:alert(1)", " javascript:alert(1)", "java\tscript:alert(1)", "JAVASCRIPT:x",
                "data:text/html,<script>", "/etc/passwd", "//evil.example/x", "https:", None, 3):
        assert web_url(bad) is None, bad


def test_missing_parent_directory_is_an_input_error(tmp_path):
    with pytest.raises(InputError, match="missing"):
        write_report(tmp_path / "missing" / "report", sample_documents(), RUN_INFO)


def test_duplicate_cluster_ids_are_an_input_error(tmp_path):
    with pytest.raises(InputError, match="twice"):
        write_report(tmp_path / "r", [pair_document(), pair_document()], RUN_INFO)


def test_progress_advances_once_per_cluster(tmp_path):
    calls = []

    class Task:
        def advance(self, n=1):
            calls.append(("advance", n))

        def close(self):
            calls.append(("close",))

    class Progress:
        def task(self, description, total=None):
            calls.append(("task", description, total))
            return Task()

    write_report(tmp_path / "r", sample_documents(), RUN_INFO, progress=Progress())
    assert calls == [("task", "report", 4)] + [("advance", 1)] * 4 + [("close",)]


def test_output_is_byte_identical_between_runs(tmp_path):
    first, second = tmp_path / "one", tmp_path / "two"
    write_report(first, sample_documents(), RUN_INFO)
    write_report(second, iter(sample_documents()), RUN_INFO)  # a generator gives the same output
    write_report(first, sample_documents(), RUN_INFO)  # and so does writing over a report
    names = sorted(p.relative_to(first) for p in first.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(second) for p in second.rglob("*") if p.is_file())
    for name in names:
        assert (first / name).read_bytes() == (second / name).read_bytes(), name


# --- security -----------------------------------------------------------------------------------

def test_hostile_strings_are_escaped_everywhere(report):
    for path in html_files(report):
        html = path.read_text(encoding="utf-8")
        assert "<script>alert" not in html, path
        assert "<img" not in html, path
        assert html.count("<script") == 1 and html.count("</script>") == 1, path  # only our own
        assert "onerror=" not in "".join(f"{k}=" for _, attrs in parse(html).tags for k in attrs)
    story = page_of(report, "c00001")
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in story
    assert "&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;" in story
    assert "&#34;&gt;&lt;img src=x onerror=alert(1)&gt;" in (report / "index.html").read_text(encoding="utf-8")


def test_every_page_has_a_csp_that_allows_only_its_own_script(report):
    for path in html_files(report):
        html = path.read_text(encoding="utf-8")
        metas = [a for t, a in parse(html).tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        assert len(metas) == 1, path
        policy = metas[0]["content"]
        for directive in ("default-src 'none'", "base-uri 'none'", "form-action 'none'", "img-src data:"):
            assert directive in policy
        script = re.search(r"<script>(.*?)</script>", html, re.S).group(1)
        digest = base64.b64encode(hashlib.sha256(script.encode()).digest()).decode()
        assert f"script-src 'sha256-{digest}'" in policy
        assert html.index("Content-Security-Policy") < html.index("<script")


def test_pages_reference_nothing_on_the_network_but_article_links(report):
    for path in html_files(report):
        html = path.read_text(encoding="utf-8")
        for tag, attrs in parse(html).tags:
            for key in ("src", "href", "action", "srcset", "poster", "data", "xlink:href"):
                value = attrs.get(key)
                if value is None:
                    continue
                if re.match(r"[a-z][a-z0-9+.-]*:", value, re.I) or value.startswith("//"):
                    assert tag == "a" and key == "href" and value in ARTICLE_URLS, (path, tag, value)
        stripped = html
        for url in ARTICLE_URLS:
            stripped = stripped.replace(url, "")
        assert "http://" not in stripped and "https://" not in stripped, path
        assert "@import" not in html and "url(" not in html


def test_javascript_url_is_never_a_link(report):
    story = page_of(report, "c00001")
    hrefs = [a.get("href", "") for t, a in parse(story).tags if t == "a"]
    assert "https://example.com/a1" in hrefs and "http://nordpost.example/c3" in hrefs
    assert not any("javascript" in h.lower() for h in hrefs)
    assert "javascript:" not in story


def test_right_to_left_override_is_isolated_from_the_page(report):
    for path in html_files(report):
        assert parse(path.read_text(encoding="utf-8")).unisolated == [], path


# --- what the pages show ------------------------------------------------------------------------

def test_index_lists_every_cluster_with_a_link_to_its_page(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    links = [a["href"] for t, a in parse(index).tags if t == "a"]
    for doc in sample_documents():
        assert f"clusters/{safe_name(doc['cluster'])}.html" in links
    assert index.count('<tr data-size="') == 4
    assert "../../etc/passwd" in index and "dedupe 0.1.0" in index and "corpora/sample/articles.jsonl" in index


def test_index_row_shows_size_divergence_and_framing_edits(report):
    index = (report / "index.html").read_text(encoding="utf-8")
    row = re.search(r'<tr data-size="3".*?</tr>', index, re.S).group(0)
    assert 'data-sort="0.1500"' in row and "0.15" in row  # 1 − mean(0.8, 0.9)
    assert '<td class="num" data-sort="5">5</td>' in row  # six edits, one minor
    assert "2024-03-01 09:00 UTC" in row
    singleton = re.search(r'<tr data-size="1".*?</tr>', index, re.S).group(0)
    assert "(no headline)" in singleton and "unknown" in singleton


def test_cluster_page_shows_summary_headline_and_synoptic_rows(report):
    story = page_of(report, "c00001")
    assert story.index("Framing summary") < story.index("Headline and lead") < story.index("Side by side")
    table = re.search(r'<table class="synoptic.*?</table>', story, re.S).group(0)
    assert len(re.findall(r"<tr id=\"row-", table)) == 6
    assert "<del>said</del><ins>claimed</ins>" in table
    assert '<del class="minor">minister</del><ins class="minor">Minister</ins>' in table
    assert "↕ moved from ¶3" in table
    assert "not in this version" in table and "—" in table
    assert "added by <bdi>Daily" in table
    assert 'class="sentence minor-only"' not in table  # row 1 has a real change too


def test_cluster_page_lists_edits_by_version_with_kind_badges(report):
    story = page_of(report, "c00001")
    edits = story[story.index("Edits by version"):story.index("Similarity between versions")]
    assert edits.index("Meridian") < edits.index("NordPost")
    assert '<span class="badge kind">attribution verb</span>' in edits
    assert '<li class="edit minor">' in edits
    assert "<del>said</del> → <ins>claimed</ins>" in edits


def test_heatmap_has_a_cell_per_pair_with_value_and_tooltip(report):
    story = page_of(report, "c00001")
    svg = re.search(r'<svg class="heatmap".*?</svg>', story, re.S).group(0)
    assert svg.count("<rect") == 9
    assert svg.count("<title") == 10  # the chart's own title and one per cell
    assert ">0.75</text>" in svg and "xmlns" not in svg


def test_timeline_needs_two_dates(report):
    story = page_of(report, "c00001")
    assert '<svg class="timeline"' in story and "(+1 h 30 min)" in story
    assert "Publication dates are unknown" in page_of(report, "../../etc/passwd")


def test_singleton_and_identical_pages_say_there_is_nothing_to_compare(report):
    assert "Only one version: nothing to compare." in page_of(report, "c00003")
    identical = page_of(report, "../../etc/passwd")
    assert "All 2 versions are identical: nothing to compare" in identical
    assert "Side by side" not in identical


def test_documents_without_optional_fields_still_render(tmp_path):
    doc = pair_document()
    for key in ("similarity", "summary", "base_reason", "identical"):
        doc.pop(key)
    for version in doc["versions"]:
        for key in ("title", "published", "url", "agencies", "words", "similarity_to_base"):
            version.pop(key)
    write_report(tmp_path / "r", [doc], {})
    page = page_of(tmp_path / "r", "a/b")
    assert "Similarities were not recorded." in page and "(no headline)" in page


def test_malformed_optional_fields_do_not_stop_the_report(tmp_path):
    doc = {"cluster": 7, "versions": [{"id": "m1", "source": None, "distinctive": "x", "published": "yesterday",
                                       "url": 5, "agencies": None, "words": True},
                                      "not a version", {"id": "m2", "text": None}],
           "similarity": [[1.0, "x"], [None]], "summary": "one sentence", "edits": [{"kind": None}, 3],
           "rows": [{"cells": [{"version": "m1", "text": "Hi", "diff": "nope", "status": "<b>"}]}, "row"]}
    write_report(tmp_path / "r", [doc, {"cluster": "empty"}], {"options": "none", "corpus": "one.jsonl"})
    page = page_of(tmp_path / "r", "7")
    assert "Similarities were not recorded." in page and 'class="c s-other' in page
    assert "Only one version" in page_of(tmp_path / "r", "empty")


def test_rewriting_a_report_removes_pages_of_clusters_that_are_gone(tmp_path):
    out = tmp_path / "report"
    documents = sample_documents()
    write_report(out, documents, {})
    write_report(out, documents[:1], {})
    names = sorted(p.name for p in (out / "clusters").iterdir())
    assert names == sorted(f"{safe_name(documents[0]['cluster'])}{ext}" for ext in (".html", ".json"))
