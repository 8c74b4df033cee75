"""Staff pages for casework: 오늘 할 일, a case, referrals, caseloads. Every case read is logged."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from accounts.models import User
from audit.models import PersonalDataAccess
from audit.services import log_access
from casework import forms, selectors, services
from casework.models import NOTE_TEMPLATE_TEXT, NoteTemplate, Referral, Team
from casework.permissions import staff_required
from residents.models import Resident
from residents.services import verify_priority_claim

Action = PersonalDataAccess.Action


def _add_errors(form, error):
    """Put a service's ValidationError on the form's fields (or on the form)."""
    if hasattr(error, "error_dict"):
        for field, errors in error.message_dict.items():
            form.add_error(field if field in form.fields else None, errors)
    else:
        form.add_error(None, error.messages)


@staff_required
def home(request):
    query = request.GET.get("q", "").strip()
    found = []
    if query:
        found = list(
            Resident.objects.filter(anonymised_at__isnull=True)
            .filter(Q(name__icontains=query) | Q(phone__contains=query))
            .select_related("dong")
            .order_by("name", "pk")[:30]
        )
        log_access(
            request=request,
            action=Action.VIEW,
            target=_("사례 관리 구직자 찾기"),
            detail=query,
            row_count=len(found),
        )
    return render(
        request,
        "casework/home.html",
        {"today": selectors.staff_home(request.user), "query": query, "found": found},
    )


def _render_case(request, resident, status=200, **bound):
    note_template = request.GET.get("template", NoteTemplate.INITIAL_INTERVIEW)
    if note_template not in NoteTemplate.values:
        note_template = NoteTemplate.INITIAL_INTERVIEW
    context = {
        "resident": selectors.case_summary(resident),
        "history": selectors.case_history(resident),
        "tasks": selectors.open_tasks_of(resident),
        "referrals": selectors.referrals_with_receivers().filter(resident=resident),
        "note_templates": NoteTemplate.choices,
        "note_form": bound.get("note_form")
        or forms.CaseNoteForm(initial={"template": note_template, "body": NOTE_TEMPLATE_TEXT[note_template]}),
        "task_form": bound.get("task_form") or forms.FollowUpTaskForm(),
        "verify_form": bound.get("verify_form") or forms.VerifyClaimForm(resident=resident),
        "referral_form": bound.get("referral_form") or forms.ReferralForm(),
        "assign_form": bound.get("assign_form") or forms.AssignForm(),
    }
    log_access(request=request, action=Action.VIEW, resident=resident, target=_("사례 상세"))
    return render(request, "casework/case.html", context, status=status)


def _resident(resident_id):
    return get_object_or_404(Resident, pk=resident_id, anonymised_at__isnull=True)


@staff_required
def case_detail(request, resident_id):
    return _render_case(request, _resident(resident_id))


def _post(request, resident, form_name, form, action, success):
    """Run one write for the case page; on a refusal show the page again with the form's errors."""
    if form.is_valid():
        try:
            action(form.cleaned_data)
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, success)
            return redirect("casework:case", resident.pk)
    return _render_case(request, resident, status=400, **{form_name: form})


@staff_required
@require_POST
def add_note(request, resident_id):
    resident = _resident(resident_id)

    def action(data):
        services.add_case_note(
            resident=resident, template=data["template"], body=data["body"], by=request.user
        )
        log_access(request=request, action=Action.ADD, resident=resident, target=_("상담 기록"))

    return _post(
        request, resident, "note_form", forms.CaseNoteForm(request.POST), action, _("상담 기록을 남겼습니다.")
    )


@staff_required
@require_POST
def add_task(request, resident_id):
    resident = _resident(resident_id)

    def action(data):
        services.add_follow_up_task(
            resident=resident, title=data["title"], due_on=data["due_on"], by=request.user
        )

    return _post(
        request,
        resident,
        "task_form",
        forms.FollowUpTaskForm(request.POST),
        action,
        _("후속 조치를 등록했습니다."),
    )


