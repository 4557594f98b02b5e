"""The report in a real browser (Chromium via Playwright): sorting, filtering, the minor-edit
switch, no network, and hostile text shown as text without running."""

from __future__ import annotations

from pathlib import Path

import pytest

try:
    from playwright.sync_api import sync_playwright
except ImportError:  # pragma: no cover - depends on the environment
    pytest.skip("playwright is not installed", allow_module_level=True)

from test_report import RUN_INFO, XSS_SCRIPT, sample_documents, story_document

from dedupe.report import safe_name, write_report

CHROMIUM = Path("/usr/bin/chromium")
if not CHROMIUM.exists():
    pytest.skip(f"{CHROMIUM} is missing (apt-get install chromium)", allow_module_level=True)

ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync"]
PWN = ["<script>window.__pwned = 1</script>", "<img src=x onerror=\"window.__pwned = 2\">",
       "<svg onload=\"window.__pwned = 3\"></svg>", "</script><script>window.__pwned = 4</script>"]


@pytest.fixture(scope="module")
def report(tmp_path_factory) -> Path:
    docs = sample_documents()
    story = docs[0]
    story["summary"] = [*story["summary"], *PWN]
    story["versions"][2]["source"] = PWN[1]
    story["rows"][4]["cells"][2]["text"] = PWN[0]
    story["rows"][4]["cells"][2]["diff"][0]["after"] = PWN[0]
    out = tmp_path_factory.mktemp("browser") / "report"
    write_report(out, docs, RUN_INFO)
    return out


@pytest.fixture(scope="module")
def browser():
    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield chromium
        chromium.close()


class Watched:
    """A page whose requests and dialogs are recorded."""

    def __init__(self, browser, javascript: bool = True) -> None:
        self.context = browser.new_context(java_script_enabled=javascript)
        self.page = self.context.new_page()
        self.requests: list[str] = []
        self.dialogs: list[str] = []
        self.errors: list[str] = []
        self.page.on("request", lambda request: self.requests.append(request.url))
        self.page.on("dialog", self._dialog)
        self.page.on("pageerror", lambda error: self.errors.append(str(error)))

    def _dialog(self, dialog) -> None:
        self.dialogs.append(dialog.message)
        dialog.dismiss()

    def open(self, path: Path):
        self.page.goto(path.as_uri())
        return self.page

    def check_clean(self) -> None:
        assert self.requests and all(url.startswith("file://") for url in self.requests), self.requests
        assert self.dialogs == []
        assert self.errors == []
        assert self.page.evaluate("typeof window.__pwned") == "undefined"


@pytest.fixture
def watched(browser):
    watched = Watched(browser)
    yield watched
    watched.check_clean()
    watched.context.close()


def cluster_path(report: Path, cluster_id: str) -> Path:
    return report / "clusters" / f"{safe_name(cluster_id)}.html"


def visible_ids(page) -> list[str]:
    return page.eval_on_selector_all(
        "#clusters tbody tr", "rows => rows.filter(r => !r.hidden).map(r => r.cells[0].textContent.trim())")


def column(page, index: int) -> list[str]:
    return page.eval_on_selector_all(
        "#clusters tbody tr", f"rows => rows.map(r => r.cells[{index}].textContent.trim())")


def test_synoptic_table_has_one_row_per_alignment_row(report, watched):
    page = watched.open(cluster_path(report, "c00001"))
    assert page.locator("#synoptic tbody tr").count() == len(story_document()["rows"])
    assert page.locator("#synoptic thead th").count() == 1 + 3


def test_clicking_a_header_sorts_the_index_numerically(report, watched):
    page = watched.open(report / "index.html")
    assert column(page, 0) == ["c00001", "../../etc/passwd", "c00003", "a/b"]
    size = page.get_by_role("button", name="Size")
    size.click()
    assert column(page, 1) == ["1", "2", "2", "3"]
    assert page.locator("th", has=size).get_attribute("aria-sort") == "ascending"
    size.click()
    assert column(page, 1) == ["3", "2", "2", "1"]
    divergence = page.get_by_role("button", name="Divergence")
    divergence.focus()
    page.keyboard.press("Enter")  # a real button: the keyboard sorts too
    assert column(page, 0) == ["../../etc/passwd", "c00001", "a/b", "c00003"]  # empty value last


def test_filter_box_and_singleton_switch_filter_the_index(report, watched):
    page = watched.open(report / "index.html")
    page.fill("#filter", "wire daily")
    assert visible_ids(page) == ["c00001"]
    page.fill("#filter", "RAIN sunday")
    assert visible_ids(page) == ["../../etc/passwd"]
    page.fill("#filter", "a/b")
    assert visible_ids(page) == ["a/b"]
    page.fill("#filter", "ZETA")
    assert visible_ids(page) == ["a/b"]
    page.fill("#filter", "")
    page.check("#hide-singletons")
    assert "c00003" not in visible_ids(page) and len(visible_ids(page)) == 3
    assert page.locator("#filter-status").inner_text() == "3 of 4 clusters shown"


def test_hide_minor_switch_hides_minor_highlighting(report, watched):
    page = watched.open(cluster_path(report, "c00001"))
    deleted = page.locator("#synoptic del.minor").first
    inserted = page.locator("#synoptic ins.minor").first
    minor_edit = page.locator("li.edit.minor").first
    underline = "el => getComputedStyle(el).textDecorationLine"
    assert deleted.is_visible() and minor_edit.is_visible()
    assert inserted.evaluate(underline) == "underline"
    page.check("#hide-minor")
    assert not deleted.is_visible() and not minor_edit.is_visible()
    assert inserted.is_visible() and inserted.evaluate(underline) == "none"
    assert page.locator("#synoptic del:not(.minor)").first.is_visible()  # real edits stay marked
    page.uncheck("#hide-minor")
    assert deleted.is_visible()


def test_hostile_text_is_shown_as_text_and_never_runs(report, watched):
    for path in (report / "index.html", cluster_path(report, "c00001")):
        page = watched.open(path)
        text = page.inner_text("body")
        if path.name != "index.html":
            assert XSS_SCRIPT in text
            for hostile in PWN:
                assert hostile in text
        assert page.locator("img").count() == 0
        assert page.locator("main script, main svg[onload]").count() == 0
        assert page.evaluate("typeof window.__pwned") == "undefined"


def test_javascript_url_is_not_a_link_in_the_browser(report, watched):
    page = watched.open(cluster_path(report, "c00001"))
    hrefs = page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)")
    assert "https://example.com/a1" in hrefs
    assert all(h.startswith(("file://", "https://example.com/", "http://nordpost.example/")) for h in hrefs)


def test_every_page_loads_without_network_requests(report, watched):
    for path in sorted(report.rglob("*.html")):
        watched.open(path)
    assert len(watched.requests) == len(list(report.rglob("*.html")))


def test_index_shows_the_full_table_without_javascript(report, browser):
    watched = Watched(browser, javascript=False)
    page = watched.open(report / "index.html")
    assert page.locator("#clusters tbody tr:visible").count() == 4
    assert not page.locator("#controls").is_visible()
    story = watched.open(cluster_path(report, "c00001"))
    assert story.locator("#synoptic tbody tr:visible").count() == 6
    assert all(url.startswith("file://") for url in watched.requests)
    watched.context.close()
