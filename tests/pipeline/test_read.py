import unicodedata
from pathlib import Path

import pytest

from pipeline.errors import EmptyPageError, EncodingError, ReadError
from pipeline.text.read import decode, read_document
from tests.helpers import windows_1258

SENTENCE = "Đảng bộ Khối các cơ quan tỉnh có 5.356 đảng viên; Bí thư Đảng ủy Khối chủ trì hội nghị."


def write(tmp_path: Path, name: str, data: bytes) -> Path:
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_read_utf8_text(tmp_path):
    path = write(tmp_path, "a.txt", SENTENCE.encode("utf-8"))
    assert read_document(path) == (SENTENCE, "text")


def test_read_utf8_with_bom_drops_the_bom(tmp_path):
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbf" + SENTENCE.encode("utf-8"))
    assert read_document(path) == (SENTENCE, "text")


def test_read_windows_1258_with_combining_tones(tmp_path):
    data = windows_1258(SENTENCE * 3)
    with pytest.raises(UnicodeDecodeError):
        data.decode("utf-8")
    text, kind = read_document(write(tmp_path, "a.txt", data))
    assert unicodedata.normalize("NFC", text) == SENTENCE * 3
    assert kind == "text"


@pytest.mark.parametrize("short", ["Thanh Thương", "Các tin khác", "Thống kê truy cập", "Nâng cao chất lượng sinh hoạt chi bộ"])
def test_read_windows_1258_short_text_is_not_taken_for_another_code_page(short):
    assert unicodedata.normalize("NFC", decode(windows_1258(short))) == short


def test_read_windows_1258_declared_in_meta_charset(tmp_path):
    page = f'<html><head><meta charset="windows-1258"><title>t</title></head><body><p>{SENTENCE}</p></body></html>'
    text, kind = read_document(write(tmp_path, "a.html", windows_1258(page)))
    assert SENTENCE in unicodedata.normalize("NFC", text)
    assert kind == "html"


def test_read_html_kind_from_suffix(tmp_path):
    for suffix in (".html", ".htm", ".HTML"):
        assert read_document(write(tmp_path, f"a{suffix}", SENTENCE.encode()))[1] == "html"


def test_read_html_kind_from_content(tmp_path):
    page = f"\n  <!DOCTYPE html>\n<html><body><p>{SENTENCE}</p></body></html>"
    assert read_document(write(tmp_path, "page.txt", page.encode()))[1] == "html"


def test_read_text_starting_with_a_bracket_is_text(tmp_path):
    text = f"<Tin tức> {SENTENCE}"
    assert read_document(write(tmp_path, "a.txt", text.encode()))[1] == "text"


@pytest.mark.parametrize("data", [b"", b"  \n\t\r\n", b"\xef\xbb\xbf"])
def test_read_empty_file_raises_empty_page_naming_it(tmp_path, data):
    path = write(tmp_path, "empty.txt", data)
    with pytest.raises(EmptyPageError, match="empty.txt"):
        read_document(path)


def test_read_binary_with_nul_bytes_raises_read_error_naming_it(tmp_path):
    path = write(tmp_path, "junk.txt", b"PK\x03\x04\x00\x00" + bytes(range(256)) * 8)
    with pytest.raises(ReadError, match="junk.txt.*binary"):
        read_document(path)


def test_read_control_characters_raise_read_error_naming_it(tmp_path):
    path = write(tmp_path, "junk.txt", (SENTENCE.encode() + b"\x01\x02\x03\x04\x05\x06\x07\x08") * 20)
    with pytest.raises(ReadError, match="junk.txt.*control"):
        read_document(path)


def test_read_mostly_symbols_raises_read_error_naming_it(tmp_path):
    path = write(tmp_path, "junk.txt", ("%$#@ 12345 {}[] ;;;; ==== " * 40).encode())
    with pytest.raises(ReadError, match="junk.txt.*letters"):
        read_document(path)


def test_read_undecodable_raises_encoding_error_naming_it(tmp_path):
    path = write(tmp_path, "garbled.txt", bytes(range(0x80, 0x100)) * 20)
    with pytest.raises(EncodingError, match="garbled.txt"):
        read_document(path)


def test_read_high_bytes_that_decode_only_to_mojibake_raise_encoding_error(tmp_path):
    junk = bytes((i * 37 + 11) % 64 + 0xC0 for i in range(3000))
    path = write(tmp_path, "mojibake.txt", junk)
    with pytest.raises(EncodingError, match="mojibake.txt"):
        read_document(path)


def test_read_broken_utf16_bom_raises_encoding_error_naming_it(tmp_path):
    path = write(tmp_path, "odd.txt", b"\xff\xfe" + "Đảng".encode("utf-16-le") + b"\x41")
    with pytest.raises(EncodingError, match="odd.txt"):
        read_document(path)


def test_read_missing_path_raises_read_error_naming_it(tmp_path):
    with pytest.raises(ReadError, match="nowhere.txt.*no such file"):
        read_document(tmp_path / "nowhere.txt")


def test_read_directory_raises_read_error_naming_it(tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    with pytest.raises(ReadError, match="folder.txt.*directory"):
        read_document(folder)


def test_read_permission_denied_raises_read_error_naming_it(tmp_path, monkeypatch):
    path = write(tmp_path, "secret.txt", SENTENCE.encode())

    def deny(self, *args, **kwargs):
        raise PermissionError(13, "Permission denied", str(self))

    monkeypatch.setattr(Path, "open", deny)
    with pytest.raises(ReadError, match="secret.txt.*permission"):
        read_document(path)


def test_read_decode_prefers_utf8_over_a_wrong_declaration():
    page = f'<meta charset="windows-1258"><p>{SENTENCE}</p>'
    assert SENTENCE in decode(page.encode("utf-8"))


def test_read_corpus_pages_decode_as_vietnamese():
    root = Path(__file__).resolve().parents[2] / "corpus"
    for path in sorted(p for p in root.rglob("*.*") if p.suffix in (".txt", ".html", ".json")):  # not the provenance notes (SOURCES.md)
        text, kind = read_document(path)
        assert kind == ("html" if path.suffix == ".html" else "text")
        text = unicodedata.normalize("NFC", text)  # corpus/html/ holds a page written in NFD
        assert "ư" in text and "đ" in text and "\ufffd" not in text


def test_read_declared_charset_that_gives_mojibake_falls_back_to_detection(tmp_path):
    page = f'<html><head><meta charset="windows-1251"></head><body><p>{SENTENCE}</p></body></html>'
    path = write(tmp_path, "a.html", windows_1258(page))
    text, _ = read_document(path)
    assert SENTENCE in unicodedata.normalize("NFC", text)


def test_read_page_whose_bytes_read_as_no_vietnamese_is_reported_not_garbled(tmp_path):
    japanese = "県党委員会は本日、党建設活動の総括会議を開催し、新たに党員を受け入れた。" * 4
    page = f'<html><head><meta charset="iso-8859-1"></head><body><p>{japanese}</p></body></html>'
    path = write(tmp_path, "jp.html", page.encode("shift_jis"))
    with pytest.raises(EncodingError, match="jp.html"):
        read_document(path)
