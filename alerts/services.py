"""Writing job alerts: save a search, and mail each matching new vacancy exactly once."""

from urllib.parse import urlencode

from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import QueryDict
from django.utils import timezone
from django.utils.translation import gettext as _

from alerts.models import SavedSearch, SentAlert
from employers.filters import VacancyFilter
from employers.selectors import open_vacancies
from notifications.kinds import MailKind
from notifications.services import notify

MAX_SEARCHES_PER_RESIDENT = 10
# Parameters that do not change which vacancies match.
IGNORED_PARAMETERS = {"page", "ordering"}


def normalise_query(query):
    """The search's filters in a stable order, without page or sort; raises on invalid input."""
    params = QueryDict(query or "")
    kept = sorted(
        (key, value)
        for key in params
        if key not in IGNORED_PARAMETERS
        for value in params.getlist(key)
        if value != ""
    )
    normalised = urlencode(kept)
    search = VacancyFilter(QueryDict(normalised), queryset=open_vacancies())
    if not search.is_valid():
        raise ValidationError(_("검색 조건이 올바르지 않아 저장할 수 없습니다."))
    return normalised


@transaction.atomic
def save_search(*, resident, query):
    """Keep a resident's vacancy search for the nightly job alert."""
    normalised = normalise_query(query)
    existing = SavedSearch.objects.filter(resident=resident, query=normalised).first()
    if existing:
        return existing
    if SavedSearch.objects.filter(resident=resident).count() >= MAX_SEARCHES_PER_RESIDENT:
        raise ValidationError(
            _("검색 조건은 %(count)s개까지 저장할 수 있습니다.") % {"count": MAX_SEARCHES_PER_RESIDENT}
        )
    return SavedSearch.objects.create(resident=resident, query=normalised)


@transaction.atomic
def delete_search(*, saved_search):
    saved_search.delete()


def matching_new_vacancies(saved_search):
    """Open vacancies that match, approved after the search was saved and not mailed for it yet."""
    search = VacancyFilter(QueryDict(saved_search.query), queryset=open_vacancies())
    return (
        search.qs.filter(approved_at__gte=saved_search.created_at)
        .exclude(pk__in=SentAlert.objects.filter(saved_search=saved_search).values("vacancy"))
        .order_by("-posted_on", "-id")
    )


@transaction.atomic
def send_job_alert(*, saved_search):
    """Mail the new matching vacancies of one saved search once; returns how many were new."""
    saved_search = (
        SavedSearch.objects.select_for_update(of=("self",))
        .select_related("resident__user")
        .get(pk=saved_search.pk)
    )
    vacancies = list(matching_new_vacancies(saved_search)[:50])
    if not vacancies:
        return 0
    SentAlert.objects.bulk_create(
        [SentAlert(saved_search=saved_search, vacancy=vacancy) for vacancy in vacancies],
        ignore_conflicts=True,
    )
    saved_search.last_sent_at = timezone.now()
    saved_search.save(update_fields=["last_sent_at"])
    lines = [
        f"- {vacancy.title} · {vacancy.employer.name} · {vacancy.monthly_wage:,}원/월 (/vacancies/{vacancy.pk}/)"
        for vacancy in vacancies
    ]
    resident = saved_search.resident
    notify(
        user=resident.user,
        kind=MailKind.JOB_ALERT,
        subject=_("새 채용 공고 %(count)s건이 있습니다") % {"count": len(vacancies)},
        body=_("%(name)s님이 저장한 검색 조건에 맞는 새 채용 공고입니다.\n\n") % {"name": resident.name}
        + "\n".join(lines),
    )
    return len(vacancies)


# ---- Saved vacancies (관심 공고) ----

MAX_SAVED_VACANCIES_PER_RESIDENT = 100


@transaction.atomic
def save_vacancy(*, resident, vacancy):
    """Keep an open vacancy on the resident's list; saving it again changes nothing."""
    from alerts.models import SavedVacancy

    existing = SavedVacancy.objects.filter(resident=resident, vacancy=vacancy).first()
    if existing:
        return existing
    if not open_vacancies().filter(pk=vacancy.pk).exists():
        raise ValidationError({"vacancy": _("모집 중인 공고만 관심 공고로 저장할 수 있습니다.")})
    if SavedVacancy.objects.filter(resident=resident).count() >= MAX_SAVED_VACANCIES_PER_RESIDENT:
        raise ValidationError(
            {
                "vacancy": _("관심 공고는 %(count)s개까지 저장할 수 있습니다.")
                % {"count": MAX_SAVED_VACANCIES_PER_RESIDENT}
            }
        )
    return SavedVacancy.objects.create(resident=resident, vacancy=vacancy)


@transaction.atomic
def unsave_vacancy(*, resident, vacancy):
    """Take a vacancy off the resident's list (nothing happens if it was not on it)."""
    from alerts.models import SavedVacancy

    SavedVacancy.objects.filter(resident=resident, vacancy=vacancy).delete()


@transaction.atomic
def send_closing_reminder(*, saved_vacancy):
    """Mail the resident once that a saved vacancy closes soon; False if it was already sent or not due."""
    from alerts.models import SavedVacancy
    from alerts.selectors import saved_vacancies_closing_soon

    saved_vacancy = (
        saved_vacancies_closing_soon()
        .select_for_update(of=("self",))
        .select_related("vacancy__employer", "resident__user")
        .filter(pk=saved_vacancy.pk)
        .first()
    )
    if saved_vacancy is None:  # already reminded, closed meanwhile, or no longer due
        return False
    vacancy = saved_vacancy.vacancy
    resident = saved_vacancy.resident
    SavedVacancy.objects.filter(pk=saved_vacancy.pk).update(reminded_at=timezone.now())
    notify(
        user=resident.user,
        kind=MailKind.SAVED_VACANCY_CLOSING,
        subject=_("관심 공고가 곧 마감됩니다: %(title)s") % {"title": vacancy.title},
        body=_(
            "%(name)s님이 관심 공고로 저장한 '%(title)s'(%(employer)s) 공고가 %(day)s에 마감됩니다.\n"
            "지원하려면 마감 전에 공고를 확인해 주세요: /vacancies/%(pk)s/"
        )
        % {
            "name": resident.name,
            "title": vacancy.title,
            "employer": vacancy.employer.name,
            "day": f"{vacancy.closes_on.year}년 {vacancy.closes_on.month}월 {vacancy.closes_on.day}일",
            "pk": vacancy.pk,
        },
    )
    return True
