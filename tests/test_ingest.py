"""Reading inputs: files, folders, feeds, JSONL, and every kind of bad input (issue 2)."""

from __future__ import annotations

import datetime as dt
import json
import random
import time
from pathlib import Path

import pytest

from wirecoder.ingest import read_inputs
from wirecoder.records import Article, Notice, Skipped

FIXTURES = Path(__file__).parent / "fixtures" / "ingest"


def read(*paths, **options):
    return list(read_inputs([Path(p) for p in paths], **options))


def articles(items):
    return [item for item in items if isinstance(item, Article)]


def codes(items):
    return [item.code for item in items if isinstance(item, (Skipped, Notice))]


# --- folders, ids, metadata from the text -------------------------------------------------------


def test_ingest_folder_ids_are_relative_paths_in_sorted_order():
    ids = [a.id for a in articles(read(FIXTURES / "folder"))]
    assert ids == ["sub/wire-report.md", "varo-shelling.txt"]


def test_ingest_folder_ignores_hidden_files_and_reports_other_extensions():
    items = read(FIXTURES / "folder")
    assert not any(".notes" in getattr(item, "id", getattr(item, "origin", "")) for item in items)
    [skip] = [item for item in items if isinstance(item, Skipped)]
    assert skip.code == "W114" and "tally.csv" in skip.reason and ".csv" in skip.reason


def test_ingest_file_given_directly_is_named_by_its_file_name():
    [article] = read(FIXTURES / "folder" / "sub" / "wire-report.md")
    assert article.id == "wire-report.md"
    assert article.text.startswith("Rebels retake checkpoint")


def test_ingest_date_line_near_the_top_gives_the_publication_date():
    [article] = articles(read(FIXTURES / "folder" / "varo-shelling.txt"))
    assert article.published == dt.date(2019, 3, 12)


def test_ingest_article_without_any_date_has_none_never_today(tmp_path):
    path = tmp_path / "undated.txt"
    path.write_text("Clashes broke out in Varo yesterday.\n\nThree people were killed, medics said today.\n")
    [article] = read(path)
    assert article.published is None


def test_ingest_date_inside_a_sentence_is_not_a_date_line(tmp_path):
    path = tmp_path / "story.txt"
    path.write_text("Talks on 12 March 2019 failed.\n\nThe rebels left Varo on the same day, residents said.\n")
    assert read(path)[0].published is None


def test_ingest_wire_dateline_gives_the_outlet():
    [article] = read(FIXTURES / "folder" / "sub" / "wire-report.md")
    assert article.source == "Valley Wire"


def test_ingest_published_and_source_arguments_override(tmp_path):
    items = read(FIXTURES / "folder" / "sub" / "wire-report.md", FIXTURES / "articles.jsonl",
                 published=dt.date(2020, 1, 2), source="My Feed")  # fmt: skip
    assert {(a.published, a.source) for a in articles(items)} == {(dt.date(2020, 1, 2), "My Feed")}


def test_ingest_accepts_a_single_path_string():
    [article] = read_inputs(str(FIXTURES / "folder" / "sub" / "wire-report.md"))
    assert article.id == "wire-report.md"


# --- HTML ------------------------------------------------------------------------------------------


def test_ingest_html_main_text_and_metadata():
    [article] = read(FIXTURES / "page.html")
    assert article.id == "page.html"
    assert "closed the main road into Varo" in article.text
    assert "Sport" not in article.text and "Copyright" not in article.text  # navigation and footer left out
    assert (article.title, article.source) == ("Clashes close the Varo road", "Desert Post")
    assert article.published == dt.date(2019, 3, 14)
    assert article.url == "https://desertpost.example/varo-road"


def test_ingest_html_date_comes_from_meta_tags_not_a_copyright_year(tmp_path):
    html = (FIXTURES / "page.html").read_text()
    page = tmp_path / "nodate.html"
    page.write_text(html.replace('<meta property="article:published_time" content="2019-03-14T07:30:00+00:00">', ""))
    [article] = read(page)
    assert article.published is None


