import random

import numpy as np
import pytest

from dedupe.cluster import components, split_by_average_linkage
from dedupe.config import ClusterConfig
from dedupe.model import Article
from dedupe.pipeline import run


def test_components_cover_every_document_including_singletons():
    labels = components(5, np.array([[0, 1], [1, 2]]))
    assert labels[0] == labels[1] == labels[2]
    assert len({labels[0], labels[3], labels[4]}) == 3


def test_average_linkage_keeps_two_stories_apart_despite_a_bridge():
    # 0-2 one story, 3-5 another, 6 resembles one member of each.
    sim = np.zeros((7, 7))
    for group in ([0, 1, 2], [3, 4, 5]):
        for a in group:
            for b in group:
                sim[a, b] = 0.8
    sim[6, 0] = sim[0, 6] = sim[6, 3] = sim[3, 6] = 0.9
    np.fill_diagonal(sim, 1.0)
    labels = split_by_average_linkage(sim, 0.3)
    assert labels[0] == labels[1] == labels[2]
    assert labels[3] == labels[4] == labels[5]
    assert labels[0] != labels[3]


@pytest.mark.parametrize("seed", range(20))
def test_average_linkage_groups_as_the_tree_cut_does(seed):
    # Matrices near the cut, where the shortcut for "all alike" must agree with the tree.
    from scipy.cluster.hierarchy import fcluster, linkage
    from scipy.spatial.distance import squareform

    rng = np.random.default_rng(seed)
    n = int(rng.integers(3, 12))
    sim = rng.uniform(0.0, 0.6, (n, n)) if seed % 2 else rng.uniform(0.31, 1.0, (n, n))
    sim = (sim + sim.T) / 2
    np.fill_diagonal(sim, 1.0)
    distance = 1.0 - sim
    np.fill_diagonal(distance, 0.0)
    tree = fcluster(linkage(squareform(distance, checks=False), method="average"),
                    t=1.0 - 0.3 + 1e-12, criterion="distance")
    labels = split_by_average_linkage(sim, 0.3)
    assert len(set(zip(labels.tolist(), tree.tolist()))) == len(set(tree.tolist())) == len(set(labels.tolist()))


def _paragraphs(rng: random.Random, count: int) -> list[str]:
    vocab = [f"{a}{b}" for a in "bcdfgklmnprstvz" for b in ("ara", "elo", "imu", "oka", "une", "yst", "orn")]
    return [" ".join(rng.choice(vocab) for _ in range(45)) + "." for _ in range(count)]


def _article(doc_id: str, paragraphs: list[str]) -> Article:
    return Article(id=doc_id, source=doc_id.split("-")[0], text="\n\n".join(paragraphs))


def test_roundup_quoting_three_stories_does_not_chain_them():
    rng = random.Random(7)
    stories = [_paragraphs(rng, 8) for _ in range(3)]
    articles = []
    for s, paras in enumerate(stories):
        articles.append(_article(f"wire-{s}", paras))
        articles.append(_article(f"daily-{s}", paras[:6]))  # trimmed reprint
        articles.append(_article(f"brief-{s}", paras[:1]))  # the lead only
    articles.append(_article("roundup-0", [stories[0][0], stories[1][0], stories[2][0]]))
    result = run(articles, ClusterConfig(workers=1))
    story_of = result.assignments
    for s in range(3):
        assert story_of[f"wire-{s}"] == story_of[f"daily-{s}"] == story_of[f"brief-{s}"]
    assert len({story_of[f"wire-{s}"] for s in range(3)}) == 3


def test_trimmed_reprint_joins_full_story():
    rng = random.Random(11)
    paras = _paragraphs(rng, 15)
    result = run([_article("wire-1", paras), _article("local-1", paras[:5]),
                  _article("other-1", _paragraphs(rng, 10))], ClusterConfig(workers=1))
    assert result.assignments["wire-1"] == result.assignments["local-1"] != result.assignments["other-1"]


def test_time_window_keeps_far_apart_copies_separate():
    from datetime import datetime, timedelta, timezone

    rng = random.Random(5)
    paras = _paragraphs(rng, 6)
    start = datetime(2026, 3, 1, tzinfo=timezone.utc)
    articles = [Article(id=f"a{i}", source=f"outlet {i}", text="\n\n".join(paras),
                        published=start + timedelta(days=30 * i)) for i in range(2)]
    assert len({*run(articles, ClusterConfig(workers=1)).assignments.values()}) == 1
    assert len({*run(articles, ClusterConfig(workers=1, window_days=3)).assignments.values()}) == 2


def test_every_article_is_in_exactly_one_cluster():
    rng = random.Random(3)
    articles = [_article(f"s-{i}", _paragraphs(rng, 2)) for i in range(20)]
    articles += [_article("t-0", ["Breaking."]), _article("t-1", ["Update."]), _article("t-2", ["Breaking news"])]
    result = run(articles, ClusterConfig(workers=1))
    members = [m for c in result.clusters for m in c.members]
    assert sorted(members) == sorted(a.id for a in articles)
    assert len(result.clusters) == len(articles)  # short distinct texts are not lumped together


