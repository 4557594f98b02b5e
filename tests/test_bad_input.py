"""Bad input catalogue: each case through the `dedupe` command (or the library where the CLI
plays no part). A bad record is one line naming its file and line or record, the good records
are still clustered, a fatal problem exits 1, and no case shows a Python traceback."""

from __future__ import annotations

import gzip
import json
import random
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dedupe.cli.main import app
from dedupe.errors import ProblemLog
from dedupe.io import read_articles

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "corpora/sample/articles.jsonl"
VOCABULARY = sorted({w.strip(".,;:\"'()").lower()
                     for line in SAMPLE.read_text(encoding="utf-8").splitlines()
                     for w in json.loads(line)["text"].split() if w.isalpha()})
runner = CliRunner()

# Two different stories per script, each long enough for a dozen shingles.
SCRIPTS = {
    "zh": ["中国国家统计局星期二公布的数据显示，今年第一季度国内生产总值同比增长百分之五点三，高于市场预期。"
           "分析人士表示，消费和出口的回暖是经济增长的主要动力，但房地产市场仍然疲软。",
           "北京市气象台周五发布暴雨橙色预警，预计未来十二小时内城区大部分地区将出现大到暴雨，"
           "局地伴有雷电和短时大风，有关部门提醒市民减少外出，注意防范城市内涝和山洪地质灾害。"],
    "ar": ["أعلن البنك المركزي يوم الثلاثاء رفع سعر الفائدة الرئيسي بمقدار نصف نقطة مئوية في ثالث زيادة هذا العام، "
           "مشيرا إلى أن التضخم لا يزال أعلى بكثير من المستوى المستهدف وأن الأجور ترتفع بسرعة.",
           "افتتح المتحف الوطني يوم الجمعة جناحا جديدا يضم أكثر من ألف قطعة أثرية نادرة تعود إلى عصور مختلفة، "
           "وقال مدير المتحف إن الزوار سيتمكنون من مشاهدة المخطوطات القديمة لأول مرة منذ عقود."],
    "ru": ["Центральный банк во вторник повысил ключевую ставку на половину процентного пункта, что стало третьим "
           "повышением в этом году, заявив, что инфляция остается значительно выше целевого уровня.",
           "В пятницу в городском парке открылся ежегодный фестиваль уличной музыки, на который собрались тысячи "
           "жителей и гостей города, а выступления продолжались до позднего вечера на трех сценах."],
    "emoji": ["🎉 The festival opened 🎶 on Friday with 🎆 fireworks over the river, drawing 🎈 thousands of families "
              "to the old town squares while street musicians 🎸 played late into the night.",
              "⚽ The home side won 🏆 the cup final on Sunday after a late penalty 🥅 sent the crowd into raptures "
              "and the captain 🙌 lifted the trophy in front of the packed northern stand."],
}


def dedupe(*args: object):
    return runner.invoke(app, [str(a) for a in args])


def story(seed: int, words: int = 80) -> str:
    """A made-up article: random words from the sample corpus, different for every seed."""
    return " ".join(random.Random(seed).choices(VOCABULARY, k=words)).capitalize() + "."


def write_jsonl(path: Path, records: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records), encoding="utf-8")
    return path