def test_ingest_html_without_main_text_is_skipped():
    [skip] = read(FIXTURES / "bad" / "empty-page.html")
    assert skip.code == "W108" and "empty-page.html" in skip.reason


# --- feeds ----------------------------------------------------------------------------------------


def test_ingest_rss_entries_become_articles_with_entry_ids():
    items = read(FIXTURES / "feed.rss")
    first, second = articles(items)
    assert (first.id, second.id) == ("feed.rss#vw-101", "feed.rss#2")
    assert first.title == "Mortar fire hits Qarya school" and first.source == "Valley Wire"
    assert first.published == dt.date(2019, 3, 13) and second.published is None
    assert first.text == (
        "Mortar rounds hit a school in Qarya on Wednesday morning, wounding four pupils.\n\n"
        "No group said it fired the rounds."
    )


def test_ingest_feed_entry_without_text_is_skipped_with_reason():
    skips = [item for item in read(FIXTURES / "feed.rss") if isinstance(item, Skipped)]
    assert [(s.code, s.origin.endswith("feed.rss#3")) for s in skips] == [("W112", True)]


def test_ingest_atom_feed_content_and_urn_id():
    [article] = read(FIXTURES / "atom.atom")
    assert article.id == "atom.atom#urn:dp:77"
    assert article.url is None  # an urn is not a web address
    assert article.source == "Desert Post" and article.published == dt.date(2019, 3, 15)


def test_ingest_malformed_feed_keeps_readable_entries_with_a_notice():
    items = read(FIXTURES / "bad" / "broken.rss")
    assert codes(items)[0] == "W107"
    assert [a.id for a in articles(items)] == ["broken.rss#vw-201"]


def test_ingest_feed_with_no_entries_is_skipped():
    [skip] = read(FIXTURES / "bad" / "no-entries.rss")
    assert skip.code == "W107" and "0 entries" in skip.reason


def test_ingest_feed_is_sniffed_without_extension(tmp_path):
    path = tmp_path / "latest"
    path.write_bytes((FIXTURES / "feed.rss").read_bytes())
    assert [a.id for a in articles(read(path))] == ["latest#vw-101", "latest#2"]


# --- JSONL ----------------------------------------------------------------------------------------


def test_ingest_jsonl_fields_and_ids():
    one, two, three = read(FIXTURES / "articles.jsonl")
    assert (one.id, one.title, one.source, one.url) == ("dp-1", "Checkpoint attack near Varo", "Desert Post",
                                                        "https://desertpost.example/1")  # fmt: skip
    assert one.published == dt.date(2019, 3, 14)
    assert two.source == "Valley Wire"  # from the wire dateline in its text
    assert three.id == "3" and three.published == dt.date(2019, 3, 16)  # from its date line


def test_ingest_jsonl_bad_lines_are_skipped_and_the_rest_kept():
    items = read(FIXTURES / "bad" / "mixed.jsonl")
    assert [a.id for a in articles(items)] == ["ok-1", "ok-2"]
    assert codes(items) == ["W105", "W106", "W106"]
    assert "line 2" in items[1].reason


def test_ingest_jsonl_long_text_is_cut_with_a_notice(tmp_path):
    path = tmp_path / "long.jsonl"
    path.write_text(json.dumps({"id": "long", "text": "Shelling went on. " * 100}) + "\n")
    notice, article = read(path, max_chars=500)
    assert notice.code == "W104" and "1800" in notice.message
    assert len(article.text) == 500


def test_ingest_jsonl_line_in_cp1252_is_read_with_a_notice(tmp_path):
    path = tmp_path / "legacy.jsonl"
    path.write_bytes('{"id": "c1", "text": "Caf\u00e9 owners in Varo closed early."}\n'.encode("cp1252"))
    notice, article = read(path)
    assert notice.code == "W103" and article.text == "Caf\u00e9 owners in Varo closed early."


# --- bad input ------------------------------------------------------------------------------------