REPORT = ("The central bank injected {a} billion dollars into the money market through repurchase "
          "agreements on {day}, a spokesman said, after overnight rates rose to {b} percent. Dealers said "
          "the operation was larger than expected and that rates had eased to {c} percent by midday, "
          "while the bank left its benchmark rate unchanged at {d} percent for a {e}th straight week.")


def _report(doc_id: str, source: str, hours: float, figures: tuple, day: str = "Monday") -> Article:
    from datetime import datetime, timedelta, timezone

    a, b, c, d, e = figures
    return Article(id=doc_id, source=source, text=REPORT.format(a=a, b=b, c=c, d=d, e=e, day=day),
                   published=datetime(2026, 3, 2, 9, tzinfo=timezone.utc) + timedelta(hours=hours))


def test_same_outlets_template_on_another_day_is_another_story():
    result = run([_report("mon", "Wire", 0, (1, 6, 5, 4, 9)), _report("tue", "Wire", 24, (1, 6, 5, 4, 9))],
                 ClusterConfig(workers=1))
    assert result.assignments["mon"] != result.assignments["tue"]
    assert len(result.pairs) == 1  # still listed as a near-duplicate pair of texts


def test_template_with_new_figures_on_another_day_is_another_story_even_from_other_outlets():
    result = run([_report("mon", "Wire", 0, (1, 6, 5, 4, 9)), _report("tue", "Daily", 24, (3, 7, 2, 8, 10))],
                 ClusterConfig(workers=1))
    assert result.assignments["mon"] != result.assignments["tue"]


def test_reprint_a_day_later_by_another_outlet_joins():
    result = run([_report("wire", "Wire", 0, (1, 6, 5, 4, 9)), _report("daily", "Daily", 26, (1, 6, 5, 4, 9))],
                 ClusterConfig(workers=1))
    assert result.assignments["wire"] == result.assignments["daily"]


def test_same_day_update_with_a_changed_figure_joins():
    result = run([_report("first", "Wire", 0, (1, 6, 5, 4, 9)), _report("update", "Wire", 3, (1, 6, 5, 4, 10))],
                 ClusterConfig(workers=1))
    assert result.assignments["first"] == result.assignments["update"]


def _ids_together(result, *ids) -> bool:
    return len({result.assignments[i] for i in ids}) == 1


def test_brief_of_the_lead_joins_the_full_story():
    rng = random.Random(21)
    paras = _paragraphs(rng, 10)
    brief = " ".join(paras[0].split()[:40]) + " " + " ".join(paras[1].split()[:30])
    result = run([_article("wire-1", paras), _article("brief-1", [brief])], ClusterConfig(workers=1))
    assert _ids_together(result, "wire-1", "brief-1")


def test_version_merging_another_agencys_paragraph_joins_the_larger_story():
    rng = random.Random(22)
    story, other_agency = _paragraphs(rng, 8), _paragraphs(rng, 2)
    merged = story[:5] + [other_agency[0]] + story[5:]
    result = run([_article("wire-1", story), _article("merged-1", merged), _article("afp-1", other_agency)],
                 ClusterConfig(workers=1))
    assert _ids_together(result, "wire-1", "merged-1")
    assert not _ids_together(result, "merged-1", "afp-1")


def test_follow_up_reusing_background_paragraphs_stays_apart():
    rng = random.Random(23)
    story = _paragraphs(rng, 8)
    follow_up = _paragraphs(rng, 1) + story[5:7] + _paragraphs(rng, 3)
    result = run([_article("wire-1", story), _article("followup-1", follow_up)], ClusterConfig(workers=1))
    assert not _ids_together(result, "wire-1", "followup-1")


