"""The occupation classification: the KECO 2018 tree, the migration from the 16 former
occupations, search at any level and GET /api/v1/occupations/."""

import importlib

import pytest
from django.apps import apps as django_apps

from employers.models import Vacancy
from references import keco2018
from references.models import Occupation
from tests import factories

pytestmark = pytest.mark.django_db

migration = importlib.import_module("references.migrations.0004_keco_2018_tree")


def test_the_tree_has_the_ten_major_35_middle_and_136_minor_groups_of_keco_2018():
    assert Occupation.objects.filter(level=1).count() == 10
    assert Occupation.objects.filter(level=2).count() == 35
    assert Occupation.objects.filter(level=3).count() == 136
    software = Occupation.objects.select_related("parent__parent").get(code="133")
    assert software.name == "소프트웨어 개발자" and software.name_en == "Software developers"
    assert software.parent.code == "13" and software.parent.name == "정보통신 연구개발직 및 공학 기술직"
    assert software.parent.parent.code == "1" and software.parent.parent.parent_id is None


def test_every_group_but_a_major_one_sits_under_the_group_its_code_starts_with():
    for occupation in Occupation.objects.filter(level__gt=1).select_related("parent"):
        assert occupation.parent.level == occupation.level - 1
        assert occupation.code.startswith(occupation.parent.code)


def test_a_group_whose_code_does_not_start_with_its_parents_is_refused():
    wrong = Occupation(code="999", name="잘못된 분류", level=3, parent=Occupation.objects.get(code="13"))
    with pytest.raises(Exception) as error:
        wrong.full_clean()
    assert "상위 분류의 코드로 시작해야" in str(error.value)


def _former_world():
    """The database as it was before the tree: the 16 former rows and one staff added."""
    Occupation.objects.update(parent=None, level=1)
    Occupation.objects.all().delete()
    rows = {
        code: Occupation.objects.create(code=code, name=name, level=1)
        for code, name, _new in keco2018.FORMER_OCCUPATIONS
    }
    extra = Occupation.objects.create(code="17", name="직접 추가한 직종", level=1)
    return rows, extra


def test_the_migration_maps_each_former_occupation_to_its_keco_group_without_losing_a_link():
    rows, extra = _former_world()
    vacancy = factories.VacancyFactory(occupation=rows["01"])
    resident = factories.ResidentFactory()
    resident.desired_occupations.add(rows["15"], rows["10"])
    staff_vacancy = factories.VacancyFactory(occupation=extra)

    migration.to_keco_2018(django_apps, None)

    assert Occupation.objects.count() == 10 + 35 + 136 + 1
    for old_code, _name, new_code in keco2018.FORMER_OCCUPATIONS:
        row = Occupation.objects.get(pk=rows[old_code].pk)
        assert row.code == new_code and row.level == 3
    vacancy.refresh_from_db()
    assert vacancy.occupation.code == "133"
    assert sorted(o.code for o in resident.desired_occupations.all()) == ["531", "550"]
    staff_vacancy.refresh_from_db()
    assert staff_vacancy.occupation.code == "X17" and staff_vacancy.occupation.name == "직접 추가한 직종"


def test_the_migration_reverses_to_the_former_list_with_the_links_intact():
    rows, extra = _former_world()
    vacancy = factories.VacancyFactory(occupation=rows["13"])
    migration.to_keco_2018(django_apps, None)
    migration.back_to_former_list(django_apps, None)
    assert sorted(Occupation.objects.values_list("code", flat=True)) == [f"{n:02d}" for n in range(1, 18)]
    vacancy.refresh_from_db()
    assert vacancy.occupation.code == "13" and vacancy.occupation.name == "물류·배송"


def test_the_sixteen_former_occupations_map_to_sixteen_distinct_minor_groups():
    targets = [new for _old, _name, new in keco2018.FORMER_OCCUPATIONS]
    assert len(set(targets)) == 16
    assert Occupation.objects.filter(code__in=targets, level=3).count() == 16


@pytest.mark.parametrize(
    ("chosen", "found"),
    [("1", {"소프트웨어", "전기설계"}), ("13", {"소프트웨어"}), ("133", {"소프트웨어"}), ("5", {"요리사"})],
)
def test_choosing_a_group_finds_the_vacancies_of_every_occupation_under_it(client, chosen, found):
    factories.VacancyFactory(title="소프트웨어", occupation=factories.occupation("133"))
    factories.VacancyFactory(title="전기설계", occupation=factories.occupation("153"))
    factories.VacancyFactory(title="요리사", occupation=factories.occupation("531"))
    group = Occupation.objects.get(code=chosen)
    answer = client.get("/api/v1/vacancies/", {"occupation": group.pk}).json()
    assert {row["title"] for row in answer["results"]} == found
    page = client.get("/vacancies/", {"occupation": group.pk}).content.decode()
    for title in {"소프트웨어", "전기설계", "요리사"}:
        assert (f">{title}</a>" in page) == (title in found)


def test_the_occupations_api_returns_the_whole_tree_with_code_name_level_and_parent(client):
    answer = client.get("/api/v1/occupations/").json()
    assert len(answer) == 181
    by_code = {row["code"]: row for row in answer}
    assert by_code["1"] == {
        "code": "1",
        "name": "연구직 및 공학 기술직",
        "name_en": "Research and engineering",
        "level": 1,
        "parent": None,
    }
    assert (
        by_code["133"]["parent"] == "13" and by_code["13"]["parent"] == "1" and by_code["133"]["level"] == 3
    )


def test_the_occupations_api_narrows_to_the_children_of_a_group(client):
    answer = client.get("/api/v1/occupations/", {"parent": "13"}).json()
    assert [row["code"] for row in answer] == ["131", "132", "133", "134", "135", "136"]
    majors = client.get("/api/v1/occupations/", {"level": 1}).json()
    assert [row["code"] for row in majors] == [str(n) for n in range(10)]


def test_a_vacancy_in_the_api_says_its_source_and_occupation_code(client):
    factories.VacancyFactory(title="구로 공고")
    row = client.get("/api/v1/vacancies/").json()["results"][0]
    assert row["source"] == Vacancy.Source.LOCAL and row["external_url"] is None
    assert row["occupation_code"] == "133"


def test_a_vacancy_spreadsheet_names_an_occupation_by_code_or_by_name():
    from employers.resources import OccupationLookupWidget

    widget = OccupationLookupWidget(Occupation, "name", "직종")
    assert widget.clean("133").name == "소프트웨어 개발자"
    assert widget.clean("군인").code == "250"  # the middle group 25 has the same name
    assert widget.clean("소프트웨어 개발").code == "133"  # a former name, from an older spreadsheet
    with pytest.raises(ValueError, match="등록되지 않은 직종"):
        widget.clean("없는 직종")
