from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def _restart_retention_clock(sender, user, **kwargs):
    from residents.services import record_resident_activity

    record_resident_activity(user=user)


def resident_phone(user):
    """A resident's texts go to the mobile number on their record."""
    resident = getattr(user, "resident", None)
    return getattr(resident, "phone", "") or ""


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = _("구직자")

    def ready(self):
        from accounts.signals import signed_in_on_login_page
        from notifications.sms import register_phone_lookup
        from residents import me_panels, selectors
        from spreadsheets import registry as spreadsheets

        # A resident who signs in is active: the retention period in the consent counts from then.
        signed_in_on_login_page.connect(_restart_retention_clock, dispatch_uid="residents_retention_clock")
        me_panels.register(
            "profile_completeness",
            order=5,
            template="residents/me_panel_completeness.html",
            context=lambda request, resident: {"completeness": selectors.profile_completeness(resident)},
        )
        # Texts to a resident go to the number on their record (notifications sits below residents).
        register_phone_lookup(resident_phone)
        spreadsheets.register(
            "residents",
            label=_("구직자"),
            resource="residents.resources.ResidentResource",
            model="residents.Resident",
            holds_personal_data=True,
        )