def read_jsonl(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def cluster(tmp_path: Path, *inputs: object, extra: tuple = (), ok: bool = True):
    """Run `dedupe cluster`; return the result and {article id: cluster id}."""
    assignments = tmp_path / "assignments.jsonl"
    result = dedupe("cluster", *inputs, "-o", tmp_path / "clusters.jsonl", "--assignments", assignments,
                    "--workers", "1", *extra)
    assert "Traceback" not in result.output
    if ok:
        assert result.exit_code == 0, result.output
    return result, ({a["id"]: a["cluster"] for a in read_jsonl(assignments)} if assignments.exists() else {})


def skipped(result) -> list[str]:
    """The problem lines the command printed."""
    return [line for line in result.stderr.splitlines() if line.startswith("skipped ")]


# --- readers -----------------------------------------------------------------------------------

def test_malformed_json_line_in_the_middle_of_a_large_file_is_skipped_with_its_line_number(tmp_path):
    lines = [json.dumps({"id": f"a{n}", "text": story(n, 30)}) for n in range(1, 1201)]
    lines[999] = '{"id": "a1000", "text": "cut off in the middle'
    corpus = tmp_path / "big.jsonl"
    corpus.write_text("\n".join(lines) + "\n", encoding="utf-8")
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [f"skipped {corpus}:1000: invalid JSON: Unterminated string starting at (column 25)"]
    assert len(assigned) == 1199 and "a1000" not in assigned


def test_truncated_last_line_is_reported_and_the_earlier_records_kept(tmp_path):
    corpus = tmp_path / "cut.jsonl"
    whole = json.dumps({"id": "last", "text": story(3)})
    corpus.write_text(json.dumps({"id": "a", "text": story(1)}) + "\n" + json.dumps({"id": "b", "text": story(2)})
                      + "\n" + whole[: len(whole) // 2], encoding="utf-8")
    result, assigned = cluster(tmp_path, corpus)
    assert [line.split(": invalid JSON")[0] for line in skipped(result)] == [f"skipped {corpus}:3"]
    assert sorted(assigned) == ["a", "b"]


def test_utf8_bom_is_not_part_of_the_first_record_or_csv_column(tmp_path):
    jsonl = tmp_path / "bom.jsonl"
    jsonl.write_bytes(b"\xef\xbb\xbf" + json.dumps({"id": "first", "text": story(1)}).encode() + b"\n")
    csv = tmp_path / "bom.csv"
    csv.write_bytes(b"\xef\xbb\xbfid,text\nsecond," + story(2).encode() + b"\n")
    result, assigned = cluster(tmp_path, jsonl, csv)
    assert skipped(result) == []
    assert sorted(assigned) == ["first", "second"]


def test_latin1_line_is_decoded_and_reported_with_its_line(tmp_path):
    corpus = tmp_path / "latin.jsonl"
    corpus.write_bytes(json.dumps({"id": "u", "text": story(1)}).encode() + b"\n"
                       + '{"id": "l", "title": "Café crème à Zürich", "text": "Le café coûte cher."}\n'.encode("latin-1"))
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [f"skipped {corpus}:2: not valid UTF-8; read as Latin-1"]
    titles = {c["members"][0]: c["title"] for c in read_jsonl(tmp_path / "clusters.jsonl")}
    assert titles["l"] == "Café crème à Zürich"


def test_mixed_encodings_only_the_lines_that_are_not_utf8_are_reported(tmp_path):
    corpus = tmp_path / "mixed.jsonl"
    corpus.write_bytes(
        '{"id": "1", "title": "Zürich — «Grüezi»", "text": "Über den Wolken in Zürich."}\n'.encode("utf-8")
        + '{"id": "2", "title": "\u201cQuoted\u201d \u2013 dash", "text": "Smart quotes from Windows."}\n'.encode("cp1252")
        + '{"id": "3", "title": "日本語", "text": "東京の天気は晴れです。"}\n'.encode("utf-8"))
    articles = list(read_articles([corpus], problems=(problems := ProblemLog())))
    assert [str(p) for p in problems.problems] == [f"{corpus}:2: not valid UTF-8; read as Latin-1"]
    assert [a.title for a in articles] == ["Zürich — «Grüezi»", "\u201cQuoted\u201d \u2013 dash", "日本語"]
    result, assigned = cluster(tmp_path, corpus)
    assert sorted(assigned) == ["1", "2", "3"] and len(skipped(result)) == 1


def test_nul_bytes_are_dropped_and_the_record_kept(tmp_path):
    corpus = tmp_path / "nul.jsonl"
    corpus.write_bytes(b'{"id": "raw", "text": "Raw\x00 NUL\x00 bytes in the middle of a line."}\n'
                       b'{"id": "escaped", "title": "T\\u0000itle", "text": "Escaped \\u0000 NUL in JSON."}\n')
    articles = list(read_articles([corpus], problems=ProblemLog()))
    assert [a.text for a in articles] == ["Raw NUL bytes in the middle of a line.", "Escaped  NUL in JSON."]
    assert articles[1].title == "Title"
    result, assigned = cluster(tmp_path, corpus)
    assert sorted(assigned) == ["escaped", "raw"] and skipped(result) == []


def test_crlf_line_endings_are_read_without_problems(tmp_path):
    jsonl = tmp_path / "windows.jsonl"
    jsonl.write_bytes(b"\r\n".join(json.dumps({"id": f"j{n}", "text": story(n)}).encode() for n in (1, 2)) + b"\r\n")
    csv = tmp_path / "windows.csv"
    csv.write_bytes(b'id,text\r\nc1,"First line\r\nsecond line"\r\nc2,plain\r\n')
    articles = list(read_articles([jsonl, csv], problems=ProblemLog()))
    assert [a.id for a in articles] == ["j1", "j2", "c1", "c2"]
    assert "\r" not in articles[0].text and articles[2].text.splitlines() == ["First line", "second line"]
    result, assigned = cluster(tmp_path, jsonl, csv)
    assert len(assigned) == 4 and skipped(result) == []


def test_csv_with_embedded_newlines_and_quotes_keeps_the_text_and_the_line_numbers(tmp_path):
    corpus = tmp_path / "quoted.csv"
    corpus.write_text('id,title,text\n'
                      'a,"He said ""no""","First paragraph, with a comma.\n\nSecond ""quoted"" paragraph."\n'
                      'b,Short row\n'
                      'c,Fine,"Another\nmulti-line text."\n', encoding="utf-8")
    articles = list(read_articles([corpus], problems=(problems := ProblemLog())))
    assert [(a.id, a.title) for a in articles] == [("a", 'He said "no"'), ("c", "Fine")]
    assert articles[0].text == 'First paragraph, with a comma.\n\nSecond "quoted" paragraph.'
    assert [str(p) for p in problems.problems] == [f"{corpus}:5: expected 3 fields, got 2"]
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [f"skipped {corpus}:5: expected 3 fields, got 2"] and sorted(assigned) == ["a", "c"]


def test_parquet_without_a_text_column_is_fatal_and_names_its_columns(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    path = tmp_path / "wire.parquet"
    pq.write_table(pa.table({"id": ["a"], "summary": ["s"]}), path)
    result, _ = cluster(tmp_path, path, ok=False)
    assert result.exit_code == 1
    assert result.stderr.startswith(f"error: {path}: no text column (one of ")
    assert result.stderr.endswith("; its columns are: id, summary\n") and result.stderr.count("\n") == 1
    assert not (tmp_path / "clusters.jsonl").exists()


def test_parquet_with_wrong_types_reports_each_record_and_keeps_the_others(tmp_path):
    pa = pytest.importorskip("pyarrow")
    pq = pytest.importorskip("pyarrow.parquet")
    structs = tmp_path / "structs.parquet"
    pq.write_table(pa.table({"id": [1, 2], "text": [{"a": 1}, {"a": 2}]}), structs)
    odd = tmp_path / "odd.parquet"
    pq.write_table(pa.table({"id": [1.5, 2.0], "text": [story(1), story(2)], "published": [[1], [2]]}), odd)
    result, assigned = cluster(tmp_path, structs, odd)
    assert skipped(result) == [f"skipped {structs}: record 1: text is a dict, not a string",
                               f"skipped {structs}: record 2: text is a dict, not a string",
                               f"skipped {odd}: record 1: invalid date '[1]'",
                               f"skipped {odd}: record 2: invalid date '[2]'"]
    assert sorted(assigned) == ["1.5", "2"]  # a float id of 2.0 is the id "2"


def test_json_values_of_the_wrong_type_are_reported_with_their_record(tmp_path):
    corpus = tmp_path / "array.json"
    corpus.write_text(json.dumps([{"id": "ok", "text": story(1)}, "just a string", {"id": "obj", "text": {"p": 1}},
                                  {"id": "paras", "text": ["First paragraph.", "Second one."]}, None]),
                      encoding="utf-8")
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [f"skipped {corpus}: record 2: expected a JSON object, got a string",
                               f"skipped {corpus}: record 3: text is a dict, not a string",
                               f"skipped {corpus}: record 5: expected a JSON object, got null"]
    assert sorted(assigned) == ["ok", "paras"]


def test_lone_surrogate_escapes_are_replaced_so_outputs_can_be_written(tmp_path):
    corpus = tmp_path / "surrogates.jsonl"
    text = story(1)
    corpus.write_text('{"id": "a\\ud800", "title": "Half \\udc00 pair", "text": "%s \\ud83d"}\n'
                      '{"id": "b", "title": "Whole \\ud83d\\ude00 pair", "text": "%s"}\n' % (text, text),
                      encoding="utf-8")
    result = dedupe("run", corpus, "-o", tmp_path / "report", "--workers", "1", "-q")
    assert result.exit_code == 0, result.output
    assigned = read_jsonl(tmp_path / "report" / "assignments.jsonl")
    assert [a["id"] for a in assigned] == ["a\ufffd", "b"] and assigned[0]["cluster"] == assigned[1]["cluster"]
    page = next((tmp_path / "report" / "clusters").glob("*.html")).read_text(encoding="utf-8")
    assert "Half \ufffd pair" in page and "Whole \U0001f600 pair" in page


def test_empty_file_is_reported_and_the_other_inputs_still_read(tmp_path):
    empty = tmp_path / "empty.jsonl"
    empty.write_bytes(b"")
    blank = tmp_path / "blank.jsonl"
    blank.write_text("\n \n\t\n", encoding="utf-8")
    good = write_jsonl(tmp_path / "good.jsonl", [{"id": "g", "text": story(1)}])
    result, assigned = cluster(tmp_path, empty, blank, good)
    assert skipped(result) == [f"skipped {empty}: empty file", f"skipped {blank}: empty file"]
    assert list(assigned) == ["g"]


def test_a_corpus_without_one_readable_article_is_fatal(tmp_path):
    corpus = tmp_path / "nothing.jsonl"
    corpus.write_text('{"id": "a", "text": "   "}\n{broken\n', encoding="utf-8")
    result, _ = cluster(tmp_path, corpus, ok=False)
    assert result.exit_code == 1
    assert result.stderr.splitlines()[-1] == f"error: no articles read from {corpus} (2 bad records skipped)"
    assert not (tmp_path / "clusters.jsonl").exists()


def test_unreadable_file_in_a_directory_is_reported_and_the_others_read(tmp_path, monkeypatch):
    import dedupe.io.files as files

    folder = tmp_path / "corpus"
    (folder / "outlet").mkdir(parents=True)
    (folder / "outlet" / "a.txt").write_text("Headline\n\n" + story(1), encoding="utf-8")
    (folder / "outlet" / "b.txt").write_text(story(2), encoding="utf-8")
    real_open = files.open_binary

    def locked(path):  # chmod 000 does not stop root, so the refusal is simulated
        if path.name == "b.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(files, "open_binary", locked)
    result, assigned = cluster(tmp_path, folder)
    assert skipped(result) == [f"skipped {folder / 'outlet' / 'b.txt'}: cannot read: Permission denied"]
    assert list(assigned) == ["outlet/a.txt"]


def test_warc_record_without_html_is_skipped_with_its_record_number(tmp_path):
    pytest.importorskip("trafilatura")
    from test_io import HTML_PAGE, make_warc

    path = make_warc(tmp_path / "crawl.warc.gz", [
        ("https://news.example/logo.png", "image/png", "\x89PNG not html"),
        ("https://news.example/empty", "text/html", "<html><head></head><body> </body></html>"),
        ("https://news.example/story", "text/html; charset=utf-8", HTML_PAGE),
    ])
    result, assigned = cluster(tmp_path, path)
    assert skipped(result) == [
        f"skipped {path}: record 3: no article text in WARC record 3 (https://news.example/empty)"]
    assert list(assigned) == ["https://news.example/story"]


def test_truncated_gzip_is_reported_after_its_readable_lines(tmp_path):
    data = gzip.compress("".join(json.dumps({"id": f"z{n}", "text": story(n)}) + "\n"
                                 for n in range(200)).encode())
    corpus = tmp_path / "cut.jsonl.gz"
    corpus.write_bytes(data[: len(data) * 2 // 3])
    result, assigned = cluster(tmp_path, corpus)
    assert [line.split(": cannot read:")[0] for line in skipped(result)][-1] == f"skipped {corpus}"
    assert 0 < len(assigned) < 200


def test_a_fifty_megabyte_article_is_processed_and_its_trimmed_reprint_found(tmp_path):
    """2 MB instead of 50 MB, to stay fast: the same code paths (one giant line, one huge
    shingle set, one long alignment); 5.6 MB was measured at 7 s."""
    paragraph = story(7, 120)
    text = "\n\n".join(f"{paragraph} Part {n}." for n in range(2_000_000 // len(paragraph)))
    corpus = write_jsonl(tmp_path / "huge.jsonl", [
        {"id": "huge", "title": "Huge", "text": text},
        {"id": "lead", "title": "Lead", "text": text[:4000]},
        {"id": "other", "text": story(8)}])
    assert corpus.stat().st_size > 2_000_000
    result = dedupe("run", corpus, "-o", tmp_path / "report", "--workers", "1", "-q")
    assert result.exit_code == 0, result.output
    clusters = read_jsonl(tmp_path / "report" / "clusters.jsonl")
    assert sorted(map(sorted, (c["members"] for c in clusters))) == [["huge", "lead"], ["other"]]


# --- normalization and clustering ------------------------------------------------------------

def test_one_word_articles_are_kept_and_different_words_stay_apart(tmp_path):
    corpus = write_jsonl(tmp_path / "words.jsonl", [{"id": w, "text": w} for w in ("Hello", "Goodbye", "Rain", "42")])
    result, assigned = cluster(tmp_path, corpus)
    assert sorted(assigned) == ["42", "Goodbye", "Hello", "Rain"] and len(set(assigned.values())) == 4


def test_whitespace_and_invisible_only_articles_are_reported_as_empty_with_their_line(tmp_path):
    corpus = write_jsonl(tmp_path / "space.jsonl", [{"id": "s", "text": " \n\t\u00a0\u2003 "},
                                                     {"id": "z", "text": "\u200b\ufeff"},
                                                     {"id": "ok", "text": story(1)}])
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [f"skipped {corpus}:1: empty text", f"skipped {corpus}:2: empty text"]
    assert list(assigned) == ["ok"]


def test_punctuation_and_emoji_only_articles_do_not_collapse_into_one_cluster(tmp_path):
    texts = ["!!! ??? ...", "--- *** ,,,", "“” «» — …", "🎉🎉🎉", "😀 😀", "🇫🇷🇩🇪", "$$$ %%% ###"]
    corpus = write_jsonl(tmp_path / "marks.jsonl", [{"id": f"m{n}", "text": t} for n, t in enumerate(texts)])
    result, assigned = cluster(tmp_path, corpus)
    assert len(assigned) == len(texts) and len(set(assigned.values())) == len(texts)


def test_non_latin_scripts_cluster_by_story_and_do_not_collapse(tmp_path):
    records = []
    for script, stories in SCRIPTS.items():
        for number, text in enumerate(stories):
            records.append({"id": f"{script}{number}-a", "source": "Alpha", "text": text})
            records.append({"id": f"{script}{number}-b", "source": "Beta", "text": text + " 更新" if script == "zh"
                            else text + " (update)"})
    result, assigned = cluster(tmp_path, write_jsonl(tmp_path / "scripts.jsonl", records))
    groups = {}
    for article, group in assigned.items():
        groups.setdefault(group, []).append(article)
    assert sorted(map(sorted, groups.values())) == sorted(
        [f"{s}{n}-a", f"{s}{n}-b"] for s in SCRIPTS for n in (0, 1))


def test_bidi_controls_and_zero_width_characters_do_not_break_matching(tmp_path):
    text = story(4)
    hostile = "\u202e" + text.replace(" ", " \u200b", 5) + "\u2066\u2069"
    corpus = write_jsonl(tmp_path / "bidi.jsonl", [{"id": "plain", "text": text}, {"id": "bidi", "text": hostile}])
    result, assigned = cluster(tmp_path, corpus)
    assert assigned["plain"] == assigned["bidi"] and skipped(result) == []


# --- ids and dates -------------------------------------------------------------------------------

def test_duplicate_ids_are_reported_with_both_places_and_the_later_copy_skipped(tmp_path):
    first = write_jsonl(tmp_path / "one.jsonl", [{"id": "x", "text": story(1)}, {"id": "x", "text": story(2)}])
    second = write_jsonl(tmp_path / "two.jsonl", [{"id": "x", "text": story(3)}])
    result, assigned = cluster(tmp_path, first, second)
    assert skipped(result) == [f"skipped {first}:2: duplicate id 'x' (first seen at {first}:1)",
                               f"skipped {second}:1: duplicate id 'x' (first seen at {first}:1)"]
    assert list(assigned) == ["x"]
    _, renamed = cluster(tmp_path, first, second, extra=("--rename-duplicate-ids",))
    assert list(renamed) == ["x", "x~2", "x~3"]


def test_ids_with_path_separators_html_and_console_markup_are_kept_verbatim(tmp_path):
    ids = ["../../etc/passwd", "a/b\\c", "<b onmouseover=alert(1)>id</b>", "[/]", "[bold red]x[/]", "  padded  "]
    records = [{"id": i, "text": story(n)} for n, i in enumerate(ids)] + [{"id": "[/]", "text": story(99)}]
    corpus = write_jsonl(tmp_path / "ids.jsonl", records)
    result, assigned = cluster(tmp_path, corpus)
    assert list(assigned) == [*ids[:-1], "padded"]
    assert skipped(result) == [f"skipped {corpus}:7: duplicate id '[/]' (first seen at {corpus}:4)"]


def test_console_markup_in_file_names_and_titles_is_printed_not_parsed(tmp_path):
    folder = tmp_path / "[red]odd"  # a file name cannot hold "[/]", an id or a title can
    folder.mkdir()
    corpus = write_jsonl(folder / "c[link=x].jsonl", [{"id": "[/]", "title": "[/] [link=x]t[/link]", "text": story(1)},
                                                       {"id": "b", "title": "copy", "text": story(1)},
                                                       {"id": "[/]", "text": story(2)}])
    result = dedupe("cluster", corpus, "-o", tmp_path / "c.jsonl", "--workers", "1")
    assert result.exit_code == 0, result.output
    assert f"skipped {corpus}:3: duplicate id '[/]' (first seen at {corpus}:1)" in result.stderr
    assert "[/] [link=x]t[/link]" in result.stderr  # the summary's largest stories
    missing = dedupe("cluster", folder / "none[bold].jsonl", "-o", tmp_path / "c.jsonl")
    assert missing.exit_code == 1
    assert missing.stderr == f"error: {folder / 'none[bold].jsonl'}: no such file or directory\n"


def test_dates_in_many_formats_are_read_without_problems(tmp_path):
    dates = ["2024-03-01T10:00:00Z", "2024-03-01 10:00:00+02:00", "2024-03-01", "Fri, 01 Mar 2024 10:00:00 GMT",
             "01-MAR-2024 10:00:00.00", "March 1, 2024", "1 March 2024", "01.03.2024 10:00", "2024/03/01",
             "20240301", "1709287200", "1709287200000", "  2024-03-01T10:00:00.123456-05:00  "]
    corpus = write_jsonl(tmp_path / "dates.jsonl",
                         [{"id": f"d{n}", "text": story(n), "published": d} for n, d in enumerate(dates)])
    result, assigned = cluster(tmp_path, corpus)
    assert skipped(result) == [] and len(assigned) == len(dates)
    seen = sorted(c["first_seen"] for c in read_jsonl(tmp_path / "clusters.jsonl"))
    assert all(s.startswith("2024-03-01") for s in seen), seen


def test_invalid_dates_are_reported_and_the_article_kept(tmp_path):
    bad = ["2024-02-30", "31/02/2024", "yesterday", "2024-13-01", "99999999999999999999", "", True, {"y": 2024}]
    corpus = write_jsonl(tmp_path / "bad_dates.jsonl",
                         [{"id": f"d{n}", "text": story(n), "published": d} for n, d in enumerate(bad)])
    result, assigned = cluster(tmp_path, corpus)
    assert len(assigned) == len(bad)
    where = [line.split(": invalid date")[0] for line in skipped(result)]
    assert where == [f"skipped {corpus}:{n}" for n in (1, 2, 3, 4, 5, 7, 8)]  # "" is no date, not a bad one


# --- options and outputs -------------------------------------------------------------------------

@pytest.mark.parametrize("value", ["0", "-0.1", "1.5", "nan", "inf"])
def test_threshold_outside_zero_to_one_is_a_one_line_error(tmp_path, value):
    result = dedupe("cluster", SAMPLE, "-o", tmp_path / "c.jsonl", "--threshold", value)
    assert result.exit_code == 1
    assert result.stderr.startswith("error: --threshold must be in (0, 1], got ") and result.stderr.count("\n") == 1
    assert not (tmp_path / "c.jsonl").exists()


def test_threshold_of_one_is_allowed_and_a_non_number_is_a_usage_error(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": story(1)}, {"id": "b", "text": story(1)}])
    _, assigned = cluster(tmp_path, corpus, extra=("--threshold", "1"))
    assert assigned["a"] == assigned["b"]
    assert dedupe("cluster", corpus, "-o", tmp_path / "x.jsonl", "--threshold", "half").exit_code == 2


def test_clusters_file_naming_unknown_ids_and_bad_lines_is_reported_and_the_rest_rendered(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": i, "title": i, "text": story(1) + i} for i in "abc"])
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text(json.dumps({"id": "k1", "members": ["a", "b", "ghost"]}) + "\n{not json\n"
                        + json.dumps({"id": "k2", "members": []}) + "\n"
                        + json.dumps({"id": "k3", "members": ["phantom", "spectre"]}) + "\n", encoding="utf-8")
    result = dedupe("report", corpus, "--clusters", clusters, "-o", tmp_path / "report")
    assert result.exit_code == 0, result.output
    assert "Traceback" not in result.output
    assert f"{clusters}:2: not valid JSON" in result.stderr and f"{clusters}:3: expected a cluster" in result.stderr
    assert "ghost" in result.stderr and "phantom" in result.stderr
    assert (tmp_path / "report" / "clusters" / "k1.html").exists()


def test_clusters_file_without_a_valid_cluster_is_fatal(tmp_path):
    clusters = tmp_path / "clusters.jsonl"
    clusters.write_text('{"members": ["a"]}\n[1, 2]\n', encoding="utf-8")
    result = dedupe("report", SAMPLE, "--clusters", clusters, "-o", tmp_path / "report")
    assert result.exit_code == 1 and result.stderr.splitlines()[-1] == f"error: {clusters}: no clusters found"
    assert "Traceback" not in result.output


@pytest.mark.parametrize("flag", ["-o", "--assignments", "--pairs", "--problems"])
def test_output_in_a_missing_directory_fails_before_clustering(tmp_path, flag, monkeypatch):
    import dedupe.cli.main as cli

    monkeypatch.setattr(cli, "run_pipeline", lambda *a, **k: pytest.fail("clustered before checking outputs"))
    target = tmp_path / "missing" / "out.jsonl"
    args = ["-o", tmp_path / "c.jsonl", flag, target] if flag != "-o" else ["-o", target]
    result = dedupe("cluster", SAMPLE, *args)
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write {target}: directory {target.parent} does not exist\n"


def test_output_in_a_read_only_directory_is_a_one_line_error(tmp_path, monkeypatch):
    import os
    import tempfile

    folder = tmp_path / "locked"
    folder.mkdir()
    folder.chmod(0o555)
    if os.geteuid() == 0:  # root writes anywhere: simulate the refusal
        def refuse(*args, **kwargs):
            raise PermissionError(13, "Permission denied")

        monkeypatch.setattr(tempfile, "mkstemp", refuse)
    try:
        corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": story(1)}])
        result = dedupe("cluster", corpus, "-o", folder / "clusters.jsonl", "-q")
        assert result.exit_code == 1
        assert result.stderr == f"error: cannot write {folder / 'clusters.jsonl'}: Permission denied\n"
        assert list(folder.iterdir()) == []
    finally:
        folder.chmod(0o755)


def test_report_folder_that_is_a_file_or_a_directory_as_output_file_is_a_one_line_error(tmp_path):
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": story(1)}])
    result = dedupe("run", corpus, "-o", corpus, "-q")
    assert result.exit_code == 1
    assert result.stderr == f"error: cannot write the report: {corpus} exists and is not a directory\n"
    result = dedupe("cluster", corpus, "-o", tmp_path, "-q", "--workers", "1")
    assert result.exit_code == 1 and result.stderr == f"error: cannot write {tmp_path}: Is a directory\n"


def test_strict_mode_stops_at_the_first_bad_csv_row_with_its_line(tmp_path):
    corpus = tmp_path / "strict.csv"
    corpus.write_text(f'id,text\na,"{story(1)}"\nb\nc,"{story(2)}"\n', encoding="utf-8")
    result, _ = cluster(tmp_path, corpus, extra=("--strict",), ok=False)
    assert result.exit_code == 1
    assert result.stderr == f"error: {corpus}:3: expected 2 fields, got 1\n"
    assert not (tmp_path / "clusters.jsonl").exists()


def test_internal_errors_show_a_traceback_only_with_debug(tmp_path, monkeypatch):
    import dedupe.cli.main as cli

    def broken(*args, **kwargs):
        raise RuntimeError("boom [/]")

    monkeypatch.setattr(cli, "run_pipeline", broken)
    corpus = write_jsonl(tmp_path / "c.jsonl", [{"id": "a", "text": story(1)}])
    result = dedupe("cluster", corpus, "-o", tmp_path / "c.jsonl")
    assert result.exit_code == 1
    assert result.stderr == "error: internal error: RuntimeError: boom [/] (run with --debug for details)\n"
    debug = dedupe("cluster", corpus, "-o", tmp_path / "c.jsonl", "--debug")
    assert isinstance(debug.exception, RuntimeError)


def test_installed_command_prints_no_traceback_for_any_bad_input(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'\xef\xbb\xbf{"id": "[/]", "text": "\xff\xfe\x00"}\n{"id": "[/]", "text": "x"}\n{trunc')
    done = subprocess.run([sys.executable, "-m", "dedupe", "cluster", str(bad), "-o", str(tmp_path / "c.jsonl"),
                           "--workers", "1"], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr + done.stdout
    assert [line for line in done.stderr.splitlines() if line.startswith("skipped")] == [
        f"skipped {bad}:1: not valid UTF-8; read as Latin-1",
        f"skipped {bad}:2: duplicate id '[/]' (first seen at {bad}:1)",
        f"skipped {bad}:3: invalid JSON: Expecting property name enclosed in double quotes (column 2)"]
