import datetime
import io
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile

from resumes import services
from resumes.models import CareerEntry, Resume

PDF_BYTES = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


DOCX_BYTES = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w:document/>"})
HWPX_BYTES = zip_bytes({"mimetype": "application/hwp+zip", "Contents/section0.xml": "<hs:sec/>"})
HWP_BYTES = (
    b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    + b"\x00" * 500
    + "FileHeader".encode("utf-16-le")
    + b"\x00" * 100
    + b"HWP Document File"
    + b"\x00" * 200
)


def upload(content, name):
    return SimpleUploadedFile(name, content)


@pytest.fixture(autouse=True)
def private_uploads(settings, tmp_path):
    settings.PRIVATE_UPLOAD_ROOT = tmp_path / "private"
    settings.CLAMAV_SOCKET = ""
    settings.CLAMAV_HOST = ""
    return settings.PRIVATE_UPLOAD_ROOT


def make_resume(resident, title="기본 이력서", careers=(), **fields):
    resume = services.save_resume(resume=Resume(resident=resident, title=title, **fields))
    for employer_name, started_on, ended_on in careers:
        CareerEntry.objects.create(
            resume=resume,
            employer_name=employer_name,
            started_on=started_on,
            ended_on=ended_on,
            is_current=ended_on is None,
        )
    return resume


def day(text):
    return datetime.date.fromisoformat(text)


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