def test_same_topic_story_sharing_a_sentence_stays_apart():
    rng = random.Random(24)
    story, other = _paragraphs(rng, 6), _paragraphs(rng, 6)
    other[2] = story[2][: len(story[2]) // 3] + " " + other[2]  # one shared background sentence
    result = run([_article("wire-1", story), _article("wire-2", other)], ClusterConfig(workers=1))
    assert not _ids_together(result, "wire-1", "wire-2")


WEEKLY_LEAD = ("The central bank said on its weekly market operation that it would keep supplying "
               "reserves to the banking system through repurchase agreements until conditions ease.")
WEEKLY_BODY = ("It added {a} billion dollars through overnight repurchases, after rates rose to {b} percent, "
               "and drained {c} billion through bill sales, leaving reserves {d} billion above target.")
"""A weekly template: the lead stays, the figures of the body change every week."""


def test_templated_report_does_not_join_its_earlier_day_through_a_brief():
    from datetime import datetime, timedelta, timezone

    lead, body = WEEKLY_LEAD, WEEKLY_BODY
    start = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
    articles = [
        Article(id="monday", source="Wire", text=lead + "\n\n" + body.format(a=3, b=6, c=2, d=5), published=start),
        Article(id="brief", source="Daily", text=lead, published=start + timedelta(hours=2)),
        Article(id="thursday", source="Herald", text=lead + "\n\n" + body.format(a=7, b=4, c=9, d=8),
                published=start + timedelta(days=3)),
    ]
    result = run(articles, ClusterConfig(workers=1, min_containment_shingles=5))
    assert result.assignments["monday"] != result.assignments["thursday"]


def _ocr(text: str, rng: random.Random, rate: float) -> str:
    """Misread characters as a scanner does: rn for m, 1 for l, c for e, dropped and split letters."""
    confusions = {"m": "rn", "l": "1", "e": "c", "o": "0", "i": "l", "h": "b", "n": "u"}
    out = []
    for ch in text:
        if ch.isalpha() and rng.random() < rate:
            roll = rng.random()
            out.append(confusions.get(ch, ch + ch) if roll < 0.6 else "" if roll < 0.8 else ch + " ")
        else:
            out.append(ch)
    return "".join(out)


def test_heavily_ocrd_copy_joins_its_story():
    rng = random.Random(31)
    paras = _paragraphs(rng, 6)
    scanned = [_ocr(p, rng, 0.07) for p in paras]
    result = run([_article("wire-1", paras), _article("scan-1", scanned), _article("other-1", _paragraphs(rng, 6))],
                 ClusterConfig(workers=1))
    assert _ids_together(result, "wire-1", "scan-1")
    assert not _ids_together(result, "wire-1", "other-1")
    pair = next(p for p in result.pairs if {p.a, p.b} == {"scan-1", "wire-1"})
    assert pair.jaccard < 0.3 < pair.char_jaccard  # found by characters, not by words



def test_re_headlined_copy_with_dateline_and_credit_joins():
    rng = random.Random(41)
    paras = _paragraphs(rng, 6)
    wire = Article(id="wire-1", source="Wire", title="Minister resigns over budget row", text="\n\n".join(paras))
    copy = Article(id="daily-1", source="Daily", title="Budget row topples minister, sources say",
                   text="\n\n".join(["LONDON, March 3 (Reuters) - " + paras[0], *paras[1:], "Reporting by Jo Smith"]))
    result = run([wire, copy, _article("other-1", _paragraphs(rng, 6))], ClusterConfig(workers=1))
    assert _ids_together(result, "wire-1", "daily-1")
    assert not _ids_together(result, "wire-1", "other-1")


def _reword(paragraph: str, rng: random.Random) -> str:
    """Every third word replaced: what a sub-editor's rewrite does to word shingles."""
    words = paragraph.split()
    return " ".join(w if k % 3 else rng.choice(["said", "also", "the", "would", "its"]) for k, w in enumerate(words))


def test_substantial_rewrite_joins_its_story():
    rng = random.Random(42)
    paras = _paragraphs(rng, 9)
    rewrite = [_reword(p, rng) if k % 3 == 1 else p for k, p in enumerate(paras)]  # a third reworded
    versions = [_article("wire-1", paras), _article("daily-1", paras[:7]), _article("rewrite-1", rewrite)]
    result = run(versions + [_article("other-1", _paragraphs(rng, 9))], ClusterConfig(workers=1))
    assert _ids_together(result, "wire-1", "daily-1", "rewrite-1")
    assert not _ids_together(result, "wire-1", "other-1")


def test_outlets_own_text_days_later_never_joins_even_through_other_outlets():
    from datetime import datetime, timedelta, timezone

    rng = random.Random(43)
    paras = _paragraphs(rng, 5)  # no figures to tell the reports apart
    start = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)

    def at(doc_id: str, source: str, hours: float) -> Article:
        return Article(id=doc_id, source=source, text="\n\n".join(paras), published=start + timedelta(hours=hours))

    result = run([at("monday", "Wire", 0), at("copy", "Daily", 5), at("friday", "Wire", 96)], ClusterConfig(workers=1))
    assert result.assignments["monday"] == result.assignments["copy"]
    assert result.assignments["friday"] != result.assignments["monday"]


def test_brief_goes_with_the_days_copies_not_a_template_a_week_later():
    from datetime import datetime, timedelta, timezone

    lead, body = WEEKLY_LEAD, WEEKLY_BODY
    start = datetime(2026, 3, 2, 9, tzinfo=timezone.utc)
    edited = lead.replace("keep supplying", "go on supplying")  # the day's copies edited the lead

    def report(doc_id: str, hours: float, text: str) -> Article:
        return Article(id=doc_id, source=doc_id, text=text, published=start + timedelta(hours=hours))

    articles = [report(name, hours, edited + "\n\n" + body.format(a=3, b=6, c=2, d=5))
                for name, hours in (("wire", 0), ("daily", 4), ("herald", 30))]
    articles.append(report("a-next", 24 * 7, lead + "\n\n" + body.format(a=7, b=4, c=9, d=8)))
    # The brief kept the unedited lead, so on words alone it is closest to next week's report.
    articles.append(report("brief", 6, lead))
    result = run(articles, ClusterConfig(workers=1, min_containment_shingles=5))
    assert _ids_together(result, "wire", "daily", "herald", "brief")
    assert result.assignments["a-next"] != result.assignments["wire"]
