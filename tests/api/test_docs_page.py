"""The API docs page works under the content-security policy: no inline script, local assets."""

import re

import pytest

pytestmark = pytest.mark.django_db


def test_api_docs_page_loads_only_local_scripts_with_no_inline_code(client):
    response = client.get("/api/docs/")
    assert response.status_code == 200
    page = response.content.decode()
    scripts = re.findall(r"<script([^>]*)>(.*?)</script>", page, re.S)
    assert scripts
    for attributes, body in scripts:
        assert 'src="' in attributes and not body.strip()
        assert "//" not in attributes.split('src="', 1)[1].split('"', 1)[0][:8]
