"""An article's province from the places it names, with the administrative units file; the directory's organisations."""

from sqlalchemy import text

from pipeline.store import load_records, open_store
from pipeline.store.places import province_map, province_of
from tests.pipeline.store_helpers import official, record


def test_places_a_city_or_district_counts_for_its_province():
    assert province_of({"text": "Thành ủy Hạ Long tổ chức hội nghị.", "published": "2024-03-01"}) == "Quảng Ninh"
    assert province_of({"text": "Ban Thường vụ Thành ủy Tam Điệp họp.", "published": "2023-01-01"}) == "Ninh Bình"
    assert province_of({"text": "Huyện ủy Đại Từ và huyện Phú Bình.", "published": "2022-01-01"}) == "Thái Nguyên"


def test_places_a_province_is_named_as_it_was_on_the_articles_date():
    before = {"text": "Tỉnh ủy Yên Bái ban hành nghị quyết; huyện Mù Cang Chải.", "published": "2024-12-01"}
    assert province_of(before) == "Yên Bái"
    assert province_of({**before, "published": "2025-08-01T09:00:00"}) == "Lào Cai"


def test_places_fall_back_to_the_sources_province_and_leave_ambiguous_units_out():
    assert province_of({"text": "Hội nghị sơ kết công tác.", "province": "Điện Biên"}) == "Điện Biên"
    assert province_of({"text": "Hội nghị sơ kết công tác."}) is None
    # Chợ Mới is a district of Bắc Kạn and of An Giang: it names neither
    assert "Chợ Mới" not in province_map()
    assert province_of({"text": "Huyện ủy Chợ Mới họp.", "province": "An Giang"}) == "An Giang"


def test_places_the_directory_names_a_bare_provincial_body_with_the_province(db_url):
    engine = open_store(db_url, create=True)
    text_ = "Đồng chí Bùi Văn Hải, Bí thư Tỉnh ủy, dự hội nghị ở huyện Yên Phong."
    facts = [official("Bùi Văn Hải", "Bí thư", organization="Tỉnh ủy")]
    list(load_records(engine, [record("d1", text_, facts, province="Bắc Giang")], "test"))
    with engine.connect() as conn:
        rows = conn.execute(text("SELECT person, organization FROM official_directory")).all()
        listed = conn.execute(text("SELECT type, label, province FROM fact_list")).all()
    assert rows == [("Bùi Văn Hải", "Tỉnh ủy Bắc Ninh")]
    assert listed == [("official", "Bùi Văn Hải | Bí thư | Tỉnh ủy", "Bắc Ninh")]
