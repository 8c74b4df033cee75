"""A manager's and a newcomer's journeys in a real browser: the dashboard reached from the header
and read in English, refusals and missing pages that look like the portal, no page that scrolls
sideways on a 390-px phone, and axe-core (served from node_modules) on every main page."""

import re

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import expect

from guro_jobs.security import needs_second_factor
from placements.models import Placement
from references.models import AdministrativeDong, PriorityGroup
from reports.services import store_snapshot
from tests import factories
from tests.browser.conftest import ARTIFACTS

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True, serialized_rollback=True)]

PHONE_WIDTH = 390
AXE_SCRIPT = "/static/axe/axe.min.js"
BLOCKING_IMPACTS = {"serious", "critical"}


def log_in(page, user, password=factories.PASSWORD):
    """Sign in through the portal's login form, as the person would. The one place a journey here
    signs in, so a second factor for staff and managers is added here alone."""
    page.goto("/accounts/login/")
    page.get_by_label("이메일 또는 휴대전화 번호").fill(user.username)
    page.get_by_label("비밀번호").fill(password)
    second_factor = needs_second_factor(user)
    if second_factor:  # an authenticator app already enrolled (enrolment: test_second_factor_journeys.py)
        device, _created = TOTPDevice.objects.get_or_create(
            user=user, name="인증 앱", defaults={"confirmed": True}
        )
    page.get_by_role("button", name="로그인").click()
    if second_factor:  # staff and managers give the app's code next, then land on their start page
        expect(page.get_by_role("heading", name="2단계 인증", level=1, exact=True)).to_be_visible()
        page.get_by_label("인증 코드(6자리)").fill(factories.current_totp_code(device))
        page.get_by_role("button", name="확인").click()
        expect(page).not_to_have_url(re.compile(r"/accounts/2fa/"))
    page.wait_for_load_state("domcontentloaded")
    # Signed in: the header's own logout button (the portal's or, for staff, the admin's).
    expect(page.get_by_role("banner").get_by_role("button", name="로그아웃")).to_be_attached()


def horizontal_overflow(page):
    """How many CSS pixels the page is wider than the window (0: nothing scrolls sideways)."""
    return page.evaluate("document.documentElement.scrollWidth - window.innerWidth")


def elements_past_the_edge(page):
    """The outermost elements that reach past the window's right edge, to say what to fix."""
    return page.evaluate(
        """() => {
          const width = window.innerWidth, found = [];
          for (const element of document.body.querySelectorAll('*')) {
            const box = element.getBoundingClientRect();
            if (box.right <= width + 1) continue;
            let parent = element.parentElement, inside = false;
            while (parent && parent !== document.body) {
              const style = getComputedStyle(parent);
              if (['auto', 'scroll', 'hidden'].includes(style.overflowX)) { inside = true; break; }
              if (parent.getBoundingClientRect().right > width + 1) { inside = true; break; }
              parent = parent.parentElement;
            }
            if (!inside) found.push(`${element.tagName.toLowerCase()}.${element.className} ${Math.round(box.right)}px`);
          }
          return found.slice(0, 5);
        }"""
    )


