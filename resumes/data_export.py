"""A resident's resumes in their own personal-data download (PIPA right of access). Registered with
residents.data_export from ResumesConfig.ready, so residents never imports resumes."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from residents.data_export import _record
from resumes.models import CareerEntry, CertificateEntry, EducationEntry, LanguageEntry, Resume

RESUME_FIELDS = [
    "title",
    "is_default",
    "desired_monthly_wage",
    "desired_area",
    "growth",
    "motivation",
    "aspirations",
    "other",
    "file_name",
    "scan_status",
    "created_at",
    "updated_at",
]
ENTRY_FIELDS = {
    EducationEntry: ["school", "major", "started_on", "ended_on", "status"],
    CareerEntry: ["employer_name", "started_on", "ended_on", "is_current", "position", "duties"],
    CertificateEntry: ["name", "issuer", "acquired_on", "number"],
    LanguageEntry: ["language", "level"],
}


def resume_records(resident):
    records = []
    resumes = Resume.objects.filter(resident=resident).prefetch_related(
        "education", "careers", "certificates", "languages"
    )
    for resume in resumes.order_by("created_at", "id"):
        records.append({_("기록"): str(Resume._meta.verbose_name), **_record(resume, RESUME_FIELDS)})
        for entries in (resume.education, resume.careers, resume.certificates, resume.languages):
            for entry in entries.all():
                fields = ENTRY_FIELDS[type(entry)]
                records.append(
                    {
                        _("기록"): str(type(entry)._meta.verbose_name),
                        _("이력서"): resume.title,
                        **_record(entry, fields),
                    }
                )
    return records


def register():
    from residents.data_export import register_section

    register_section(
        key="resumes",
        title=gettext_lazy("이력서"),
        models=[
            "resumes.Resume",
            "resumes.EducationEntry",
            "resumes.CareerEntry",
            "resumes.CertificateEntry",
            "resumes.LanguageEntry",
        ],
        builder=resume_records,
    )
