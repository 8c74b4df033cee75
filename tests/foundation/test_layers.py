"""Dependencies run one way (.importlinter, docs/ARCHITECTURE.md): the higher apps add themselves to
the lower apps' pages through hooks, and the lower apps never import them."""

from pathlib import Path

import pytest
from django.contrib import admin
from importlinter.cli import lint_imports

from employers.models import Vacancy
from residents import me_panels
from residents.data_export import REGISTERED_SECTIONS
from residents.models import Resident

ROOT = Path(__file__).resolve().parents[2]


def test_no_app_imports_an_app_above_it_and_no_contract_ignores_an_import(monkeypatch):
    monkeypatch.chdir(ROOT)
    monkeypatch.syspath_prepend(str(ROOT))
    assert lint_imports(config_filename=str(ROOT / ".importlinter"), no_cache=True, no_logo=True) == 0
    assert "ignore_imports" not in (ROOT / ".importlinter").read_text()


def test_the_resident_admin_shows_programs_and_placements_inlines_in_the_order_staff_know():
    inlines = [inline.__name__ for inline in admin.site._registry[Resident].inlines]
    assert inlines == [
        "ResidentPriorityGroupInline",
        "ProgramApplicationInline",
        "JobApplicationInline",
        "ConsentRecordInline",
    ]


@pytest.mark.parametrize("model", [Resident, Vacancy])
def test_placements_adds_its_matching_link_to_residents_and_vacancies_in_the_admin(model):
    model_admin = admin.site._registry[model]
    assert "matches_link" in model_admin.readonly_fields
    assert hasattr(model_admin, "matches_view")


def test_the_apps_above_residents_register_their_panels_and_download_sections():
    ours = {"job_applications", "program_applications", "placements"}
    assert [panel.key for panel in me_panels.registered() if panel.key in ours] == [
        "job_applications",
        "program_applications",
        "placements",
    ]
    assert {"job_applications", "program_applications", "placements", "retention_checks"} <= set(
        REGISTERED_SECTIONS
    )
    assert "saved_searches" in REGISTERED_SECTIONS
