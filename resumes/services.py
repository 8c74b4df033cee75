"""Writing resumes: save with the default rule, attach and remove a file, delete."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from references.choices import EmploymentType
from resumes import files
from resumes.models import Resume

MAX_RESUMES = 10


@transaction.atomic
def save_resume(*, resume, desired_occupations=None):
    """Create or update a resume; a resident's first resume becomes the default."""
    if resume.pk is None and Resume.objects.filter(resident=resume.resident).count() >= MAX_RESUMES:
        raise ValidationError(_("이력서는 %(count)s개까지 만들 수 있습니다.") % {"count": MAX_RESUMES})
    allowed = set(EmploymentType.values)
    if not set(resume.desired_employment_types or []) <= allowed:
        raise ValidationError({"desired_employment_types": _("희망 고용 형태에 알 수 없는 값이 있습니다.")})
    if not Resume.objects.filter(resident=resume.resident, is_default=True).exclude(pk=resume.pk).exists():
        resume.is_default = True
    elif resume.is_default:
        Resume.objects.filter(resident=resume.resident, is_default=True).exclude(pk=resume.pk).update(
            is_default=False
        )
    resume.full_clean()
    resume.save()
    if desired_occupations is not None:
        resume.desired_occupations.set(desired_occupations)
    return resume


@transaction.atomic
def set_default_resume(*, resume):
    """Make this the resume preselected when the resident applies."""
    Resume.objects.filter(resident=resume.resident, is_default=True).exclude(pk=resume.pk).update(
        is_default=False
    )
    resume.is_default = True
    resume.save(update_fields=["is_default", "updated_at"])
    return resume


@transaction.atomic
def delete_resume(*, resume):
    """Delete a resume and its file; applications keep their own snapshot and copy of the file."""
    resident, was_default, path = resume.resident, resume.is_default, resume.file_path
    resume.delete()
    if was_default:
        successor = Resume.objects.filter(resident=resident).order_by("-updated_at", "-id").first()
        if successor is not None:
            set_default_resume(resume=successor)
    transaction.on_commit(lambda: files.delete_stored(path))


@transaction.atomic
def attach_file(*, resume, file):
    """Check the file by its content, scan it where a scanner is configured, store it privately."""
    kind = files.validate_resume_file(file)
    scan_status = files.scan(file)
    old_path = resume.file_path
    resume.file_path = files.store(file, kind=kind)
    resume.file_name = (file.name or f"resume.{kind}").rsplit("/", 1)[-1][:200]
    resume.file_kind = kind
    resume.file_size = file.size
    resume.scan_status = scan_status
    resume.save(
        update_fields=["file_path", "file_name", "file_kind", "file_size", "scan_status", "updated_at"]
    )
    if old_path:
        transaction.on_commit(lambda: files.delete_stored(old_path))
    return resume


@transaction.atomic
def remove_file(*, resume):
    old_path = resume.file_path
    resume.file_path = resume.file_name = resume.file_kind = resume.scan_status = ""
    resume.file_size = None
    resume.save(
        update_fields=["file_path", "file_name", "file_kind", "file_size", "scan_status", "updated_at"]
    )
    if old_path:
        transaction.on_commit(lambda: files.delete_stored(old_path))
    return resume


def forget_resident(*, resident):
    """Anonymisation: the resident's resumes and their files go for good."""
    for resume in Resume.objects.filter(resident=resident):
        delete_resume(resume=resume)
