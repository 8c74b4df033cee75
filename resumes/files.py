"""Resume files: PDF, HWP, HWPX or DOCX, recognised by their content (never by their name), scanned
by ClamAV where one is configured, and kept in the private upload store (no URL ever)."""

import socket
import struct
import zipfile

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from guro_jobs.uploads import OLE2_MAGIC, ZIP_MAGIC, PrivateUploadStorage, save_private_upload

PDF, HWP, HWPX, DOCX = "pdf", "hwp", "hwpx", "docx"
CONTENT_TYPES = {
    PDF: "application/pdf",
    HWP: "application/x-hwp",
    HWPX: "application/hwp+zip",
    DOCX: "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
}
# An HWP 5 file is an OLE compound file with a "FileHeader" stream that starts with this signature.
HWP_SIGNATURE = b"HWP Document File"
HWP_STREAM_NAME = "FileHeader".encode("utf-16-le")
CHUNK = 64 * 1024


class VirusFound(Exception):
    pass


class ScannerUnavailable(Exception):
    pass


def _refuse_kind():
    return ValidationError(
        _(
            "이력서 파일은 PDF, 한글(HWP·HWPX), 워드(DOCX) 문서만 올릴 수 있습니다. 파일 내용이 이 형식이 아닙니다."
        ),
        code="file_kind",
    )


def detect_kind(file):
    """The file's kind from its first bytes and structure, or raise ValidationError (Korean)."""
    file.seek(0)
    head = file.read(8)
    file.seek(0)
    if head.startswith(b"%PDF-"):
        return PDF
    if head.startswith(OLE2_MAGIC):
        data = file.read()
        file.seek(0)
        if HWP_STREAM_NAME in data and HWP_SIGNATURE in data:
            return HWP
        raise _refuse_kind()
    if head.startswith(ZIP_MAGIC):
        try:
            with zipfile.ZipFile(file) as archive:
                names = set(archive.namelist())
                mimetype = archive.read("mimetype").strip() if "mimetype" in names else b""
        except (zipfile.BadZipFile, OSError, ValueError, KeyError):
            raise _refuse_kind()
        finally:
            file.seek(0)
        if mimetype == b"application/hwp+zip" and any(name.startswith("Contents/") for name in names):
            return HWPX
        if "[Content_Types].xml" in names and "word/document.xml" in names:
            if "word/vbaProject.bin" in names:
                raise ValidationError(_("매크로가 들어 있는 문서는 받지 않습니다."), code="macro")
            return DOCX
    raise _refuse_kind()


def validate_resume_file(file):
    """Check size and kind; return the kind ("pdf", "hwp", "hwpx", "docx")."""
    limit = settings.RESUME_MAX_UPLOAD_BYTES
    if file.size == 0:
        raise ValidationError(_("빈 파일입니다. 내용이 있는 파일을 올려 주세요."), code="empty")
    if file.size > limit:
        raise ValidationError(
            _("파일이 너무 큽니다. %(limit)s 이하의 파일만 올릴 수 있습니다.")
            % {"limit": filesizeformat(limit)},
            code="too_large",
        )
    return detect_kind(file)


def _clamd_connection():
    timeout = settings.CLAMAV_TIMEOUT
    if settings.CLAMAV_SOCKET:
        connection = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        connection.settimeout(timeout)
        connection.connect(settings.CLAMAV_SOCKET)
        return connection
    return socket.create_connection((settings.CLAMAV_HOST, settings.CLAMAV_PORT), timeout=timeout)


def scanner_configured():
    return bool(settings.CLAMAV_SOCKET or settings.CLAMAV_HOST)


def scan_with_clamd(file):
    """Send the file to clamd (INSTREAM); return None when clean, raise VirusFound with its name."""
    try:
        with _clamd_connection() as connection:
            connection.sendall(b"zINSTREAM\0")
            file.seek(0)
            while chunk := file.read(CHUNK):
                connection.sendall(struct.pack("!L", len(chunk)) + chunk)
            connection.sendall(struct.pack("!L", 0))
            reply = b""
            while not reply.endswith(b"\0"):
                part = connection.recv(4096)
                if not part:
                    break
                reply += part
    except OSError as error:
        raise ScannerUnavailable(str(error)) from error
    finally:
        file.seek(0)
    answer = reply.rstrip(b"\0").decode("utf-8", "replace").strip()
    if answer.endswith("FOUND"):
        raise VirusFound(answer.removeprefix("stream:").removesuffix("FOUND").strip())
    if not answer.endswith("OK"):
        raise ScannerUnavailable(answer)
    return None


def scan(file):
    """ "clean" after a scan, "unscanned" with no scanner configured; refuse an infected file."""
    if not scanner_configured():
        return "unscanned"
    try:
        scan_with_clamd(file)
    except VirusFound:
        raise ValidationError(_("바이러스가 발견되어 파일을 받을 수 없습니다."), code="infected")
    except ScannerUnavailable:
        raise ValidationError(
            _("바이러스 검사를 할 수 없어 지금은 파일을 받을 수 없습니다. 잠시 뒤 다시 올려 주세요."),
            code="scanner_unavailable",
        )
    return "clean"


def store(file, *, kind, folder="resumes"):
    return save_private_upload(file, kind=kind, folder=folder)


def open_stored(path):
    return PrivateUploadStorage().open(path, "rb")


def copy_stored(path, *, kind, folder="application-resumes"):
    """A frozen copy of a stored file (for an application's snapshot); returns the new name."""
    with open_stored(path) as source:
        return save_private_upload(source, kind=kind, folder=folder)


def delete_stored(path):
    if path:
        PrivateUploadStorage().delete(path)