@staff_required
@require_POST
def complete_task(request, resident_id, task_id):
    resident = _resident(resident_id)
    task = get_object_or_404(resident.follow_up_tasks, pk=task_id)
    services.complete_follow_up_task(task=task, by=request.user)
    messages.success(request, _("후속 조치를 완료했습니다."))
    if request.POST.get("next") == "home":
        return redirect("casework:home")
    return redirect("casework:case", resident.pk)


@staff_required
@require_POST
def verify_claim(request, resident_id):
    resident = _resident(resident_id)

    def action(data):
        verify_priority_claim(
            claim=data["claim"],
            document_type=data["document_type"],
            valid_until=data["valid_until"],
            by=request.user,
        )
        log_access(request=request, action=Action.CHANGE, resident=resident, target=_("우선 지원 대상 확인"))

    form = forms.VerifyClaimForm(request.POST, resident=resident)
    return _post(request, resident, "verify_form", form, action, _("증빙 서류 확인을 기록했습니다."))


@staff_required
@require_POST
def refer(request, resident_id):
    resident = _resident(resident_id)

    def action(data):
        services.refer_resident(resident=resident, by=request.user, **data)

    return _post(
        request, resident, "referral_form", forms.ReferralForm(request.POST), action, _("의뢰를 보냈습니다.")
    )


@staff_required
@require_POST
def assign(request, resident_id):
    resident = _resident(resident_id)

    def action(data):
        services.assign_case(resident=resident, by=request.user, **data)

    return _post(
        request, resident, "assign_form", forms.AssignForm(request.POST), action, _("담당자를 배정했습니다.")
    )


@staff_required
def referrals(request):
    waiting = list(selectors.referrals_waiting_for(request.user)[:200])
    made = list(selectors.referrals_with_receivers().filter(referred_by=request.user)[:100])
    log_access(
        request=request, action=Action.VIEW, target=_("내부 의뢰 목록"), row_count=len(waiting) + len(made)
    )
    return render(
        request,
        "casework/referrals.html",
        {"waiting": waiting, "made": made, "answer_form": forms.AnswerForm()},
    )


@staff_required
@require_POST
def answer_referral(request, referral_id, answer):
    referral = get_object_or_404(Referral, pk=referral_id)
    form = forms.AnswerForm(request.POST)
    form.is_valid()
    note = form.cleaned_data.get("note", "")
    try:
        if answer == "accept":
            services.accept_referral(referral=referral, by=request.user, note=note)
            messages.success(request, _("의뢰를 수락했습니다."))
        else:
            services.return_referral(referral=referral, by=request.user, reason=note)
            messages.success(request, _("의뢰를 반송했습니다."))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    except PermissionDenied as error:
        messages.error(request, str(error))
    return redirect("casework:referrals")


@staff_required
def caseload(request):
    counsellor = team = None
    if request.GET.get("counsellor"):
        counsellor = get_object_or_404(User, pk=request.GET["counsellor"])
    if request.GET.get("team"):
        team = get_object_or_404(Team, pk=request.GET["team"])
    cases = None
    if counsellor or team:
        cases = list(selectors.caseload_of(counsellor=counsellor, team=team)[:500])
        log_access(
            request=request,
            action=Action.VIEW,
            target=_("담당 사례 목록"),
            detail=request.GET.urlencode(),
            row_count=len(cases),
        )
    return render(
        request,
        "casework/caseload.html",
        {
            "by_counsellor": selectors.caseload_by_counsellor(),
            "by_team": selectors.caseload_by_team(),
            "counsellor": counsellor,
            "team": team,
            "cases": cases,
        },
    )


@staff_required
def partners(request):
    """Partners at a glance: the incentive ledger, the Digital Valley registry, partner schools."""
    from employers import selectors as employer_selectors

    return render(
        request,
        "casework/partners.html",
        {
            "ledger": employer_selectors.incentive_ledger(),
            "registry": employer_selectors.digital_valley_registry()[:300],
            "schools": employer_selectors.partner_school_placements(),
        },
    )
