"""Syncing the national service's vacancies (고용24) into the portal's vacancy search.

A run upserts by the national posting number (구인인증번호), never imports a posting that a
partner employer also posted here (same business number and title), and closes the national
vacancies that disappeared — but only after a run that received every page the service
announced, so a service that fails half way never closes what it did not get to.
"""

from collections import defaultdict

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from employers.models import Employer, Vacancy
from employers.page_cache import vacancies_changed
from national import mapping
from national.client import NationalApiError, NationalVacancyClient, parse_list
from national.models import SyncRun
from references.models import Occupation

UPDATED_FIELDS = [
    "title", "description", "employment_type", "wage_amount", "wage_unit", "monthly_wage", "weekly_hours",
    "work_days_per_week", "work_place", "district", "openings", "career", "career_min_years",
    "required_education", "posted_on", "closes_on", "external_url", "status", "employer", "occupation",
]  # fmt: skip
LOCAL_STATUSES = [Vacancy.Status.DRAFT, Vacancy.Status.PENDING_REVIEW, Vacancy.Status.OPEN]


class FeedNotConfigured(NationalApiError):
    pass


def sync_from_api(*, client=None, regions=None):
    """One sync of every configured region from the national API; raises NationalApiError after
    recording the failure (the task retries the retryable ones)."""
    client = client or NationalVacancyClient.from_settings()
    if client is None:
        raise FeedNotConfigured(
            _(
                "고용24 연계가 설정되지 않았습니다. NATIONAL_VACANCY_API_URL과 NATIONAL_VACANCY_API_KEY를 설정하세요."
            )
        )
    regions = regions or settings.NATIONAL_VACANCY_REGIONS

    def pages():
        for region in regions:
            yield from client.region_pages(
                region=region,
                display=settings.NATIONAL_VACANCY_PAGE_SIZE,
                max_pages=settings.NATIONAL_VACANCY_MAX_PAGES,
            )

    return _sync(origin=SyncRun.Origin.API, pages=pages())


def sync_from_file(*, content):
    """One sync from a saved list answer (XML); a file holding every posting it announces closes
    the national vacancies missing from it."""
    run = None
    try:
        page = parse_list(content)
    except NationalApiError as error:
        run = SyncRun.objects.create(origin=SyncRun.Origin.FILE)
        _finish(run, SyncRun.Status.FAILED, str(error))
        raise
    page.region = "file"
    return _sync(origin=SyncRun.Origin.FILE, pages=iter([page]), run=run)


def sync_from_pages(*, pages, origin=SyncRun.Origin.FILE):
    """One sync from list pages already in hand (ListPage objects), e.g. several saved answers."""
    return _sync(origin=origin, pages=iter(pages))


def _finish(run, status, error=""):
    run.status = status
    run.errors = "\n".join(part for part in (run.errors, error) if part)
    run.finished_at = timezone.now()
    run.save()


def _sync(*, origin, pages, run=None):
    run = run or SyncRun.objects.create(origin=origin)
    occupations = {o.code: o for o in Occupation.objects.all()}
    seen, announced, received = set(), {}, defaultdict(int)
    try:
        for page in pages:
            run.pages += 1
            run.fetched += len(page.postings)
            announced[page.region] = page.total
            received[page.region] += len(page.postings)
            _upsert_page(run=run, postings=page.postings, seen=seen, occupations=occupations)
            run.save()
    except NationalApiError as error:
        _finish(run, SyncRun.Status.PARTIAL if run.pages else SyncRun.Status.FAILED, str(error))
        raise
    if not seen and not run.duplicates:
        # An empty answer is more likely a glitch than Guro without a single vacancy.
        _finish(run, SyncRun.Status.SUCCEEDED, _("받은 공고가 없어 기존 공고를 마감하지 않았습니다."))
    elif all(received[region] >= total for region, total in announced.items()):
        stale = Vacancy.objects.filter(source=Vacancy.Source.NATIONAL, status=Vacancy.Status.OPEN).exclude(
            national_posting_number__in=seen
        )
        run.closed += stale.update(status=Vacancy.Status.CLOSED)
        vacancies_changed()  # a bulk update sends no signal
        _finish(run, SyncRun.Status.SUCCEEDED)
    else:
        _finish(
            run,
            SyncRun.Status.PARTIAL,
            _("고용24가 알린 공고 수만큼 받지 못해 사라진 공고를 마감하지 않았습니다."),
        )
    return run


