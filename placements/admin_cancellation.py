"""Staff correct a hire in the admin after the employer's correction window: the placement's cancel
page (a service call) and the link to it from the placement."""

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from placements.models import Placement
from placements.services import cancel_hire


class HireCancellationAdminForm(forms.Form):
    reason = forms.CharField(
        label=_("취소 사유"),
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3, "cols": 60}),
        help_text=_("사유는 지원자의 처리 이력과 개인정보 접속 기록에 남습니다."),
        error_messages={"required": _("취소 사유를 적어 주세요.")},
    )


class HireCancellationAdminMixin:
    """For PlacementAdmin: list `cancel_link` in readonly_fields."""

    def get_urls(self):
        view = self.admin_site.admin_view(self.cancel_view)
        return [
            path("<int:placement_id>/cancel/", view, name="placements_placement_cancel"),
            *super().get_urls(),
        ]

    @admin.display(description=_("채용 취소(정정)"))
    def cancel_link(self, placement):
        if not placement.pk or placement.status == Placement.Status.CANCELLED:
            return "-"
        url = reverse("admin:placements_placement_cancel", args=[placement.pk])
        return format_html('<a href="{}" class="button">{}</a>', url, _("이 실적을 취소(정정)하기"))

    def cancel_view(self, request, placement_id):
        """Staff correct a hire after the employer's window: the placement is cancelled, with a reason
        in the application's timeline and in the personal-data access log."""
        placement = get_object_or_404(Placement.objects.select_related("resident"), pk=placement_id)
        if not self.has_change_permission(request, placement):
            raise PermissionDenied
        form = HireCancellationAdminForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            reason = form.cleaned_data["reason"]
            try:
                cancel_hire(placement=placement, by=request.user, reason=reason, as_staff=True)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                log_access(
                    request=request,
                    action=PersonalDataAccess.Action.CHANGE,
                    resident=placement.resident,
                    target=_("채용 취소(정정)"),
                    detail=reason,
                )
                self.message_user(
                    request, _("실적을 취소했습니다. 대시보드 실적에서 빠집니다."), messages.SUCCESS
                )
                return redirect("admin:placements_placement_change", placement.pk)
        context = {
            **self.admin_site.each_context(request),
            "opts": self.model._meta,
            "title": _("실적 취소(정정): %(placement)s") % {"placement": placement},
            "placement": placement,
            "form": form,
        }
        return TemplateResponse(request, "admin/placements/placement_cancel.html", context)
