"""HTML cleaning on the layout-family fixtures of corpus/html/ and on the hard cases: encodings,
NFD, several articles, listings, empty, cut-off and junk pages, site profiles, metadata."""

import json
import re
import subprocess
import sys
import textwrap
import unicodedata
from collections import Counter
from pathlib import Path

import pytest

from pipeline.article import process_file
from pipeline.clean import Profile, clean_html, load_profile, load_profiles
from pipeline.crawl.discover import next_page_url
from pipeline.errors import EmptyPageError
from pipeline.text.normalize import fold, normalize
from pipeline.text.read import read_document
from tests.helpers import windows_1258

ROOT = Path(__file__).resolve().parents[2]
HTML = ROOT / "corpus" / "html"
FIXTURES = Path(__file__).resolve().parent / "fixtures" / "html"
GOLD = sorted(HTML.rglob("*.segments.json"))
# Layout families of the built pages (the older ones, and `table`, `mobile` of the failure kinds
# under built/) and the national papers of the real pages under real/.
FAMILIES = {"liferay", "sharepoint", "tinhuy", "wordpress", "inhouse", "vnexpress", "table", "mobile"}
REAL_FAMILIES = {"vnexpress", "baochinhphu", "baodautu", "cafef", "dantri", "nld", "tuoitre", "vietnamnet"}
FAILURE_KINDS = {"photo", "old_desktop", "related_inside", "short"}  # corpus/html/built/<kind>/
SEEDS = {
    "000": "inhouse/baotintuc_seed000",
    "001": "sharepoint/dienbien_seed001",
    "002": "wordpress/contentfarm_seed002",
    "003": "liferay/thainguyen_gov_seed003",
    "004": "inhouse/baodongnai_seed004",
}
WORDS = re.compile(r"\w+")


def page_of(gold_path: Path) -> Path:
    return gold_path.with_name(gold_path.name.replace(".segments.json", ".html"))


def gold_of(gold_path: Path) -> dict:
    return json.loads(gold_path.read_text(encoding="utf-8"))


def cleaned(path: Path, **kwargs):
    html, _ = read_document(path)
    return clean_html(html, str(path), **kwargs)


def segments(page) -> list[tuple[str, str]]:
    return [(b.label, normalize(b.text).text) for b in page.blocks]


def gold_segments(gold: dict) -> list[tuple[str, str]]:
    return [(s["label"], normalize(s["text"]).text) for s in gold["segments"]]


def body_text(page) -> str:
    return fold("\n".join(b.text for b in page.blocks if b.label in ("lead", "body")))


# --- the fixtures: every layout family, against hand-checked gold ---------------------------------


def test_clean_html_fixtures_cover_every_layout_family_the_real_papers_and_each_failure_kind():
    real = [path for path in GOLD if path.parent.name == "real"]
    built = [path for path in GOLD if path.parent.name != "real"]
    assert {gold_of(path)["family"] for path in built} == FAMILIES
    assert {gold_of(path)["family"] for path in real} == REAL_FAMILIES and len(real) >= 9
    for kind in FAILURE_KINDS:
        pages = sorted((HTML / "built" / kind).glob("*.segments.json"))
        assert len(pages) >= 3, kind


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.removesuffix(".segments.json"))
def test_clean_html_fixture_segments_match_gold(gold_path):
    page = cleaned(page_of(gold_path))
    assert segments(page) == gold_segments(gold_of(gold_path))


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.removesuffix(".segments.json"))
def test_clean_html_fixture_body_scores_at_least_0_90_token_f1(gold_path):
    want = Counter(WORDS.findall(fold(" ".join(text for label, text in gold_segments(gold_of(gold_path)) if label in ("lead", "body")))))
    got = Counter(WORDS.findall(body_text(cleaned(page_of(gold_path)))))
    hit = sum((got & want).values())
    assert hit and 2 * hit / (sum(got.values()) + sum(want.values())) >= 0.90


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.removesuffix(".segments.json"))
def test_clean_html_fixture_metadata_matches_gold(gold_path):
    page = cleaned(page_of(gold_path))
    for field, want in gold_of(gold_path)["meta"].items():
        got = getattr(page, field)
        assert (normalize(got).text if isinstance(got, str) else got) == (normalize(want).text if want else want), field


