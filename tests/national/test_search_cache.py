"""The national feed writes in bulk (no model signals): its new, updated and closed vacancies still
show on the next search, not when the cached search expires."""

import pytest

from national import services
from tests.national.fake_service import posting

pytestmark = pytest.mark.django_db


def search(client):
    return client.get("/vacancies/").content.decode()


def test_a_sync_shows_its_new_updated_and_closed_vacancies_on_the_next_search(
    client, fake_service, feed_settings
):
    fake_service.pages(
        {"11530": [posting("K1", title="전자부품 조립"), posting("K2", title="포장 보조")], "11560": []}
    )
    services.sync_from_api()
    first = search(client)
    assert "전자부품 조립" in first and "포장 보조" in first

    fake_service.pages({"11530": [posting("K1", title="전자부품 조립 (야간)")], "11560": []})
    services.sync_from_api()
    after = search(client)
    assert "전자부품 조립 (야간)" in after and "포장 보조" not in after
