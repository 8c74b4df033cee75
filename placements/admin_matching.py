"""Admin pages that recommend residents for a vacancy and vacancies for a resident, with a one-click
referral (알선) that calls placements.services.refer_resident."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from employers.models import Vacancy
from employers.selectors import vacancy_refusal
from placements import matching
from placements.models import JobApplication
from placements.services import refer_resident
from residents.models import Resident


def can_refer(request):
    return request.user.has_perm("placements.add_jobapplication")


def handle_referral(model_admin, request):
    """POST resident + vacancy → a "referred" job application, or a Korean error message."""
    if not can_refer(request):
        raise PermissionDenied
    resident = get_object_or_404(Resident, pk=request.POST.get("resident"))
    vacancy = get_object_or_404(Vacancy, pk=request.POST.get("vacancy"))
    try:
        refer_resident(resident=resident, vacancy=vacancy, by=request.user)
    except ValidationError as error:
        model_admin.message_user(request, " ".join(error.messages), messages.ERROR)
    else:
        model_admin.message_user(
            request,
            _("%(name)s님을 '%(title)s'에 알선했습니다.") % {"name": resident.name, "title": vacancy.title},
            messages.SUCCESS,
        )


class VacancyMatchingMixin:
    def get_urls(self):
        view = self.admin_site.admin_view(self.matches_view)
        return [
            path("<int:vacancy_id>/matches/", view, name="employers_vacancy_matches")
        ] + super().get_urls()

    def matches_link(self, vacancy):
        if not vacancy.pk:
            return "-"
        url = reverse("admin:employers_vacancy_matches", args=[vacancy.pk])
        return format_html('<a href="{}">{}</a>', url, _("추천 구직자 보기·알선"))

    matches_link.short_description = _("추천 구직자")

    def matches_view(self, request, vacancy_id):
        vacancy = get_object_or_404(Vacancy.objects.select_related("employer", "occupation"), pk=vacancy_id)
        if not self.has_view_permission(request, vacancy):
            raise PermissionDenied
        if request.method == "POST":
            handle_referral(self, request)
            return redirect("admin:employers_vacancy_matches", vacancy_id=vacancy.pk)
        matches = matching.recommend_residents(vacancy)
        log_access(
            request=request,
            action=PersonalDataAccess.Action.VIEW,
            target=_("공고 추천 구직자: %(title)s") % {"title": vacancy.title},
            row_count=len(matches),
        )
        referred = JobApplication.objects.filter(vacancy=vacancy, status=JobApplication.Status.REFERRED)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("'%(title)s' 추천 구직자") % {"title": vacancy.title},
            "vacancy": vacancy,
            "matches": matches,
            "suggestions": matching.training_suggestions(matches),
            "referred": referred.select_related("resident"),
            "can_refer": can_refer(request) and vacancy_refusal(vacancy) is None,
            "for_vacancy": True,
        }
        return TemplateResponse(request, "admin/placements/matches.html", context)


class ResidentMatchingMixin:
    def get_urls(self):
        view = self.admin_site.admin_view(self.matches_view)
        return [
            path("<int:resident_id>/matches/", view, name="residents_resident_matches")
        ] + super().get_urls()

    def matches_link(self, resident):
        if not resident.pk:
            return "-"
        url = reverse("admin:residents_resident_matches", args=[resident.pk])
        return format_html('<a href="{}">{}</a>', url, _("추천 채용 공고 보기·알선"))

    matches_link.short_description = _("추천 채용 공고")

    def matches_view(self, request, resident_id):
        resident = get_object_or_404(Resident, pk=resident_id)
        if not self.has_view_permission(request, resident):
            raise PermissionDenied
        if request.method == "POST":
            handle_referral(self, request)
            return redirect("admin:residents_resident_matches", resident_id=resident.pk)
        matches = matching.recommend_vacancies(resident)
        log_access(
            request=request,
            action=PersonalDataAccess.Action.VIEW,
            resident=resident,
            target=_("구직자 추천 채용 공고"),
        )
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("%(name)s님 추천 채용 공고") % {"name": resident.name},
            "resident": resident,
            "matches": matches,
            "suggestions": matching.training_suggestions(matches),
            "can_refer": can_refer(request) and resident.has_provision_consent,
            "for_vacancy": False,
        }
        return TemplateResponse(request, "admin/placements/matches.html", context)
