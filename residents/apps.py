from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


def resident_phone(user):
    """A resident's texts go to the mobile number on their record."""
    resident = getattr(user, "resident", None)
    return getattr(resident, "phone", "") or ""


class ResidentsConfig(AppConfig):
    name = "residents"
    verbose_name = _("구직자")

    def ready(self):
        from notifications.sms import register_phone_lookup

        register_phone_lookup(resident_phone)
