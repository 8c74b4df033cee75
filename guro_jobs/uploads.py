"""Safety for uploaded import files (Excel/CSV): size, type by content, and a private store.

The import views call `validate_spreadsheet_upload(file)` first and keep the file only through
`save_private_upload(...)`, which writes under PRIVATE_UPLOAD_ROOT: outside MEDIA_ROOT and
STATIC_ROOT, so neither WhiteNoise nor the reverse proxy can ever serve it.
"""

import uuid
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import FileSystemStorage
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

XLSX = "xlsx"
CSV = "csv"
ZIP_MAGIC = b"PK\x03\x04"
OLE2_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # .xls and encrypted Office files
# An .xlsx unpacks to many times its size; more than this per uploaded byte smells of a zip bomb.
MAX_UNPACKED_RATIO = 100
TEXT_ENCODINGS = ("utf-8-sig", "cp949")


def validate_spreadsheet_upload(file):
    """Check an uploaded import file; return "xlsx" or "csv", or raise ValidationError (Korean)."""
    limit = settings.IMPORT_MAX_UPLOAD_BYTES
    size = file.size
    if size == 0:
        raise ValidationError(_("빈 파일입니다. 내용이 있는 파일을 올려 주세요."), code="empty")
    if size > limit:
        raise ValidationError(
            _("파일이 너무 큽니다. %(limit)s 이하의 파일만 올릴 수 있습니다.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    extension = (file.name or "").rsplit(".", 1)[-1].lower() if "." in (file.name or "") else ""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(OLE2_MAGIC):
        raise ValidationError(
            _(
                "예전 엑셀 형식(.xls)이나 암호가 걸린 파일은 받지 않습니다. 엑셀에서 .xlsx로 저장해 올려 주세요."
            ),
            code="legacy_excel",
        )
    if head.startswith(ZIP_MAGIC):
        _check_xlsx(file, size)
        kind = XLSX
    else:
        _check_csv(file)
        kind = CSV
    if extension != kind:
        raise ValidationError(
            _("파일 이름의 확장자(.%(extension)s)가 실제 내용(%(kind)s)과 다릅니다.")
            % {"extension": extension or "-", "kind": kind},
            code="extension_mismatch",
        )
    file.seek(0)
    return kind


def _check_xlsx(file, size):
    not_workbook = ValidationError(
        _("엑셀 통합 문서(.xlsx)가 아닙니다. 엑셀에서 .xlsx로 저장한 파일을 올려 주세요."), code="not_xlsx"
    )
    try:
        with zipfile.ZipFile(file) as archive:
            entries = archive.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        raise not_workbook
    names = {entry.filename for entry in entries}
    if "[Content_Types].xml" not in names or "xl/workbook.xml" not in names:
        raise not_workbook
    if "xl/vbaProject.bin" in names:
        raise ValidationError(
            _("매크로가 들어 있는 파일은 받지 않습니다. 매크로 없이 .xlsx로 저장해 올려 주세요."),
            code="macro",
        )
    if sum(entry.file_size for entry in entries) > size * MAX_UNPACKED_RATIO:
        raise ValidationError(_("압축을 풀면 지나치게 커지는 파일이라 받을 수 없습니다."), code="zip_bomb")


def _check_csv(file):
    data = file.read()
    if b"\x00" in data:
        raise ValidationError(
            _("엑셀(.xlsx)이나 CSV 파일이 아닙니다. 올릴 수 있는 형식은 .xlsx와 .csv입니다."), code="binary"
        )
    for encoding in TEXT_ENCODINGS:
        try:
            data.decode(encoding)
            return
        except UnicodeDecodeError:
            continue
    raise ValidationError(
        _("CSV 파일의 글자 인코딩을 읽을 수 없습니다. UTF-8 또는 CP949(엑셀 기본)로 저장해 주세요."),
        code="encoding",
    )


class PrivateUploadStorage(FileSystemStorage):
    """Files kept on disk for the portal's own code only: they have no URL."""

    def __init__(self, location=None, **kwargs):
        super().__init__(
            location=location or settings.PRIVATE_UPLOAD_ROOT,
            file_permissions_mode=0o600,
            directory_permissions_mode=0o700,
            **kwargs,
        )

    def url(self, name):
        raise ValueError("private uploads are never served by URL")


def save_private_upload(file, *, kind, folder="imports", storage=None):
    """Store a validated upload under a random name; return the stored name."""
    storage = storage or PrivateUploadStorage()
    name = f"{folder}/{timezone.localdate():%Y/%m}/{uuid.uuid4().hex}.{kind}"
    file.seek(0)
    return storage.save(name, file)