def test_ingest_latin1_file_is_decoded_with_a_notice_before_its_article():
    notice, article = read(FIXTURES / "latin1.txt")
    assert notice.code == "W103" and "latin1.txt" in notice.message
    assert "Béziers-sur-Oued" in article.text and "évacués" in article.text


def test_ingest_utf16_file_with_bom_is_read(tmp_path):
    path = tmp_path / "wide.txt"
    path.write_bytes("Gunmen attacked a bus near Qarya.".encode("utf-16"))
    items = read(path)
    assert articles(items)[0].text == "Gunmen attacked a bus near Qarya."


def test_ingest_binary_file_is_skipped():
    [skip] = read(FIXTURES / "bad" / "photo.png")
    assert skip.code == "W102" and "binary" in skip.reason


@pytest.mark.parametrize("name", ["empty.txt", "blank.txt"])
def test_ingest_empty_file_is_skipped(name):
    [skip] = read(FIXTURES / "bad" / name)
    assert skip.code == "W101" and name in skip.reason


def test_ingest_missing_path_is_skipped_and_the_run_goes_on(tmp_path):
    items = read(tmp_path / "nowhere.txt", FIXTURES / "folder" / "sub" / "wire-report.md")
    assert items[0].code == "W110" and "nowhere.txt" in items[0].reason
    assert isinstance(items[1], Article)


def test_ingest_unreadable_path_is_skipped(tmp_path):
    [skip] = read(tmp_path / ("x" * 300 + ".txt"))  # name too long for the file system
    assert skip.code == "W109" and "cannot read" in skip.reason


def test_ingest_broken_link_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "gone.txt").symlink_to(tmp_path / "missing.txt")
    [skip] = read(tmp_path)
    assert skip.code == "W109" and "broken link" in skip.reason


def test_ingest_50mb_text_file_is_read_only_up_to_the_limit(tmp_path):
    path = tmp_path / "huge.txt"
    paragraph = "Fighting continued around Varo for another day, officials said. " * 16 + "\n\n"
    with open(path, "w") as handle:
        for _ in range(50_000_000 // len(paragraph) + 1):
            handle.write(paragraph)
    started = time.perf_counter()
    notice, article = read(path, max_chars=200_000)
    assert time.perf_counter() - started < 5
    assert notice.code == "W111" and str(path.stat().st_size) in notice.message
    assert len(article.text) == 200_000 and article.text.startswith("Fighting continued")


@pytest.mark.parametrize("suffix", [".txt", ".html", ".rss", ".jsonl", ""])
def test_ingest_random_bytes_never_raise(tmp_path, suffix):
    path = tmp_path / f"noise{suffix}"
    path.write_bytes(random.Random(suffix).randbytes(3000))
    items = read(path)
    assert items and all(isinstance(item, (Article, Skipped, Notice)) for item in items)
    assert not articles(items)


@pytest.mark.parametrize(
    "line, expected",
    [
        ("By Lina Barakat | March 12, 2019", dt.date(2019, 3, 12)),
        ("Published: Tuesday 12 March 2019 09:15 GMT", dt.date(2019, 3, 12)),
        ("Last updated on 2019-03-12T08:00Z", dt.date(2019, 3, 12)),
        ("09:15 GMT, 3 Nov 2018", dt.date(2018, 11, 3)),
    ],
)
def test_ingest_date_line_variants(tmp_path, line, expected):
    path = tmp_path / "dated.txt"
    path.write_text(f"Shelling hits Varo\n\n{line}\n\nShells struck Varo on Monday, officials said.\n")
    assert read(path)[0].published == expected


def test_ingest_text_file_headline_becomes_the_title():
    [article] = articles(read(FIXTURES / "folder" / "varo-shelling.txt"))
    assert article.title == "Shelling kills three in Varo as army presses rebels"


def test_ingest_text_without_headline_has_no_title(tmp_path):
    path = tmp_path / "lede.txt"
    path.write_text("Shells struck Varo on Monday, officials said.\n\nThree people died.\n")
    assert read(path)[0].title is None