@pytest.mark.parametrize("gold_path", GOLD, ids=lambda p: p.name.removesuffix(".segments.json"))
def test_clean_html_fixture_body_keeps_the_lead_and_leaks_no_caption_byline_or_teaser(gold_path):
    gold = gold_of(gold_path)
    page = cleaned(page_of(gold_path))
    body = body_text(page)
    for segment in gold["segments"]:
        if segment["label"] == "lead":
            assert fold(segment["text"]) in body
        if segment["label"] in ("caption", "byline"):
            assert fold(segment["text"]) not in body, segment
    html, _ = read_document(page_of(gold_path))
    article = fold(" ".join(s["text"] for s in gold["segments"]))
    for teaser in _link_texts(html):
        if len(teaser.split()) >= 5 and fold(teaser) not in article:
            assert fold(teaser) not in body, teaser


def _link_texts(html: str) -> list[str]:
    from bs4 import BeautifulSoup

    return [" ".join(a.get_text().split()) for a in BeautifulSoup(html, "lxml").find_all("a")]


def test_clean_html_record_segments_point_into_the_stored_text():
    gold_path = HTML / "liferay" / "thainguyen_gov_seed003.segments.json"
    record = process_file(page_of(gold_path))
    stored = [(s["label"], record["text"][s["start"] : s["end"]]) for s in record["segments"]]
    assert stored == gold_segments(gold_of(gold_path))
    for fact in record["facts"]:
        assert record["text"][fact["start"] : fact["end"]] in fact["sentence"]


# --- the seeds: their HTML forms give the facts of their text forms ----------------------------------


def _fact_key(fact: dict) -> str:
    return json.dumps({k: v for k, v in fact.items() if k not in ("start", "end", "article_id")}, sort_keys=True)


@pytest.mark.parametrize("seed", sorted(SEEDS))
def test_clean_html_seed_page_gives_the_facts_of_its_text_form(seed):
    text_record = process_file(next((ROOT / "corpus").glob(f"{seed}_*.txt")))
    html_record = process_file(HTML / f"{SEEDS[seed]}.html")
    assert "error" not in html_record
    assert text_record["facts"]
    assert sorted(map(_fact_key, html_record["facts"])) == sorted(map(_fact_key, text_record["facts"]))


# --- encodings -----------------------------------------------------------------------------------


def test_clean_html_windows_1258_page_reads_like_its_utf8_form(tmp_path):
    source = HTML / "inhouse" / "baodongnai_seed004.html"
    html = source.read_text(encoding="utf-8").replace('charset="utf-8"', 'charset="windows-1258"')
    page_path = tmp_path / "cp1258.html"
    page_path.write_bytes(windows_1258(html))
    with pytest.raises(UnicodeDecodeError):
        page_path.read_bytes().decode("utf-8")
    assert segments(cleaned(page_path)) == segments(cleaned(source))


def test_clean_html_windows_1258_fixture_declares_its_charset():
    data = (HTML / "inhouse" / "baoninhbinh_cp1258_dev10.html").read_bytes()
    assert b"charset=windows-1258" in data
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")


def test_clean_html_nfd_page_gives_the_labels_and_metadata_of_its_nfc_form():
    source = HTML / "wordpress" / "baoquangninh_dev06.html"
    html = source.read_text(encoding="utf-8")
    nfd, nfc = clean_html(unicodedata.normalize("NFD", html)), clean_html(html)
    assert segments(nfd) == segments(nfc)
    assert nfd.blocks[0].text == unicodedata.normalize("NFD", nfc.blocks[0].text)
    assert (nfd.published, nfd.language, normalize(nfd.author).text) == (nfc.published, nfc.language, nfc.author)


def test_clean_html_nfd_fixture_is_written_in_nfd():
    text = (HTML / "tinhuy" / "tinhuylaichau_nfd_dev14.html").read_text(encoding="utf-8")
    assert "\u0301" in text and unicodedata.normalize("NFD", text) == text