@transaction.atomic
def _upsert_page(*, run, postings, seen, occupations):
    today = timezone.localdate()
    numbers = [posting["wantedAuthNo"] for posting in postings]
    existing = {
        v.national_posting_number: v for v in Vacancy.objects.filter(national_posting_number__in=numbers)
    }
    business_numbers = {mapping.business_number(p.get("busino")) for p in postings} - {""}
    posted_here = defaultdict(set)
    for number, title in Vacancy.objects.filter(
        source=Vacancy.Source.LOCAL, status__in=LOCAL_STATUSES, employer__business_number__in=business_numbers
    ).values_list("employer__business_number", "title"):
        posted_here[number].add(mapping.normalized_title(title))
    employers = _employers_for(postings)
    to_create, to_update, problems = [], [], []
    for posting in postings:
        number = posting["wantedAuthNo"]
        fields = mapping.vacancy_fields(posting)
        business_number = mapping.business_number(posting.get("busino"))
        if business_number and mapping.normalized_title(fields["title"]) in posted_here[business_number]:
            run.duplicates += 1  # left out of `seen`: a copy imported earlier gets closed
            continue
        if fields["closes_on"] and fields["closes_on"] < today:
            run.skipped += 1
            continue
        occupation = mapping.occupation_for(posting.get("jobsCd"), occupations)
        if occupation is None:
            run.skipped += 1
            problems.append(
                _("%(number)s: 직종코드 '%(code)s'를 알 수 없습니다.")
                % {"number": number, "code": posting.get("jobsCd", "")}
            )
            continue
        seen.add(number)
        fields["posted_on"] = fields["posted_on"] or today
        vacancy = existing.get(number) or Vacancy(national_posting_number=number)
        for name, value in fields.items():
            setattr(vacancy, name, value)
        vacancy.employer = employers[_employer_key(posting)]
        vacancy.occupation = occupation
        vacancy.status = Vacancy.Status.OPEN
        vacancy.monthly_wage = vacancy.compute_monthly_wage()
        (to_update if vacancy.pk else to_create).append(vacancy)
    Vacancy.objects.bulk_create(to_create)
    Vacancy.objects.bulk_update(to_update, UPDATED_FIELDS)
    if to_create or to_update:
        vacancies_changed()  # bulk writes send no signal
    run.created += len(to_create)
    run.updated += len(to_update)
    if problems:
        run.errors = "\n".join([run.errors, *problems] if run.errors else problems)


def _employer_key(posting):
    number = mapping.business_number(posting.get("busino"))
    return ("number", number) if number else ("name", (posting.get("company") or _("기업명 없음"))[:100])


def _employers_for(postings):
    """Each posting's employer, found by business number (else by name) or created."""
    keys = {_employer_key(posting): posting for posting in postings}
    numbers = [value for kind, value in keys if kind == "number"]
    names = [value for kind, value in keys if kind == "name"]
    found = {("number", e.business_number): e for e in Employer.objects.filter(business_number__in=numbers)}
    for employer in Employer.objects.filter(business_number="", name__in=names).order_by("id"):
        found.setdefault(("name", employer.name), employer)
    for key, posting in keys.items():
        if key not in found:
            found[key] = Employer.objects.create(
                name=(posting.get("company") or _("기업명 없음"))[:100],
                business_number=key[1] if key[0] == "number" else "",
                address=(posting.get("basicAddr") or "")[:200],
                industry=(posting.get("indTpNm") or "")[:60],
            )
    return found
