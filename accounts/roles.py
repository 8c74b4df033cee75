"""Roles are groups; their permissions are declared here once and applied by migrations.

District staff (일자리지원과) run everything in the admin; managers read everything and watch the
dashboards; employer users and residents use the public portal only.
"""

from django.utils.translation import gettext_lazy as _

DISTRICT_STAFF = "일자리지원과 직원"
MANAGER = "관리자(열람)"
EMPLOYER = "기업 담당자"
RESIDENT = "구직 주민"
PRIVACY_SUPERVISOR = "개인정보 감독자"

ROLE_LABELS = {
    DISTRICT_STAFF: _("일자리지원과 직원"),
    MANAGER: _("관리자(열람)"),
    EMPLOYER: _("기업 담당자"),
    RESIDENT: _("구직 주민"),
    PRIVACY_SUPERVISOR: _("개인정보 감독자"),
}

# Apps whose models district staff manage in full and managers may view.
PROGRAM_APPS = [
    "references",
    "residents",
    "resumes",
    "programs",
    "employers",
    "placements",
    "reports",
    "spreadsheets",
    "alerts",
    "national",
    "plans",
    "interviews",
]

# Apps with case records (notes, referrals) only district staff handle; managers do not read them.
STAFF_ONLY_APPS = ["casework"]
# Messages between an applicant and an employer: staff only, and the admin shows only threads where
# one side asked for help (conversations/admin.py); managers do not read them.
STAFF_ONLY_APPS += ["conversations"]

# Models no role may change or delete from the application (append-only records).
READ_ONLY_MODELS = {("audit", "personaldataaccess")}

# Apps only the privacy supervisor (and superusers) may read: the personal-data access log.
SUPERVISED_APPS = ["audit"]


def permissions_for(role, all_permissions):
    """Return the codenames (app_label, codename) a role holds, from all known permissions."""
    result = set()
    for app_label, model, codename in all_permissions:
        action = codename.split("_", 1)[0]
        if role == DISTRICT_STAFF and app_label in PROGRAM_APPS:
            if (app_label, model) in READ_ONLY_MODELS and action in {"change", "delete"}:
                continue
            result.add((app_label, codename))
        elif role == DISTRICT_STAFF and app_label in STAFF_ONLY_APPS:
            result.add((app_label, codename))
        elif role == DISTRICT_STAFF and app_label == "accounts" and model == "user":
            result.add((app_label, codename))
        elif role == DISTRICT_STAFF and app_label == "accounts" and model == "passwordresetevent":
            # Staff read who reset a password when, to help a resident who calls (no secrets in it).
            if action == "view":
                result.add((app_label, codename))
        elif role == DISTRICT_STAFF and app_label == "auth" and model == "group" and action == "view":
            result.add((app_label, codename))
        elif role == DISTRICT_STAFF and app_label == "authtoken":
            # API tokens for other systems: only district staff issue and revoke them.
            result.add((app_label, codename))
        elif role == MANAGER and app_label in PROGRAM_APPS and action == "view":
            result.add((app_label, codename))
        elif role == PRIVACY_SUPERVISOR and app_label in SUPERVISED_APPS and action == "view":
            result.add((app_label, codename))
    return result


def sync_role_permissions(apps, schema_editor=None):
    """Create the role groups and give each exactly its permissions. Safe to run again."""
    from django.contrib.auth.management import create_permissions

    for app_config in apps.get_app_configs():
        # Migration states have no models_module; the real registry (flush) keeps its own.
        previous = getattr(app_config, "models_module", None)
        app_config.models_module = previous or True
        create_permissions(app_config, apps=apps, verbosity=0)
        app_config.models_module = previous

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    all_permissions = list(
        Permission.objects.values_list("content_type__app_label", "content_type__model", "codename")
    )
    by_key = {
        (app_label, codename): pk
        for pk, app_label, codename in Permission.objects.values_list(
            "pk", "content_type__app_label", "codename"
        )
    }
    for role in ROLE_LABELS:
        group, _created = Group.objects.get_or_create(name=role)
        wanted = permissions_for(role, all_permissions)
        group.permissions.set([by_key[key] for key in wanted if key in by_key])
