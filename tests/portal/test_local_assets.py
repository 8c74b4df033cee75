"""District intranets are closed: every asset a page loads is served by the portal itself, and
no stylesheet it serves pulls anything from outside (KRDS's CDN build does; we use its local one)."""

import re

import pytest
from django.contrib.staticfiles import finders

pytestmark = pytest.mark.django_db

ASSET = re.compile(r'<(?:link|script)[^>]+(?:href|src)="([^"]+)"')


@pytest.mark.parametrize("url", ["/", "/vacancies/", "/programs/", "/accounts/login/"])
def test_pages_load_only_local_assets_that_reach_nothing_outside(client, url):
    page = client.get(url).content.decode()
    assets = ASSET.findall(page)
    assert assets
    for asset in assets:
        assert asset.startswith("/static/"), asset
        path = finders.find(asset.removeprefix("/static/"))
        assert path, f"{asset} is not served by the portal"
        if asset.endswith(".css"):
            text = open(path, encoding="utf-8").read()
            assert not re.search(r"url\(\s*['\"]?(https?:)?//", text), f"{asset} loads a remote file"
            for imported in re.findall(r'@import\s+"([^"]+)"', text):
                assert not imported.startswith(("http", "//")), imported