# --- several articles, listings, no article ------------------------------------------------------


@pytest.mark.parametrize("name", ["liferay/huongkhe_two_articles_dev15", "inhouse/baobacgiang_two_articles_dev03"])
def test_clean_html_page_with_two_full_articles_keeps_the_main_one_and_says_so(name):
    page = cleaned(HTML / f"{name}.html")
    assert "page holds 2 articles; kept the main one, dropped 1 other" in page.notes
    second_title = {"liferay": "TP Hạ Long trao Huy hiệu Đảng", "inhouse": "Điều động, chỉ định Bí thư Huyện ủy Thanh Sơn"}
    assert second_title[name.split("/")[0]] not in " ".join(b.text for b in page.blocks)


def test_clean_html_listing_page_is_reported_as_no_article():
    with pytest.raises(EmptyPageError, match=r"listing\.html: a listing of 10 teasers, no article text"):
        clean_html((FIXTURES / "tinhuy_listing.html").read_text(encoding="utf-8"), "listing.html")


def test_clean_html_page_of_furniture_only_is_reported_as_no_article():
    html = (
        "<html><head><title>Tỉnh ủy</title></head><body><nav><ul><li><a href='/'>Trang chủ</a></li>"
        "<li><a href='/x'>Xây dựng Đảng</a></li></ul></nav><div class='sidebar'><h3>Tin mới nhất</h3><ul>"
        "<li><a href='/a'>Hội nghị Ban Chấp hành Đảng bộ tỉnh lần thứ 18 khóa XX</a></li></ul></div>"
        "<footer><p>Cơ quan chủ quản: Tỉnh ủy. Ghi rõ nguồn khi phát hành lại thông tin từ website này.</p></footer></body></html>"
    )
    with pytest.raises(EmptyPageError, match="menu.html: no article text"):
        clean_html(html, "menu.html")


@pytest.mark.parametrize("html", ["", "   ", "<html></html>", "<html><head><title>x</title></head><body></body></html>"])
def test_clean_html_empty_page_is_reported(html):
    with pytest.raises(EmptyPageError, match="e.html: no article text"):
        clean_html(html, "e.html")


def test_clean_html_truncated_page_keeps_what_it_has_and_says_so():
    gold_path = HTML / "inhouse" / "baothainguyen_dev01.segments.json"
    html = page_of(gold_path).read_text(encoding="utf-8")
    want = gold_segments(gold_of(gold_path))
    cut = html.index(want[6][1][:40])
    page = clean_html(html[:cut], "cut.html")
    assert segments(page)[:6] == want[:6]
    assert "page ends before </html>: cut off?" in page.notes