def serious_axe_violations(page):
    """axe-core's serious and critical findings on the page as it stands, one line each."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(url=AXE_SCRIPT)
    results = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))"
    )
    return [
        f"{item['id']} ({item['impact']}): {item['help']} at {item['targets']}"
        for item in results
        if item["impact"] in BLOCKING_IMPACTS
    ]


@pytest.fixture
def portal_world():
    """One of each thing the main pages show, and a user of each role."""
    resident = factories.ResidentFactory(with_user=True, name="박가리", dong=factories.dong("가리봉동"))
    employer_user = factories.employer_user()
    vacancy = factories.VacancyFactory(employer=employer_user.employer, title="물류 관리 사원")
    factories.JobApplicationFactory(resident=resident, vacancy=vacancy)
    program = factories.ProgramFactory(
        name="2026 구로 공공근로", name_en="2026 Guro Public Works", capacity=30
    )
    factories.ProgramApplicationFactory(resident=resident, program=program)
    return {
        "resident": resident.user,
        "employer": employer_user,
        "staff": factories.staff_user(),
        "manager": factories.manager_user(),
        "vacancy": vacancy,
        "program": program,
    }


def main_pages(world):
    """(who, url) of every main page: the portal's, the resident's, the employer's, the
    dashboard and the admin's main lists."""
    vacancy, program = world["vacancy"], world["program"]
    return [
        (None, "/"),
        (None, "/programs/"),
        (None, f"/programs/{program.pk}/"),
        (None, "/vacancies/"),
        (None, f"/vacancies/{vacancy.pk}/"),
        (None, "/accounts/login/"),
        (None, "/accounts/signup/"),
        (None, "/no-such-page/"),
        ("resident", "/me/"),
        ("resident", "/me/profile/"),
        ("resident", "/me/alerts/"),
        ("resident", "/dashboard/"),  # the 403 page
        ("employer", "/employer/"),
        ("employer", "/employer/vacancies/new/"),
        ("employer", f"/employer/vacancies/{vacancy.pk}/"),
        ("manager", "/dashboard/"),
        ("staff", "/admin/"),
        ("staff", "/admin/residents/resident/"),
        ("staff", "/admin/employers/employer/"),
        ("staff", "/admin/employers/vacancy/"),
        ("staff", "/admin/placements/jobapplication/"),
        ("staff", "/admin/placements/placement/"),
        ("staff", "/admin/placements/retentioncheck/"),
        ("staff", "/admin/programs/program/"),
        ("staff", "/admin/programs/programapplication/"),
    ]


def visit_every_main_page(new_page, world, width, check):
    """Open each main page as its user at the given width and call check(page, who, url)."""
    pages = {}
    for who, url in main_pages(world):
        if who not in pages:
            pages[who] = new_page(width=width, height=844)
            if who is not None:
                log_in(pages[who], world[who])
        page = pages[who]
        page.goto(url)
        page.wait_for_load_state("load")
        check(page, who, url)


def test_no_main_page_scrolls_sideways_on_a_390_px_phone(new_page, screenshot, portal_world):
    store_snapshot(year=2026)
    too_wide = []

    def check(page, who, url):
        overflow = horizontal_overflow(page)
        if overflow > 0:
            too_wide.append(
                f"{url} as {who or 'visitor'}: {overflow}px too wide: {elements_past_the_edge(page)}"
            )
        if url in {"/dashboard/", "/admin/residents/resident/", "/me/", "/employer/", "/"}:
            name = url.strip("/").replace("/", "-") or "home"
            screenshot(page, f"phone-{who or 'visitor'}-{name}")

    visit_every_main_page(new_page, portal_world, PHONE_WIDTH, check)
    assert too_wide == []


def test_axe_finds_nothing_serious_on_any_main_page(new_page, portal_world):
    store_snapshot(year=2026)
    found = {}

    def check(page, who, url):
        violations = serious_axe_violations(page)
        if violations:
            found[f"{url} as {who or 'visitor'}"] = violations

    visit_every_main_page(new_page, portal_world, 1280, check)
    assert found == {}, "\n".join(
        f"{page}: {violation}" for page, items in found.items() for violation in items
    )


def test_axe_is_served_by_the_portal_from_node_modules(new_page):
    page = new_page()
    response = page.goto(AXE_SCRIPT)
    assert response.status == 200
    assert "axe" in page.content()[:2000]


