"""Security of the report built from a hostile corpus by `dedupe run` and `dedupe report`:
titles, texts, outlet names, ids and urls are escaped in the HTML body, attributes and SVG
labels; no page carries data inside a <script>; a CSP forbids the network; file names derived
from ids cannot leave the report folder; and in a real browser nothing injected runs."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser
from importlib import resources
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli.main import app

runner = CliRunner()

ALERT = "<script>alert(1)</script>"
IMG = '"><img src=x onerror=alert(2)>'
BREAKOUT = "</script><script>alert(3)</script>"
SVG = '</text></svg><svg onload=alert(4)>'
ATTR = "' onmouseover='alert(5)"
NETWORK = '<img src="http://127.0.0.1:9/beacon"><link rel=stylesheet href="https://evil.example/x.css">'
RLO = "\u202e"
JS_URL = "javascript:alert(6)"
HOSTILE = [ALERT, IMG, BREAKOUT, SVG, ATTR, NETWORK]
# Set window.__pwned or open a dialog if any of them ever runs.
PWN = ["<script>window.__pwned = 1</script>", '<img src=x onerror="window.__pwned = 2">',
       '</script><script>window.__pwned = 3</script>', '<svg onload="window.__pwned = 4"></svg>',
       "\"><iframe srcdoc=\"<script>parent.__pwned = 5</script>\"></iframe>"]
BODY = ("The harbour authority said on Monday that the container terminal would close for three weeks "
        "while engineers repair the storm damage to its northern quay, diverting ships to the river port. "
        "Officials said the closure would cost the regional economy several million euros.\n\n"
        "Dock workers said they had warned about the state of the quay for years, and a union leader called "
        "the closure a scandal that could have been avoided with modest spending on maintenance.\n\n"
        "The authority said repairs would begin next week and that the terminal would reopen in April.\n\n"
        "Shipping companies said they were rerouting vessels to the river port, where cranes and berths are smaller, "
        "and warned customers that deliveries of grain and timber could be delayed by several days.\n\n"
        "The regional government said it would ask the national transport ministry for emergency funds and "
        "promised an independent inquiry into why the quay had been allowed to decay for so long.")


def hostile_corpus(path: Path) -> Path:
    """One story in four versions whose every field is hostile; two share an outlet, so ids show too."""
    records = [
        {"id": "../../etc/passwd", "source": IMG, "url": JS_URL, "published": "2024-03-01T10:00:00Z",
         "title": f"{ALERT} Harbour closes", "text": BODY},
        {"id": IMG, "source": f"{RLO}Daily {ALERT}", "url": " java\tscript:alert(7)", "published": "2024-03-01T12:00:00Z",
         "title": f"{BREAKOUT} Harbour shut", "text": BODY.replace("said on Monday", "claimed on Monday")
         + f"\n\n{IMG} {SVG}"},
        {"id": "a/b\\c", "source": SVG, "url": "https://ok.example/story?a=1&b=\"2\"", "published": "2024-03-01T13:00:00Z",
         "title": f"Harbour {RLO}evil {ATTR}", "text": BODY + f"\n\n{BREAKOUT} {NETWORK}"},
        {"id": f"{RLO}{ATTR}", "source": SVG, "url": "data:text/html,<script>alert(8)</script>",
         "published": "2024-03-01T14:30:00Z", "title": " ".join(PWN), "text": BODY + "\n\n" + " ".join(PWN)},
    ]
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


class Page(HTMLParser):
    """Tags with their attributes, text with the tags around it, and script contents."""

    VOID = {"meta", "link", "input", "br", "img", "hr", "rect", "circle", "line", "path", "col", "wbr", "source"}

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict[str, str | None]]] = []
        self.texts: list[tuple[tuple[str, ...], str]] = []
        self.scripts: list[str] = []
        self.stack: list[str] = []
        self.feed(html)
        self.close()

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))
        if tag not in self.VOID:
            self.stack.append(tag)

    def handle_startendtag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))

    def handle_endtag(self, tag):
        if tag in self.stack:
            while self.stack.pop() != tag:
                pass

    def handle_data(self, data):
        if self.stack and self.stack[-1] == "script":
            self.scripts.append(data)
        self.texts.append((tuple(self.stack), data))

    def text(self, inside: str | None = None) -> str:
        return "".join(d for stack, d in self.texts if inside is None or inside in stack)

    def attribute_values(self) -> list[str]:
        return [v for _, attrs in self.tags for v in attrs.values() if v]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    out = folder / "report"
    result = runner.invoke(app, ["run", str(hostile_corpus(folder / "hostile.jsonl")), "-o", str(out),
                                 "--workers", "1", "-q"])
    assert result.exit_code == 0, result.output
    return out


def pages(report: Path) -> dict[str, Page]:
    return {p.relative_to(report).as_posix(): Page(p.read_text(encoding="utf-8")) for p in sorted(report.rglob("*.html"))}


def story_page(report: Path) -> Page:
    clusters = [json.loads(line) for line in (report / "clusters.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [c["size"] for c in clusters] == [4], "the hostile versions must make one story"
    return Page((report / "clusters" / f"{clusters[0]['id']}.html").read_text(encoding="utf-8"))


def test_hostile_text_reaches_the_page_only_as_text(report):
    story = story_page(report)
    shown = story.text()
    for hostile in [*HOSTILE, *PWN]:
        assert hostile in shown, hostile  # escaped in the source, so the parser hands it back as text
    assert RLO + "Daily " + ALERT in shown
    index = Page((report / "index.html").read_text(encoding="utf-8"))
    assert f"{ALERT} Harbour closes" in index.text("td")


def test_no_element_or_event_handler_is_injected(report):
    for name, page in pages(report).items():
        tags = {tag for tag, _ in page.tags}
        assert not tags & {"img", "iframe", "object", "embed", "link", "base", "form", "frame"}, name
        assert [t for t, _ in page.tags].count("script") == 1, name
        handlers = [(tag, key) for tag, attrs in page.tags for key in attrs if key.startswith("on")]
        assert handlers == [], name
        assert all(not key.startswith(("srcdoc", "formaction")) for _, attrs in page.tags for key in attrs)


def test_hostile_strings_in_attributes_stay_inside_their_value(report):
    story = story_page(report)
    labels = [attrs["data-label"] for tag, attrs in story.tags if "data-label" in attrs]
    assert IMG in labels and f"{RLO}Daily {ALERT}" in labels and any(SVG in label for label in labels)
    index = Page((report / "index.html").read_text(encoding="utf-8"))
    search = [attrs["data-search"] for tag, attrs in index.tags if "data-search" in attrs]
    assert len(search) == 1 and ALERT.casefold() in search[0] and IMG.casefold() in search[0]
    for value in story.attribute_values() + index.attribute_values():
        # an attribute that broke out would have left its quote behind and started a new one
        assert not re.search(r"""^\s*(on\w+|src|href)\s*=""", value, re.I)


def test_only_the_reports_own_script_is_on_a_page_and_no_data_is_inlined_in_it(report):
    own = {resources.files("dedupe.report").joinpath("static", name).read_text(encoding="utf-8")
           for name in ("index.js", "cluster.js")}
    for name, page in pages(report).items():
        assert len(page.scripts) == 1 and page.scripts[0] in own, name
        scripts = [attrs for tag, attrs in page.tags if tag == "script"]
        assert scripts == [{}], name  # no src, no type=application/json data island
        for marker in ("alert(", "__pwned", "etc/passwd", "harbour"):
            assert marker not in page.scripts[0].lower()


def test_csp_forbids_the_network_and_allows_only_the_pages_own_script(report):
    for name, page in pages(report).items():
        (policy,) = [a["content"] for t, a in page.tags if t == "meta" and a.get("http-equiv") == "Content-Security-Policy"]
        directives = dict(d.strip().split(" ", 1) for d in policy.split(";") if d.strip())
        assert directives["default-src"] == "'none'", name
        digest = base64.b64encode(hashlib.sha256(page.scripts[0].encode("utf-8")).digest()).decode()
        assert directives["script-src"] == f"'sha256-{digest}'"
        for directive in ("connect-src", "frame-src", "font-src", "media-src", "object-src", "child-src"):
            assert directive not in directives  # falls back to default-src 'none'
        assert "http" not in policy and "*" not in policy and "'unsafe-eval'" not in policy
        assert directives["img-src"] == "data:" and directives["base-uri"] == "'none'"


def test_only_absolute_http_urls_become_links(report):
    story = story_page(report)
    hrefs = [attrs.get("href") or "" for tag, attrs in story.tags if tag == "a"]
    external = [h for h in hrefs if re.match(r"[a-z][a-z0-9+.-]*:", h, re.I)]
    assert external == ['https://ok.example/story?a=1&b="2"']
    assert all(h.startswith(("#", "../", "c0")) for h in hrefs if h not in external), hrefs
    raw = next((report / "clusters").glob("*.html")).read_text(encoding="utf-8")
    assert "javascript:" not in raw and "data:text/html" not in raw


def test_svg_labels_are_escaped_and_right_to_left_overrides_isolated(report):
    story = story_page(report)
    svg_text = "".join(d for stack, d in story.texts if "svg" in stack)
    assert "img src=x onerror=alert(2)" in svg_text and "&lt;" not in svg_text
    for stack, data in story.texts:
        if RLO not in data:
            continue
        if "svg" in stack:  # SVG has no <bdi>: the label is wrapped in FSI ... PDI
            before, after = data.split(RLO, 1)
            assert "\u2068" in before and "\u2069" in after, data
        else:
            assert "bdi" in stack or "li" in stack or "td" in stack or "h1" in stack or "h2" in stack, (stack, data)


def test_comparison_documents_keep_hostile_strings_exactly(report):
    (document,) = [json.loads(p.read_text(encoding="utf-8")) for p in (report / "clusters").glob("*.json")]
    versions = {v["id"]: v for v in document["versions"]}
    assert set(versions) == {"../../etc/passwd", IMG, "a/b\\c", f"{RLO}{ATTR}"}
    assert versions[IMG]["source"] == f"{RLO}Daily {ALERT}"
    assert versions["../../etc/passwd"]["title"] == f"{ALERT} Harbour closes"


def test_file_names_from_hostile_cluster_ids_stay_inside_the_clusters_folder(tmp_path):
    corpus = hostile_corpus(tmp_path / "hostile.jsonl")
    members = ["../../etc/passwd", IMG, "a/b\\c"]
    ids = ["../../../outside", "/tmp/absolute", "..", ".hidden", "a\\..\\..\\win", "CON", ALERT, "x" * 300, "\x00nul"]
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text("".join(json.dumps({"id": i, "members": members}) + "\n" for i in ids), encoding="utf-8")
    out = tmp_path / "deep" / "report"
    out.parent.mkdir()
    before = set(tmp_path.rglob("*"))
    result = runner.invoke(app, ["report", str(corpus), "--clusters", str(clusters), "-o", str(out), "--workers", "1"])
    assert result.exit_code == 0, result.output
    written = set(tmp_path.rglob("*")) - before
    assert all(p == out or out in p.parents for p in written), sorted(map(str, written))
    names = sorted(p.name for p in (out / "clusters").iterdir())
    assert len(names) == 2 * len(ids)
    assert all(re.fullmatch(r"[A-Za-z0-9_-][A-Za-z0-9._-]{0,99}\.(html|json)", n) for n in names), names
    index = Page((out / "index.html").read_text(encoding="utf-8"))
    links = [a["href"] for t, a in index.tags if t == "a" and a.get("href", "").startswith("clusters/")]
    assert sorted(links) == sorted(f"clusters/{n}" for n in names if n.endswith(".html"))
    assert ALERT in index.text("td") and "../../../outside" in index.text("td")


# --- in a real browser ----------------------------------------------------------------------------

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed")
    if not CHROMIUM.exists():
        pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)")
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


def test_hostile_report_runs_nothing_and_requests_nothing_in_the_browser(report, browser):
    context = browser.new_context()
    page = context.new_page()
    requests, dialogs, errors, violations = [], [], [], []
    page.on("request", lambda request: requests.append(request.url))
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("console", lambda message: violations.append(message.text) if "Content Security Policy" in message.text
            else None)
    try:
        for path in sorted(report.rglob("*.html")):
            page.goto(path.as_uri())
            page.wait_for_load_state("load")
            assert page.evaluate("typeof window.__pwned") == "undefined", path
            assert page.locator("img, iframe, object, embed").count() == 0
            page.mouse.move(5, 5)
            for cell in page.locator("[data-label], td, li").all()[:60]:
                cell.hover(timeout=2000)  # an onmouseover that broke out of its attribute would fire
            if path.name != "index.html":
                body = page.inner_text("body")
                assert ALERT in body and IMG in body and PWN[0] in body
                assert page.eval_on_selector_all("a[href]", "links => links.map(a => a.protocol)") \
                    and all(p in ("file:", "https:") for p in page.eval_on_selector_all(
                        "a[href]", "links => links.map(a => a.protocol)"))
        page.wait_for_timeout(200)  # a late onerror or timer would have fired by now
        assert page.evaluate("typeof window.__pwned") == "undefined"
    finally:
        context.close()
    assert dialogs == [] and errors == []
    assert requests and all(url.startswith("file://") for url in requests), requests
    assert violations == [], violations  # nothing even tried to load or run against the policy
