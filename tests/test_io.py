"""Reading stage: every input format, its problems, and atomic writing."""

from __future__ import annotations

import gzip
import io
import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from dedupe.errors import InputError, ProblemLog
from dedupe.io import FieldMap, atomic_write, parse_date, read_articles, write_jsonl, write_parquet
from dedupe.model import Article

REUTERS_DEV = (Path(__file__).resolve().parents[1].parent
               / "shared/corpora/reuters21578/reuters21578-dev.jsonl")

UTC = timezone.utc
STORY = ("The central bank raised its main interest rate by half a point on Tuesday, "
         "its third increase this year, saying inflation was still too high.")


def read(*inputs: Path, **options) -> tuple[list[Article], ProblemLog]:
    problems = options.pop("problems", None) or ProblemLog()
    return list(read_articles(list(inputs), problems=problems, **options)), problems


def messages(problems: ProblemLog) -> list[str]:
    return [str(problem) for problem in problems.problems]


def write_lines(path: Path, *lines: str) -> Path:
    path.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return path


def jsonl(path: Path, *records: dict) -> Path:
    return write_lines(path, *(json.dumps(record) for record in records))


# --- JSON Lines and JSON ---------------------------------------------------------------

def test_jsonl_records_become_articles_with_all_fields(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl", {
        "id": "a1", "source": "AP", "title": " Rates rise ", "text": STORY,
        "url": "https://apnews.com/x", "published": "2026-03-14T09:12:00Z", "lang": "en",
        "section": "business"})
    (article,), problems = read(path)
    assert article == Article(id="a1", source="AP", text=STORY, title="Rates rise",
                              url="https://apnews.com/x",
                              published=datetime(2026, 3, 14, 9, 12, tzinfo=UTC), lang="en",
                              meta={"section": "business"})
    assert problems.count == 0


def test_malformed_jsonl_line_is_reported_with_line_and_skipped(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl",
                       json.dumps({"id": "a", "text": STORY}),
                       '{"id": "b", "text": "unterminated',
                       json.dumps({"id": "c", "text": STORY}))
    articles, problems = read(path)
    assert [a.id for a in articles] == ["a", "c"]
    (problem,) = problems.problems
    assert problem.where == f"{path}:2"
    assert problem.message.startswith("invalid JSON: Unterminated string")


