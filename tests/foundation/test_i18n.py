"""Korean by default; English through Django i18n, from the portal's own catalogue (locale/en)."""

import shutil
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils.translation import trans_real

pytestmark = pytest.mark.django_db

LOCALE = Path(settings.BASE_DIR) / "locale"
EN_PO = LOCALE / "en" / "LC_MESSAGES" / "django.po"

HEADER_KO = "구로구 일자리 원스톱 포털 · 업무 관리"
HEADER_EN = "Guro-gu Jobs One-Stop Portal · Administration"


@pytest.fixture(scope="session", autouse=True)
def compiled_catalogues():
    """`make install` compiles the .mo files; compile them here only if they are missing or stale."""
    stale = [
        po
        for po in LOCALE.glob("*/LC_MESSAGES/django.po")
        if not po.with_suffix(".mo").exists() or po.with_suffix(".mo").stat().st_mtime < po.stat().st_mtime
    ]
    if stale:
        if not shutil.which("msgfmt"):
            pytest.skip("msgfmt (GNU gettext) is not installed, so the catalogues cannot be compiled")
        call_command("compilemessages", locale=["en", "ko"], verbosity=0)
        # Drop catalogues Django may have cached before the .mo files existed.
        trans_real._translations = {}
        trans_real._default = None
        trans_real._active = trans_real.Local()


def read_po(path):
    """The entries of a .po file as (flags, msgid, msgstrs), enough to check a catalogue's completeness."""
    entries = []
    for block in path.read_text(encoding="utf-8").split("\n\n"):
        flags, fields, current = set(), {}, None
        for line in block.splitlines():
            if line.startswith("#,"):
                flags.update(flag.strip() for flag in line[2:].split(","))
            elif line.startswith("#"):
                continue
            elif line.startswith('"'):
                fields[current] += line[1:-1]
            elif line:
                current, _, value = line.partition(" ")
                fields[current] = value[1:-1]
        if "msgid" in fields and fields["msgid"]:
            msgstrs = [value for key, value in fields.items() if key.startswith("msgstr")]
            entries.append((flags, fields["msgid"], msgstrs))
    return entries


def test_every_korean_msgid_has_an_english_translation():
    entries = read_po(EN_PO)
    untranslated = [msgid for _, msgid, msgstrs in entries if not all(msgstrs)]
    fuzzy = [msgid for flags, msgid, _ in entries if "fuzzy" in flags]
    assert len(entries) > 700
    assert untranslated == [], f"{len(untranslated)} untranslated: {untranslated[:10]}"
    assert fuzzy == [], f"{len(fuzzy)} fuzzy (dropped by msgfmt): {fuzzy[:10]}"


def test_admin_login_page_is_korean_by_default(client):
    response = client.get(reverse("admin:login"))
    page = response.content.decode()
    assert response.status_code == 200
    assert HEADER_KO in page
    assert HEADER_EN not in page
    assert '<html lang="ko' in page


def test_setlang_switches_the_admin_login_page_to_english(client):
    switched = client.post(reverse("set_language"), {"language": "en", "next": reverse("admin:login")})
    assert switched.status_code == 302
    response = client.get(reverse("admin:login"))
    page = response.content.decode()
    assert HEADER_EN in page
    assert HEADER_KO not in page
    assert "Authentication code (OTP)" in page
    assert '<html lang="en"' in page


def test_accept_language_english_shows_the_english_login_page(client):
    page = client.get(reverse("admin:login"), headers={"accept-language": "en"}).content.decode()
    assert HEADER_EN in page
    assert "인증 코드(OTP)" not in page


def test_staff_see_the_admin_index_and_dashboard_in_english(client, staff_user):
    client.force_login(staff_user)
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    index = client.get(reverse("admin:index")).content.decode()
    assert "Jobs Support Division work" in index
    assert "Employers and hiring" in index
    assert "기업·채용" not in index
    dashboard = client.get(reverse("reports:dashboard"))
    assert dashboard.status_code == 200
    assert "Job results against targets" in dashboard.content.decode()


def test_switching_back_to_korean_restores_the_korean_pages(client):
    client.post(reverse("set_language"), {"language": "en", "next": "/"})
    client.post(reverse("set_language"), {"language": "ko", "next": "/"})
    page = client.get(reverse("admin:login")).content.decode()
    assert HEADER_KO in page
    assert HEADER_EN not in page
