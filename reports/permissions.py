"""Who may see the dashboards: district staff and managers. One rule for pages and the API."""

from functools import wraps

from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url
from django.urls import NoReverseMatch
from django.utils.translation import gettext_lazy as _
from rest_framework.permissions import BasePermission


def can_view_dashboards(user):
    return bool(user and user.is_authenticated and (user.is_district_staff or user.is_manager))


def login_url():
    """settings.LOGIN_URL, or the admin's login page while the portal's own is not installed."""
    try:
        return resolve_url(settings.LOGIN_URL)
    except NoReverseMatch:
        return "/admin/login/"


def dashboard_access_required(view):
    """Anonymous visitors go to the login page; residents and employers get 403."""

    @wraps(view)
    def wrapper(request, *args, **kwargs):
        if not request.user.is_authenticated:
            return redirect_to_login(request.get_full_path(), login_url())
        if not can_view_dashboards(request.user):
            raise PermissionDenied
        return view(request, *args, **kwargs)

    return wrapper


class CanViewDashboards(BasePermission):
    message = _("대시보드는 구청 직원과 관리자만 볼 수 있습니다.")

    def has_permission(self, request, view):
        return can_view_dashboards(request.user)
