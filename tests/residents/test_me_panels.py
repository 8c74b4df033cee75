"""The resident's page shows the panels that higher apps register, in their order."""

import pytest

from residents import me_panels
from tests import factories

pytestmark = pytest.mark.django_db


@pytest.fixture
def isolated_panels(monkeypatch):
    monkeypatch.setattr(me_panels, "_panels", dict(me_panels._panels))


def test_registered_panels_render_on_the_residents_page_in_their_order(
    client, isolated_panels, settings, tmp_path
):
    (tmp_path / "first.html").write_text("<section>첫째 {{ resident.name }} {{ extra }}</section>")
    (tmp_path / "second.html").write_text("<section>둘째</section>")
    settings.TEMPLATES = [{**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}]
    me_panels.register("second", order=2000, template="second.html", context=lambda request, resident: {})
    me_panels.register(
        "first", order=1000, template="first.html", context=lambda request, resident: {"extra": "추가"}
    )
    resident = factories.ResidentFactory(name="김구로", with_user=True)
    client.force_login(resident.user)

    page = client.get("/me/").content.decode()

    assert "<section>첫째 김구로 추가</section>" in page
    assert page.index("첫째") < page.index("둘째")