def test_jsonl_line_that_is_not_an_object_is_reported(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", '["a list"]', json.dumps({"text": STORY}))
    articles, problems = read(path)
    assert len(articles) == 1
    assert messages(problems) == [f"{path}:1: expected a JSON object, got an array"]


def test_blank_lines_crlf_and_bom_are_handled(tmp_path):
    path = tmp_path / "wire.jsonl"
    body = '\ufeff{"id": "a", "text": "one"}\r\n\r\n   \r\n{"id": "b", "text": "two"}\r\n'
    path.write_bytes(body.encode("utf-8"))
    articles, problems = read(path)
    assert [(a.id, a.text) for a in articles] == [("a", "one"), ("b", "two")]
    assert problems.count == 0


def test_truncated_last_line_is_just_a_malformed_line(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_text(json.dumps({"id": "a", "text": STORY}) + '\n{"id": "b", "te', "utf-8")
    articles, problems = read(path)
    assert [a.id for a in articles] == ["a"]
    assert [p.where for p in problems.problems] == [f"{path}:2"]


def test_strict_mode_makes_first_bad_line_fatal(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", json.dumps({"id": "a", "text": STORY}),
                       "not json", "also not json")
    seen = []
    with pytest.raises(InputError, match=rf"{path}:2: invalid JSON"):
        for article in read_articles([path], problems=ProblemLog(strict=True)):
            seen.append(article.id)
    assert seen == ["a"]


def test_empty_text_is_skipped_unless_there_is_a_title(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl",
                 {"id": "brief", "title": "OIL PRICES FALL", "text": ""},
                 {"id": "nothing", "text": "  \n "},
                 {"id": "no-text-field"})
    articles, problems = read(path)
    assert [(a.id, a.text, a.title) for a in articles] == [("brief", "", "OIL PRICES FALL")]
    assert messages(problems) == [f"{path}:2: empty text", f"{path}:3: empty text"]


def test_nul_bytes_are_removed_from_text(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl", {"id": "a", "text": "Rates\u0000 rise"})
    (article,), _ = read(path)
    assert article.text == "Rates rise"


def test_json_array_file_is_read_with_record_numbers(tmp_path):
    path = tmp_path / "wire.json"
    path.write_text(json.dumps([{"text": STORY}, "oops", {"id": 7, "text": STORY}], indent=2))
    articles, problems = read(path)
    assert [a.id for a in articles] == ["wire.json:1", "7"]
    assert messages(problems) == [f"{path}: record 2: expected a JSON object, got a string"]


def test_json_file_with_one_object_per_line_is_read_as_jsonl(tmp_path):
    path = jsonl(tmp_path / "wire.json", {"id": "a", "text": STORY}, {"id": "b", "text": STORY})
    articles, problems = read(path)
    assert [a.id for a in articles] == ["a", "b"]
    assert problems.count == 0


def test_json_file_with_one_object_is_one_article_named_after_the_file(tmp_path):
    path = tmp_path / "story.json"
    path.write_text(json.dumps({"title": "Rates rise", "text": STORY}, indent=2))
    (article,), problems = read(path)
    assert (article.id, article.title, article.source) == ("story.json", "Rates rise", "story")
    assert problems.count == 0


def test_invalid_json_file_is_reported_with_its_line(tmp_path):
    path = tmp_path / "wire.json"
    path.write_text('[\n  {"text": "a"},\n  {"text": }\n]\n')
    articles, problems = read(path)
    assert articles == []
    assert messages(problems) == [f"{path}:3: invalid JSON: Expecting value (column 12)"]


def test_gzip_and_zstd_jsonl_read_like_plain(tmp_path):
    import zstandard

    records = [{"id": "a", "text": STORY, "title": "Zürich"}, {"id": "b", "text": "two"}]
    plain = jsonl(tmp_path / "plain.jsonl", *records)
    data = plain.read_bytes()
    (tmp_path / "wire.jsonl.gz").write_bytes(gzip.compress(data))
    (tmp_path / "wire.jsonl.zst").write_bytes(zstandard.ZstdCompressor().compress(data))
    (tmp_path / "mislabelled.jsonl").write_bytes(gzip.compress(data))  # sniffed by magic
    expected, _ = read(plain)
    for name in ["wire.jsonl.gz", "wire.jsonl.zst", "mislabelled.jsonl"]:
        articles, problems = read(tmp_path / name)
        assert [(a.id, a.text, a.title) for a in articles] == [
            (a.id, a.text, a.title) for a in expected], name
        assert problems.count == 0


def test_truncated_gzip_is_reported_after_its_readable_lines(tmp_path):
    lines = "".join(json.dumps({"id": f"a{i}", "text": STORY}) + "\n" for i in range(200))
    packed = gzip.compress(lines.encode())
    path = tmp_path / "wire.jsonl.gz"
    path.write_bytes(packed[: len(packed) - 20])
    articles, problems = read(path)
    assert 0 < len(articles) < 200
    assert problems.problems[-1].where == str(path)
    assert problems.problems[-1].message.startswith("cannot read:")


def test_latin1_line_is_read_and_reported(tmp_path):
    path = tmp_path / "wire.jsonl"
    path.write_bytes(json.dumps({"id": "a", "text": "ok"}).encode() + b"\n"
                     + '{"id": "b", "text": "Caf\xe9 \x93quoted\x94"}\n'.encode("latin-1"))
    articles, problems = read(path)
    assert articles[1].text == "Café \u201cquoted\u201d"  # bytes 0x93/0x94 are cp1252 quotes
    assert messages(problems) == [f"{path}:2: not valid UTF-8; read as Latin-1"]


# --- ids, sources, fields, dates -------------------------------------------------------

def test_missing_ids_get_stable_generated_ids(tmp_path):
    path = write_lines(tmp_path / "wire.jsonl", json.dumps({"text": "one"}), "",
                       json.dumps({"id": 42, "text": "two"}), json.dumps({"text": "three"}))
    articles, _ = read(path)
    assert [a.id for a in articles] == ["wire.jsonl:1", "42", "wire.jsonl:4"]
    again, _ = read(path)
    assert [a.id for a in again] == [a.id for a in articles]


def test_duplicate_id_is_reported_and_second_copy_skipped(tmp_path):
    first = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "first"})
    second = jsonl(tmp_path / "b.jsonl", {"id": "y", "text": "other"}, {"id": "x", "text": "copy"})
    articles, problems = read(first, second)
    assert [(a.id, a.text) for a in articles] == [("x", "first"), ("y", "other")]
    assert messages(problems) == [f"{second}:2: duplicate id 'x' (first seen at {first}:1)"]


def test_duplicate_ids_renamed_on_request(tmp_path):
    path = jsonl(tmp_path / "a.jsonl", {"id": "x", "text": "1"}, {"id": "x", "text": "2"},
                 {"id": "x~2", "text": "3"}, {"id": "x", "text": "4"})
    articles, problems = read(path, rename_duplicates=True)
    assert [a.id for a in articles] == ["x", "x~2", "x~2~2", "x~3"]
    assert problems.count == 0


def test_missing_source_falls_back_to_url_host_then_file_stem(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl.gz", {"text": "a", "url": "https://www.bbc.co.uk/n/1"},
                 {"text": "b", "link": "example.org/story"}, {"text": "c"},
                 {"text": "d", "outlet": "Le Monde"})
    path.write_bytes(gzip.compress(path.read_bytes()))
    articles, _ = read(path)
    assert [a.source for a in articles] == ["bbc.co.uk", "example.org", "wire", "Le Monde"]


def test_default_field_candidates_are_found_case_insensitively(tmp_path):
    path = jsonl(tmp_path / "feed.jsonl", {"guid": "g1", "Headline": "Rates rise",
                                           "Body": STORY, "publisher": "Reuters",
                                           "pubDate": "Tue, 03 Mar 2026 10:00:00 +0000",
                                           "language": "en"})
    (article,), problems = read(path)
    assert (article.id, article.title, article.text, article.source, article.lang) == (
        "g1", "Rates rise", STORY, "Reuters", "en")
    assert article.published == datetime(2026, 3, 3, 10, tzinfo=UTC)
    assert problems.count == 0


def test_field_mapping_uses_named_columns(tmp_path):
    path = jsonl(tmp_path / "feed.jsonl",
                 {"text": "decoy", "story": STORY, "key": "k1", "paper": "Daily",
                  "when": "14.03.2026"},
                 {"text": "has no story field", "key": "k2"})
    fields = FieldMap(id="key", text="story", source="paper", date="when", title="kicker")
    articles, problems = read(path, fields=fields)
    (article,) = articles
    assert (article.id, article.text, article.source, article.title) == ("k1", STORY, "Daily", None)
    assert article.published == datetime(2026, 3, 14, tzinfo=UTC)
    assert messages(problems) == [f"{path}:2: no text field 'story'"]


def test_invalid_date_is_reported_and_article_kept(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl", {"id": "a", "text": STORY, "date": "last Tuesday"})
    (article,), problems = read(path)
    assert article.published is None
    assert messages(problems) == [f"{path}:1: invalid date 'last Tuesday'"]


def test_reuters_date_format_is_parsed():
    assert parse_date("26-FEB-1987 15:01:01.79") == datetime(1987, 2, 26, 15, 1, 1, 790000,
                                                             tzinfo=UTC)
    assert parse_date("3-MAR-1987  09:15:05.40") == datetime(1987, 3, 3, 9, 15, 5, 400000,
                                                             tzinfo=UTC)
    assert parse_date("27-MAR-1987 00:02:59.13RM").date() == datetime(1987, 3, 27).date()


@pytest.mark.parametrize("value, expected", [
    ("2026-03-14T09:12:00Z", datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    ("2026-03-14T10:12:00+01:00", datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    ("2026-03-14", datetime(2026, 3, 14, tzinfo=UTC)),
    ("Tue, 03 Mar 2026 10:00:00 +0000", datetime(2026, 3, 3, 10, tzinfo=UTC)),
    ("Tue, 03 Mar 2026 05:00:00 -0500", datetime(2026, 3, 3, 10, tzinfo=UTC)),
    (1773479520, datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    (1773479520000, datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    ("1773479520", datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    (1773479520.5, datetime(2026, 3, 14, 9, 12, 0, 500000, tzinfo=UTC)),
    ("2026/03/14 09:12", datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
    ("14.03.2026", datetime(2026, 3, 14, tzinfo=UTC)),
    ("March 14, 2026", datetime(2026, 3, 14, tzinfo=UTC)),
    (datetime(2026, 3, 14, 9, 12), datetime(2026, 3, 14, 9, 12, tzinfo=UTC)),
])
def test_common_date_formats_parse_to_aware_datetimes(value, expected):
    parsed = parse_date(value)
    assert parsed == expected and parsed.tzinfo is not None


def test_offset_is_kept_and_naive_dates_are_utc():
    assert parse_date("2026-03-14T10:12:00+01:00").utcoffset() == timedelta(hours=1)
    assert parse_date("2026-03-14 09:12").tzinfo == UTC


@pytest.mark.parametrize("garbage", ["soon", "2026-13-45", "32.01.2026", True, [2026]])
def test_garbage_dates_raise_value_error(garbage):
    with pytest.raises(ValueError):
        parse_date(garbage)


def test_missing_and_blank_dates_are_none():
    assert parse_date(None) is None and parse_date("  ") is None


# --- CSV / TSV ---------------------------------------------------------------------------

def test_csv_with_quoted_multiline_text_is_read(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text('id,title,body,date\r\n'
                    '1,Rates rise,"First line,\r\nsecond ""quoted"" line",2026/03/14 09:12\r\n'
                    '2,,"' + STORY + '",\r\n', encoding="utf-8")
    articles, problems = read(path)
    assert [(a.id, a.title) for a in articles] == [("1", "Rates rise"), ("2", None)]
    assert articles[0].text == 'First line,\r\nsecond "quoted" line'
    assert articles[0].published == datetime(2026, 3, 14, 9, 12, tzinfo=UTC)
    assert articles[1].source == "papers" and problems.count == 0


def test_csv_row_with_too_few_fields_is_reported(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text('id,text,source\n1,"two\nlines",AP\n2,short\n3,ok,AFP,extra\n4,fine,AP\n')
    articles, problems = read(path)
    assert [a.id for a in articles] == ["1", "4"]
    assert messages(problems) == [f"{path}:4: expected 3 fields, got 2",
                                  f"{path}:5: expected 3 fields, got 4"]


def test_csv_rows_without_id_get_the_line_where_they_start(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_text('text\n"a\nb"\n\nc\n')
    articles, _ = read(path)
    assert [a.id for a in articles] == ["papers.csv:2", "papers.csv:5"]


def test_tsv_and_huge_csv_field_are_read(tmp_path):
    big = "word " * 100_000  # larger than the csv module's default field limit
    (tmp_path / "a.tsv").write_text(f"id\ttext\nt1\t{STORY}\n")
    (tmp_path / "b.csv").write_text(f"id,text\nc1,{big}\n")
    articles, problems = read(tmp_path / "a.tsv", tmp_path / "b.csv")
    assert [a.id for a in articles] == ["t1", "c1"] and len(articles[1].text) == len(big)
    assert problems.count == 0


def test_latin1_csv_line_is_read_and_reported(tmp_path):
    path = tmp_path / "papers.csv"
    path.write_bytes(b"id,text\n1,ok\n2,Caf\xe9\n")
    articles, problems = read(path)
    assert articles[1].text == "Café"
    assert messages(problems) == [f"{path}:3: not valid UTF-8; read as Latin-1"]


# --- Parquet ------------------------------------------------------------------------------

def test_parquet_streams_batches(tmp_path, monkeypatch):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    import dedupe.io.parquet as parquet_reader

    table = pa.table({
        "doc_id": pa.array([1, 2, 3, 4, 5]),
        "content": ["one", "two", "", "four", "five"],
        "published_at": pa.array([datetime(2026, 3, 14, 9, i) for i in range(5)],
                                 pa.timestamp("s")),
        "unused": ["x" * 1000] * 5,
    })
    path = tmp_path / "wire.parquet"
    pq.write_table(table, path, row_group_size=2)
    calls = []
    original = pq.ParquetFile.iter_batches

    def spy(self, *args, **kwargs):
        calls.append(kwargs)
        for batch in original(self, *args, **kwargs):
            calls.append(batch.num_rows)
            yield batch

    monkeypatch.setattr(pq.ParquetFile, "iter_batches", spy)
    monkeypatch.setattr(parquet_reader, "BATCH_ROWS", 2)
    articles, problems = read(path)
    assert [(a.id, a.text) for a in articles] == [("1", "one"), ("2", "two"), ("4", "four"),
                                                  ("5", "five")]
    assert articles[0].published == datetime(2026, 3, 14, 9, 0, tzinfo=UTC)
    assert articles[0].meta == {}
    assert messages(problems) == [f"{path}: record 3: empty text"]
    assert set(calls[0]["columns"]) == {"doc_id", "content", "published_at"}
    assert calls[1:] == [2, 2, 1]


def test_parquet_without_text_column_is_input_error_naming_columns(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "wire.parquet"
    pq.write_table(pa.table({"id": ["a"], "summary": ["s"]}), path)
    with pytest.raises(InputError, match=r"wire.parquet: no text column .*columns are: id, sum"):
        read(path)


def test_parquet_writer_round_trips_through_reader(tmp_path):
    pytest.importorskip("pyarrow")
    path = tmp_path / "out.parquet"
    assert write_parquet(path, [{"id": "a", "text": STORY}, {"id": "b", "text": "two"}]) == 2
    articles, _ = read(path)
    assert [a.id for a in articles] == ["a", "b"]


def test_missing_pyarrow_gives_install_hint(tmp_path, monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_pyarrow(name, *args, **kwargs):
        if name.startswith("pyarrow"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_pyarrow)
    path = tmp_path / "wire.parquet"
    path.write_bytes(b"PAR1")
    with pytest.raises(InputError, match=r"pip install 'news-dedupe\[parquet\]'"):
        read_articles([path], problems=ProblemLog())


# --- directories of files --------------------------------------------------------------

HTML_PAGE = """<!doctype html><html><head><title>Rates rise again</title>
<script>var tracking = 1;</script></head><body>
<header><nav><a href="/">Home</a> <a href="/world">World</a></nav></header>
<article><h1>Rates rise again</h1>
<p>{story}</p>
<p>Analysts had expected the move after data last week showed prices climbing faster than
wages for a sixth month in a row, squeezing household budgets across the country.</p>
<p>The bank said it would keep watching the figures closely and act again if needed.</p>
</article><footer>Copyright 2026 The Daily</footer></body></html>""".format(story=STORY)


def make_corpus_dir(root: Path) -> Path:
    (root / "ap").mkdir(parents=True)
    (root / "afp").mkdir()
    (root / ".git").mkdir()
    (root / "ap" / "story1.txt").write_text(f"Rates rise\n\n{STORY}\n")
    (root / "ap" / "story2.txt").write_text(f"{STORY}\nno title here\n")
    (root / "afp" / "page.html").write_text(HTML_PAGE)
    (root / "afp" / "item.json").write_text(json.dumps({"title": "From JSON", "text": STORY}))
    (root / "top.htm").write_text(HTML_PAGE.replace("<p>", "<p>Top: ", 1))
    (root / "notes.md").write_text("ignored")
    (root / ".hidden.txt").write_text("ignored")
    (root / ".git" / "config.txt").write_text("ignored")
    return root


def test_directory_of_txt_json_html_files(tmp_path):
    root = make_corpus_dir(tmp_path / "corpus")
    articles, problems = read(root)
    assert problems.count == 0
    assert [(a.id, a.source, a.title) for a in articles] == [
        ("afp/item.json", "afp", "From JSON"),
        ("afp/page.html", "afp", "Rates rise again"),
        ("ap/story1.txt", "ap", "Rates rise"),
        ("ap/story2.txt", "ap", None),
        ("top.htm", "corpus", "Rates rise again"),
    ]
    by_id = {a.id: a for a in articles}
    assert by_id["ap/story1.txt"].text.strip() == STORY
    assert by_id["ap/story2.txt"].text.startswith(STORY)
    page = by_id["afp/page.html"].text
    assert STORY in page and "tracking" not in page and "Home" not in page
    assert "Copyright" not in page


def test_html_fallback_parser_without_trafilatura(tmp_path, monkeypatch):
    import dedupe.io.html as html

    monkeypatch.setattr(html, "trafilatura_extract", lambda *args, **kwargs: None)
    path = tmp_path / "page.html"
    path.write_text(HTML_PAGE)
    (article,), _ = read(path)
    assert article.title == "Rates rise again"
    assert article.text.split("\n\n")[0] == STORY
    assert len(article.text.split("\n\n")) == 3


def test_unreadable_file_in_directory_is_reported_and_skipped(tmp_path, monkeypatch):
    import dedupe.io.files as files

    root = tmp_path / "corpus"
    root.mkdir()
    (root / "a.txt").write_text("readable")
    (root / "b.txt").write_text("locked")
    real_open = files.open_binary

    def deny_b(path):
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(files, "open_binary", deny_b)
    articles, problems = read(root)
    assert [a.id for a in articles] == ["a.txt"]
    assert messages(problems) == [f"{root / 'b.txt'}: cannot read: Permission denied"]


def test_directory_without_supported_files_is_a_problem(tmp_path):
    (tmp_path / "notes.md").write_text("nothing to read")
    articles, problems = read(tmp_path)
    assert articles == []
    assert problems.problems[0].where == str(tmp_path)
    assert problems.problems[0].message.startswith("no supported files")


def test_directory_reads_corpus_files_inside_it_in_sorted_order(tmp_path):
    jsonl(tmp_path / "b.jsonl", {"text": "second"})
    jsonl(tmp_path / "a.jsonl", {"text": "first"})
    articles, _ = read(tmp_path)
    assert [(a.id, a.text) for a in articles] == [("a.jsonl:1", "first"), ("b.jsonl:1", "second")]


# --- WARC ------------------------------------------------------------------------------------

def make_warc(path: Path, pages: list[tuple[str, str, str]]) -> Path:
    """pages: (url, content type, body) as HTTP 200 responses, plus one request record."""
    warcio = pytest.importorskip("warcio")
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as stream:
        writer = WARCWriter(stream, gzip=path.suffix == ".gz")
        request = io.BytesIO(b"GET / HTTP/1.1\r\n\r\n")
        writer.write_record(writer.create_warc_record("https://news.example.com/", "request",
                                                      payload=request))
        for url, content_type, body in pages:
            headers = StatusAndHeaders("200 OK", [("Content-Type", content_type)],
                                       protocol="HTTP/1.1")
            record = writer.create_warc_record(
                url, "response", payload=io.BytesIO(body.encode("utf-8")), http_headers=headers,
                warc_headers_dict={"WARC-Date": "2026-03-14T09:12:00Z"})
            writer.write_record(record)
    del warcio
    return path


def test_warc_response_records_are_extracted(tmp_path):
    pytest.importorskip("trafilatura")
    path = make_warc(tmp_path / "crawl.warc.gz", [
        ("https://www.thedaily.com/rates", "text/html; charset=utf-8", HTML_PAGE),
        ("https://www.thedaily.com/logo.png", "image/png", "not html"),
        ("https://www.thedaily.com/empty", "text/html", "<html><body></body></html>"),
    ])
    articles, problems = read(path)
    (article,) = articles
    assert article.id == article.url == "https://www.thedaily.com/rates"
    assert article.source == "thedaily.com"
    assert article.published == datetime(2026, 3, 14, 9, 12, tzinfo=UTC)
    assert STORY in article.text and "Home" not in article.text
    assert article.title == "Rates rise again"
    assert messages(problems) == [
        f"{path}: record 4: no article text in WARC record 4 (https://www.thedaily.com/empty)"]


def test_uncompressed_warc_is_read_too(tmp_path):
    pytest.importorskip("trafilatura")
    path = make_warc(tmp_path / "crawl.warc", [("https://thedaily.com/a", "text/html", HTML_PAGE)])
    articles, problems = read(path)
    assert [a.id for a in articles] == ["https://thedaily.com/a"] and problems.count == 0


# --- whole-input problems ---------------------------------------------------------------------

def test_missing_file_is_fatal_input_error(tmp_path):
    good = jsonl(tmp_path / "good.jsonl", {"text": STORY})
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(InputError, match=rf"^{missing}: no such file or directory$"):
        read_articles([good, missing], problems=ProblemLog())


def test_unknown_format_is_input_error(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("hello")
    with pytest.raises(InputError, match="cannot tell the format"):
        read_articles([path], problems=ProblemLog())
    with pytest.raises(InputError, match="unknown format 'xml'"):
        read_articles([path], fmt="xml", problems=ProblemLog())


def test_format_override_reads_unusual_names(tmp_path):
    path = jsonl(tmp_path / "export.data", {"id": "a", "text": STORY})
    articles, _ = read(path, fmt="jsonl")
    assert [a.id for a in articles] == ["a"]


def test_dir_format_on_a_file_is_input_error(tmp_path):
    path = jsonl(tmp_path / "wire.jsonl", {"text": STORY})
    with pytest.raises(InputError, match="format 'dir' needs a directory"):
        read_articles([path], fmt="dir", problems=ProblemLog())


def test_empty_file_is_a_problem_not_fatal(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_text("")
    blank = tmp_path / "blank.csv"
    blank.write_text("\n\n")
    good = jsonl(tmp_path / "good.jsonl", {"text": STORY})
    articles, problems = read(empty, blank, good)
    assert len(articles) == 1
    assert messages(problems) == [f"{empty}: empty file", f"{blank}: empty file"]


def test_reuters_dev_corpus_is_read_with_dates():
    if not REUTERS_DEV.exists():
        pytest.skip(f"{REUTERS_DEV} is not available")
    articles, problems = read(REUTERS_DEV)
    assert len(articles) + problems.count == 11_000
    assert {p.message for p in problems.problems} <= {"empty text"}
    assert all(a.published is not None for a in articles)
    assert all(datetime(1987, 1, 1, tzinfo=UTC) < a.published < datetime(1988, 1, 1, tzinfo=UTC)
               for a in articles)
    assert articles[0].id == "reuters-1" and articles[0].source == "Reuters"


# --- writing -----------------------------------------------------------------------------------

def test_write_jsonl_round_trips_unicode_and_dates(tmp_path):
    path = tmp_path / "out.jsonl"
    count = write_jsonl(path, [{"id": "a", "title": "Zürich — «quoted»",
                                "when": datetime(2026, 3, 14, tzinfo=UTC)}])
    assert count == 1
    assert path.read_text("utf-8") == (
        '{"id": "a", "title": "Zürich — «quoted»", "when": "2026-03-14T00:00:00+00:00"}\n')


def test_atomic_write_leaves_old_file_on_error(tmp_path):
    path = tmp_path / "clusters.jsonl"
    path.write_text("old contents\n")
    with pytest.raises(RuntimeError):
        with atomic_write(path) as stream:
            stream.write("half of the new")
            raise RuntimeError("crash while writing")
    assert path.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["clusters.jsonl"]


def test_atomic_write_replaces_file_and_keeps_no_temp_file(tmp_path):
    path = tmp_path / "clusters.jsonl"
    path.write_text("old\n")
    with atomic_write(path) as stream:
        stream.write("new\n")
    assert path.read_text() == "new\n"
    assert [p.name for p in tmp_path.iterdir()] == ["clusters.jsonl"]


def test_atomic_write_to_missing_directory_is_input_error(tmp_path):
    target = tmp_path / "nope" / "out.jsonl"
    with pytest.raises(InputError, match=f"cannot write {target}: directory {target.parent} "
                                         "does not exist"):
        write_jsonl(target, [{"id": "a"}])


def test_atomic_write_to_unwritable_directory_is_input_error_with_reason(tmp_path, monkeypatch):
    import tempfile

    def refuse(*args, **kwargs):
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(tempfile, "mkstemp", refuse)  # chmod does not stop root, so simulate
    with pytest.raises(InputError, match="cannot write .*out.jsonl: Permission denied"):
        write_jsonl(tmp_path / "out.jsonl", [{"id": "a"}])