def test_a_manager_finds_the_dashboard_in_the_header_and_reads_it_in_english(new_page, screenshot):
    year = 2026
    garibong = AdministrativeDong.objects.get(name="가리봉동")
    program = factories.ProgramFactory(
        name="구로 공공근로사업", name_en="Guro Public Works Program", year=year, capacity=20
    )
    placement = factories.PlacementFactory(
        sector="public",
        started_on=f"{year}-03-02",
        dong_at_hire=garibong,
        program=program,
        employer=None,
        source=Placement.Source.PROGRAM,
    )
    placement.priority_groups.set([PriorityGroup.objects.get(code="single_parent")])
    store_snapshot(year=year)  # computed in Korean, as the nightly task does
    manager = factories.manager_user()

    page = new_page()
    log_in(page, manager)
    page.goto("/")
    nav = page.get_by_role("navigation", name="주 메뉴")
    nav.get_by_role("link", name="대시보드").click()
    expect(page).to_have_url(re.compile(r"/dashboard/$"))
    expect(page.get_by_role("rowheader", name="가리봉동")).to_be_visible()
    screenshot(page, "manager-dashboard-ko")

    # The header's language switch: the same stored figures, every label in English.
    page.get_by_label("언어 선택").select_option("en")
    page.get_by_role("button", name="바꾸기").click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto(f"/dashboard/?year={year}")
    expect(page.get_by_role("rowheader", name="Garibong-dong")).to_be_visible()
    expect(page.get_by_role("rowheader", name="Single-parent families")).to_be_visible()
    # in the program table and in this year's forecast by program, both in English
    expect(page.get_by_text("Guro Public Works Program")).to_have_count(2)
    expect(page.locator("#year-select option", has_text=str(year))).to_have_text(str(year))
    main = page.locator("#main").inner_text()
    assert "가리봉동" not in main and "한부모가정" not in main and "구로 공공근로사업" not in main
    screenshot(page, "manager-dashboard-en")

    # On a phone the wide figure tables scroll inside their own box, the page does not.
    page.set_viewport_size({"width": PHONE_WIDTH, "height": 844})
    page.reload()
    assert horizontal_overflow(page) <= 0
    partners = page.locator("section[aria-labelledby=partners-title]")
    box = partners.locator(".table-scroll").first
    assert box.evaluate("element => element.scrollWidth > element.clientWidth")
    partners.screenshot(path=str(ARTIFACTS / "manager-dashboard-phone-partners.png"))
    page.locator("section[aria-labelledby=dongs-title]").screenshot(
        path=str(ARTIFACTS / "manager-dashboard-phone-dongs.png")
    )

    # The admin index links back to the dashboard; the admin has the same switch.
    page.goto("/admin/")
    expect(page.locator("#user-tools a[href='/dashboard/']")).to_be_visible()
    screenshot(page, "manager-admin-index-en")


def test_refused_and_missing_pages_look_like_the_portal_and_lead_back(new_page, screenshot):
    resident = factories.ResidentFactory(with_user=True).user
    page = new_page()
    log_in(page, resident)
    response = page.goto("/dashboard/")
    assert response.status == 403
    expect(page.get_by_role("heading", name="이 화면을 볼 권한이 없습니다", level=1)).to_be_visible()
    expect(page.locator("#header")).to_be_visible()
    screenshot(page, "error-403-ko")
    page.get_by_role("link", name="처음 화면으로 가기").click()
    expect(page.get_by_role("heading", name="구로 일자리 원스톱 포털", level=1)).to_be_visible()

    visitor = new_page()
    response = visitor.goto("/no-such-page/")
    assert response.status == 404
    expect(visitor.get_by_role("heading", name="찾는 화면이 없습니다", level=1)).to_be_visible()
    screenshot(visitor, "error-404-ko")
    visitor.get_by_label("언어 선택").select_option("en")
    visitor.get_by_role("button", name="바꾸기").click()
    expect(visitor.locator("html")).to_have_attribute("lang", "en")
    expect(visitor.get_by_text("Guro Jobs One-Stop Portal").first).to_be_visible()
    screenshot(visitor, "error-404-en")
    visitor.locator("#main a[href='/programs/']").click()
    expect(visitor).to_have_url(re.compile(r"/programs/$"))


def test_every_page_has_the_portals_icon(new_page):
    page = new_page()
    page.goto("/")
    response = page.goto("/favicon.ico")
    assert response.status == 200
    assert response.headers["content-type"] in {"image/x-icon", "image/vnd.microsoft.icon"}
