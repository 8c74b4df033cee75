"""In English every label is English: reference data carries English names, and a snapshot's
stored labels are rendered in the reader's language, whatever language it was computed in."""

import re

import pytest
from django.utils import translation

from programs.models import Program
from references.models import AdministrativeDong, PriorityGroup
from reports.services import store_snapshot
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def language_restored():
    """Requests in English leave English active in this thread (LocaleMiddleware): restore it."""
    with translation.override(translation.get_language()):
        yield


# The official romanised names (Revised Romanization, as the district writes them).
OFFICIAL_DONG_NAMES = {
    "신도림동": "Sindorim-dong",
    "구로1동": "Guro 1-dong",
    "구로2동": "Guro 2-dong",
    "구로3동": "Guro 3-dong",
    "구로4동": "Guro 4-dong",
    "구로5동": "Guro 5-dong",
    "가리봉동": "Garibong-dong",
    "고척1동": "Gocheok 1-dong",
    "고척2동": "Gocheok 2-dong",
    "개봉1동": "Gaebong 1-dong",
    "개봉2동": "Gaebong 2-dong",
    "개봉3동": "Gaebong 3-dong",
    "오류1동": "Oryu 1-dong",
    "오류2동": "Oryu 2-dong",
    "수궁동": "Sugung-dong",
    "항동": "Hang-dong",
}


def english(client):
    client.cookies["django_language"] = "en"
    return client


def test_every_dong_carries_its_official_romanised_name():
    names = dict(AdministrativeDong.objects.values_list("name", "name_en"))
    assert names == OFFICIAL_DONG_NAMES


def test_a_dong_reads_in_the_readers_language():
    garibong = AdministrativeDong.objects.get(name="가리봉동")
    with translation.override("en"):
        assert str(garibong) == "Garibong-dong"
    with translation.override("ko"):
        assert str(garibong) == "가리봉동"


def test_every_priority_group_and_plan_program_has_an_english_name():
    assert not PriorityGroup.objects.filter(name_en="").exists()
    assert not Program.objects.filter(year=2010, name_en="").exists()
    with translation.override("en"):
        assert str(PriorityGroup.objects.get(code="single_parent")) == "Single-parent families"


def test_a_name_without_an_english_one_falls_back_to_korean():
    program = factories.ProgramFactory(name="구로 청년 일자리", name_en="")
    with translation.override("en"):
        assert program.display_name == "구로 청년 일자리"


def test_the_program_pages_show_english_names_in_english(client):
    program = factories.ProgramFactory(name="공공근로사업", name_en="Public Works Program")
    english(client)
    listing = client.get("/programs/").content.decode()
    detail = client.get(f"/programs/{program.pk}/").content.decode()
    assert "Public Works Program" in detail
    assert "공공근로사업" not in detail
    assert "Public Works Program" in listing and "공공근로사업" not in listing


def test_a_snapshot_computed_in_korean_reads_english_to_an_english_reader(client, hand_counted, staff_user):
    Program.objects.filter(pk=hand_counted.program.pk).update(name_en="2011 Public Works")
    with translation.override("ko"):
        store_snapshot(year=2011)
    client.force_login(staff_user)
    page = english(client).get("/dashboard/?year=2011").content.decode()
    assert "2011 Public Works" in page and "2011 공공근로" not in page
    assert "(Public works, 2011)" in page
    assert "Guro 3-dong" in page and "Sindorim-dong" in page
    assert "구로3동" not in page and "신도림동" not in page
    assert "Basic livelihood security recipients" in page
    assert "기초생활수급자" not in page
    assert ">Public<" in page and ">Private<" in page
    assert ">공공<" not in page and ">민간<" not in page and ">전체<" not in page
    # The year picker and the by-year rows: the number alone, no Korean "년".
    assert re.search(r'<option value="2011"[^>]*>2011</option>', page)
    assert ">2011년<" not in page and ">2010년<" not in page


def test_a_snapshot_computed_in_english_reads_korean_to_a_korean_reader(client, hand_counted, staff_user):
    with translation.override("en"):
        store_snapshot(year=2011)
    client.force_login(staff_user)
    page = client.get("/dashboard/?year=2011").content.decode()
    assert "구로3동" in page and "기초생활수급자" in page
    assert "Guro 3-dong" not in page and ">Public<" not in page


def test_the_dashboard_exports_follow_the_readers_language(client, hand_counted, staff_user):
    with translation.override("ko"):
        store_snapshot(year=2011)
    client.force_login(staff_user)
    text = english(client).get("/dashboard/2011/export.csv").content.decode("utf-8-sig")
    assert "Guro 3-dong" in text and "구로3동" not in text


def test_a_residents_page_names_their_program_in_english(client):
    resident = factories.ResidentFactory(with_user=True)
    program = factories.ProgramFactory(name="공공근로사업", name_en="Public Works Program")
    factories.ProgramApplicationFactory(resident=resident, program=program)
    client.force_login(resident.user)
    page = english(client).get("/me/").content.decode()
    assert "Public Works Program" in page and "공공근로사업" not in page


def test_the_dashboards_counts_carry_no_korean_unit_in_english(client, hand_counted, staff_user):
    with translation.override("ko"):
        store_snapshot(year=2011)
    client.force_login(staff_user)
    korean = client.get("/dashboard/?year=2011").content.decode()
    assert re.search(r">\d[\d,]*건<", korean)
    page = english(client).get("/dashboard/?year=2011").content.decode()
    assert not re.search(r">\d[\d,]*건<", page)