def test_clean_html_five_megabytes_of_nested_junk_finish_in_bounded_time_and_memory():
    script = textwrap.dedent(
        """
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1536 * 2**20, 1536 * 2**20))
        from pipeline.clean import clean_html
        from pipeline.errors import EmptyPageError
        junks = {
            "nested": "<html><body>" + "<div><span><b>x " * 330_000 + "</body></html>",
            "text": "<html><body><p>" + "rác " * 1_300_000 + "</p></body></html>",
            "after": "<html><body><h1>Tiêu đề bài viết về công tác xây dựng Đảng</h1>"
            + "<p>" + "Đảng bộ tỉnh đã kết nạp 1.204 đảng viên mới trong năm qua, đạt 105% kế hoạch. " * 4 + "</p>"
            + "<div><table><tr><td>" * 400_000 + "</body></html>",
        }
        for name, html in junks.items():
            assert len(html) >= 5_000_000, name
            try:
                page = clean_html(html, name)
                print(name, "cut" if any("page cut" in n for n in page.notes) else "whole")
            except EmptyPageError as exc:
                print(name, "empty", exc)
        """
    )
    result = subprocess.run([sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    lines = dict(line.split(" ", 1) for line in result.stdout.splitlines())
    assert lines["nested"].startswith("empty") and lines["text"] == "cut" and lines["after"] == "cut"


# --- site profiles -------------------------------------------------------------------------------


def test_clean_html_profiles_in_the_repository_load():
    names = {profile.name for profile in load_profiles()}
    assert {"vnexpress", "thainguyen.gov.vn", "dienbien.gov.vn"} <= names


def test_clean_html_profile_picked_by_the_canonical_url():
    page = cleaned(HTML / "vnexpress_kinh_doanh.html")
    assert "site profile vnexpress" in page.notes


def test_clean_html_profile_picked_by_the_fetch_url_when_the_page_declares_none():
    gold_path = HTML / "sharepoint" / "dienbien_seed001.segments.json"
    page = cleaned(page_of(gold_path), url="https://dienbien.gov.vn/Pages/chi-tiet-tin-tuc.aspx?ItemID=21&l=TinTuc")
    assert "site profile dienbien.gov.vn" in page.notes
    assert segments(page) == gold_segments(gold_of(gold_path))
    assert page.url == "https://dienbien.gov.vn/Pages/chi-tiet-tin-tuc.aspx?ItemID=21&l=TinTuc"


LONG = (
    "Trong năm, Đảng bộ huyện đã kết nạp 312 đảng viên mới, đạt 104% chỉ tiêu; 96% tổ chức cơ sở đảng "
    "hoàn thành tốt nhiệm vụ trở lên, công tác kiểm tra, giám sát được tăng cường ở tất cả các chi bộ trực thuộc."
)
NOTICE = "Thông báo: Ban Thường vụ Huyện ủy tổ chức hội nghị học tập chuyên đề vào sáng thứ Hai tuần tới tại hội trường."


def test_clean_html_profile_body_overrides_the_generic_choice():
    html = (
        "<html><head><link rel='canonical' href='https://huyenuy.example.vn/tin/1'></head><body>"
        f"<div class='main'><h1>Tổng kết công tác xây dựng Đảng năm 2024</h1><p>{LONG}</p><p>{LONG}</p></div>"
        f"<div class='notice'><p>{NOTICE}</p></div></body></html>"
    )
    profile = Profile("example", ("example.vn",), {"body": ("div.notice",), "drop": ("div.main",)})
    generic = clean_html(html, profiles=())
    profiled = clean_html(html, profiles=(profile,))
    assert LONG in [b.text for b in generic.blocks] and NOTICE not in [b.text for b in generic.blocks]
    assert [b.text for b in profiled.blocks if b.label != "title"] == [NOTICE]
    assert "site profile example" in profiled.notes


def test_clean_html_profile_with_an_unknown_part_is_an_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('hosts = ["x.vn"]\n[selectors]\nsidebar = ["div.x"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml"):
        load_profile(path)


def test_clean_html_profile_with_an_unsupported_selector_is_an_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text('hosts = ["x.vn"]\n[selectors]\nbody = ["div >> p"]\n', encoding="utf-8")
    with pytest.raises(ValueError, match="bad.toml: unsupported selector"):
        load_profile(path)


# --- metadata ------------------------------------------------------------------------------------

PARAGRAPHS = f"<p>{LONG}</p><p>{LONG}</p>"


def test_clean_html_metadata_from_json_ld():
    ld = {
        "@context": "https://schema.org",
        "@graph": [
            {
                "@type": "NewsArticle",
                "headline": "Kết nạp 312 đảng viên mới",
                "datePublished": "2024-12-20T09:30:00+07:00",
                "author": [{"@type": "Person", "name": "Minh Châu"}],
                "inLanguage": "vi-VN",
                "url": "https://bao.example.vn/a-1.html",
            }
        ],
    }
    html = f"<html><head><script type='application/ld+json'>{json.dumps(ld, ensure_ascii=False)}</script></head><body><article>{PARAGRAPHS}</article></body></html>"
    page = clean_html(html)
    assert (page.title, page.published, page.author, page.language, page.url) == (
        "Kết nạp 312 đảng viên mới",
        "2024-12-20T09:30:00",
        "Minh Châu",
        "vi",
        "https://bao.example.vn/a-1.html",
    )


def test_clean_html_broken_json_ld_is_ignored():
    html = f"<html><head><script type='application/ld+json'>{{not json</script></head><body><article>{PARAGRAPHS}</article></body></html>"
    assert clean_html(html).published is None


@pytest.mark.parametrize(
    "dateline, iso",
    [
        ("Thứ Năm, 15/10/2020, 16:21 (GMT+7)", "2020-10-15T16:21:00"),
        ("Cập nhật lúc 16:10, Thứ Tư, 10/04/2019", "2019-04-10T16:10:00"),
        ("2020-08-24 08:14:00.0", "2020-08-24T08:14:00"),
        ("Ngày 12 tháng 3 năm 2025", "2025-03-12"),
    ],
)
def test_clean_html_visible_dateline_forms(dateline, iso):
    html = f"<html><body><h1>Tổng kết công tác xây dựng Đảng năm 2024</h1><div class='date'>{dateline}</div><div class='content'>{PARAGRAPHS}</div></body></html>"
    page = clean_html(html)
    assert page.published == iso
    assert ("dateline", dateline) in [(b.label, b.text) for b in page.blocks]


def test_clean_html_current_date_in_the_page_header_is_not_the_dateline():
    html = (
        "<html><body><div class='top-bar'><span class='today'>Hôm nay: Thứ Hai, 22/04/2024</span></div>"
        f"<h1>Tổng kết công tác xây dựng Đảng năm 2024</h1><div class='content'>{PARAGRAPHS}</div></body></html>"
    )
    page = clean_html(html)
    assert page.published is None and "dateline" not in [b.label for b in page.blocks]


def test_clean_html_language_detected_when_undeclared_and_taken_when_declared():
    body = f"<body><article>{PARAGRAPHS}</article></body>"
    assert clean_html(f"<html>{body}</html>").language == "vi"
    assert clean_html(f"<html lang='vi-VN'>{body}</html>").language == "vi"
    english = "<p>" + "The provincial party committee held its annual review meeting on Monday morning. " * 3 + "</p>"
    assert clean_html(f"<html><body><article>{english}{english}</article></body></html>").language is None


def test_clean_html_source_line_and_author():
    html = (
        f"<html><head><meta name='author' content='Ban biên tập'></head><body><h1>Tổng kết công tác xây dựng Đảng năm 2024</h1>"
        f"<div class='content'>{PARAGRAPHS}<p style='text-align:right'><em>Nguồn: tinhuy.example.vn</em></p>"
        "<p style='text-align:right'><strong>Thanh Hà</strong></p></div></body></html>"
    )
    page = clean_html(html)
    assert (page.source_line, page.author) == ("Nguồn: tinhuy.example.vn", "Thanh Hà")
    assert [b.label for b in page.blocks][-2:] == ["source", "byline"]


def test_clean_html_author_from_meta_when_the_page_prints_no_byline():
    html = f"<html><head><meta name='author' content='Minh Châu'></head><body><article>{PARAGRAPHS}</article></body></html>"
    assert clean_html(html).author == "Minh Châu"


# --- layouts no fixture has: the generic cleaner alone -------------------------------------------

LONG_2 = (
    "Ban Thường vụ đề nghị các chi bộ đổi mới nội dung sinh hoạt, gắn với nhiệm vụ chính trị của cơ quan, đơn vị; "
    "người đứng đầu cấp ủy phải gương mẫu, chịu trách nhiệm trước tập thể về kết quả công tác xây dựng Đảng ở địa phương."
)
SAPO = "Sáng 5/6, Ban Thường vụ Thành ủy Vĩnh Yên tổ chức hội nghị sơ kết 6 tháng đầu năm, đánh giá kết quả công tác xây dựng Đảng."
TITLE = "Vĩnh Yên sơ kết công tác xây dựng Đảng 6 tháng"


def test_clean_html_joomla_article_page():
    html = (
        f"<html lang='vi-vn'><head><title>{TITLE} - Thành ủy Vĩnh Yên</title></head><body class='site com_content'>"
        "<header><ul class='nav menu'><li><a href='/'>Trang chủ</a></li><li><a href='/tin-tuc'>Tin tức</a></li></ul></header>"
        f"<main id='content'><div class='item-page'><div class='page-header'><h2 itemprop='headline'>{TITLE}</h2></div>"
        "<dl class='article-info'><dd class='published'><time datetime='2024-06-05T10:20:00+07:00'>Đăng ngày 05/06/2024</time></dd>"
        "<dd class='hits'>Lượt xem: 312</dd></dl>"
        f"<div itemprop='articleBody'><p><strong>{SAPO}</strong></p><p style='text-align: center;'><img src='a.jpg'></p>"
        f"<p style='text-align: center;'><em>Quang cảnh hội nghị sơ kết.</em></p><p>{LONG}</p><p>{LONG_2}</p>"
        "<p style='text-align: right;'><strong>Minh Ngọc</strong></p></div>"
        "<ul class='pager pagenav'><li><a href='/1'>Trước</a></li><li><a href='/3'>Tiếp</a></li></ul></div>"
        "<div class='items-more'><h3>Các bài viết khác</h3><ol><li><a href='/a'>Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21 khóa XX</a></li></ol></div>"
        "</main><footer><p>Bản quyền thuộc Thành ủy Vĩnh Yên. Địa chỉ: số 1 đường Kim Ngọc, thành phố Vĩnh Yên.</p></footer></body></html>"
    )
    page = clean_html(html)
    assert [(b.label, b.text) for b in page.blocks] == [
        ("title", TITLE),
        ("dateline", "Đăng ngày 05/06/2024"),
        ("lead", SAPO),
        ("caption", "Quang cảnh hội nghị sơ kết."),
        ("body", LONG),
        ("body", LONG_2),
        ("byline", "Minh Ngọc"),
    ]
    assert page.published == "2024-06-05T10:20:00"


def test_clean_html_table_layout_with_br_separated_text_and_no_title_markup():
    html = (
        "<html><head><title>Tin tức</title></head><body><form id='Form'><table><tr><td class='LeftPane'><a href='/'>Trang chủ</a><br>"
        f"<a href='/x'>Giới thiệu</a></td><td class='ContentPane'><span class='Head'>{TITLE}</span><br>"
        f"<span class='NormalRed'>Cập nhật ngày 05/06/2024</span><br><br><span class='Normal'>{SAPO}<br><br>{LONG}<br><br>{LONG_2}<br><br>"
        "<div align='right'><b>Minh Ngọc</b></div></span></td><td class='RightPane'><b>Tin khác</b><br>"
        "<a href='/a'>Hội nghị Ban Chấp hành Đảng bộ thành phố lần thứ 21 khóa XX</a></td></tr></table></form></body></html>"
    )
    page = clean_html(html)
    assert [(b.label, b.text) for b in page.blocks] == [
        ("title", TITLE),
        ("dateline", "Cập nhật ngày 05/06/2024"),
        ("lead", SAPO),
        ("body", LONG),
        ("body", LONG_2),
        ("byline", "Minh Ngọc"),
    ]
    assert page.published == "2024-06-05"


def test_clean_html_profile_selectors_are_the_css_of_next_page():
    html = (
        "<html><head><link rel='canonical' href='https://huyenuy.example.vn/tin/1'></head><body>"
        f"<div class='main'><h1>Tổng kết công tác xây dựng Đảng năm 2024</h1><p>{LONG}</p><p>{LONG_2}</p>"
        f"<p><a href='/p1'>1</a> <a href='/p2'>2</a> <b>{NOTICE}</b></p></div></body></html>"
    )
    selector = "div.main > p:last-child > b, div.main > p:last-child > a:not([href='/p1'])"
    generic = clean_html(html, profiles=())
    profiled = clean_html(html, profiles=(Profile("example", ("example.vn",), {"drop": (selector,)}),))
    assert any(NOTICE in b.text for b in generic.blocks)
    assert not any(NOTICE in b.text for b in profiled.blocks) and LONG in [b.text for b in profiled.blocks]
    assert next_page_url(html, "https://huyenuy.example.vn/tin", "https://huyenuy.example.vn/tin", selector, 2) == "https://huyenuy.example.vn/p2"


# --- what a block is, whatever its markup (issue 14's failure kinds, in small) --------------------

PROSE = (
    "Chi bộ thôn Tân Phú có 41 đảng viên, 3 năm liền đạt trong sạch, vững mạnh tiêu biểu. "
    "Mỗi kỳ sinh hoạt, chi bộ chọn một việc dân quan tâm để bàn và giao cho từng đảng viên phụ trách."
)
CREDITED = "Một buổi sinh hoạt chuyên đề của Chi bộ thôn Tân Phú. (Ảnh: Thiện Vỹ)"


def test_clean_html_prose_in_caption_markup_is_body_and_a_credited_line_is_a_caption():
    photo = "<figure><img src='{0}.jpg'><figcaption>{1}</figcaption></figure>"
    html = f"<html><body><h1>{TITLE}</h1><div class='content'><p><strong>{SAPO}</strong></p>{photo.format(1, PROSE)}{photo.format(2, CREDITED)}<p>{LONG}</p></div></body></html>"
    page = clean_html(html)
    assert [(b.label, b.text) for b in page.blocks][-3:] == [("body", PROSE), ("caption", CREDITED), ("body", LONG)]
    assert "photo story: prose under the photos kept as body" in page.notes


def _teasers(count: int) -> str:
    return "".join(
        f"<div class='item'><h3><a href='/t/{i}'>Đảng ủy xã số {i} kết nạp đảng viên mới trong dịp kỷ niệm</a></h3>"
        f"<p>Hội nghị tổng kết công tác xây dựng Đảng năm nay của xã số {i}.</p></div>"
        for i in range(count)
    )


def test_clean_html_short_article_among_teasers_is_an_article_and_teasers_alone_a_listing():
    article = f"<h1>{TITLE}</h1><div class='date'>05/06/2024 10:15</div><p>{SAPO}</p><p>{LONG}</p><p>{LONG_2}</p>"
    page = clean_html(f"<html><body><div class='main'>{article}{_teasers(12)}</div></body></html>")
    assert [b.label for b in page.blocks] == ["title", "dateline", "lead", "body", "body"]
    assert "read as an article beside 12 teasers: a headline, a dateline and running prose" in page.notes
    with pytest.raises(EmptyPageError, match="a listing of 12 teasers"):
        clean_html(f"<html><body><div class='main'><h1>Xây dựng Đảng</h1>{_teasers(12)}</div></body></html>")


def test_clean_html_related_box_inside_the_article_is_dropped_and_the_article_read_on():
    links = "".join(f"<li><a href='/x/{i}'>Hội An phát triển đảng viên trong học sinh trung học số {i}</a></li>" for i in range(3))
    html = f"<html><body><h1>{TITLE}</h1><div class='entry-content'><p>{LONG}</p><p><strong>Xem thêm:</strong></p><ul>{links}</ul><p>{LONG_2}</p></div></body></html>"
    page = clean_html(html)
    assert [b.text for b in page.blocks if b.label in ("lead", "body")] == [LONG, LONG_2]
    assert "dropped 1 related-story box inside the article" in page.notes


@pytest.mark.parametrize(
    "byline, author",
    [("Hà Thu (tổng hợp)", "Hà Thu"), ("Minh Hương - Ban Tuyên giáo Huyện ủy", "Minh Hương"), ("NHẬT XUÂN - NGHI VŨ", "NHẬT XUÂN - NGHI VŨ")],
)
def test_clean_html_author_is_the_bylines_person_without_decorations(byline, author):
    html = f"<html><body><h1>{TITLE}</h1><div class='content'>{PARAGRAPHS}<p style='text-align:right'><b>{byline}</b></p></div></body></html>"
    page = clean_html(html)
    assert (page.blocks[-1].label, page.blocks[-1].text, page.author) == ("byline", byline, author)


def test_clean_html_site_name_in_the_author_meta_is_no_author():
    head = "<meta name='author' content='Dân Trí'><meta property='og:site_name' content='Báo điện tử Dân Trí'>"
    assert clean_html(f"<html><head>{head}</head><body><article>{PARAGRAPHS}</article></body></html>").author is None
