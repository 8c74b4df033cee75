"""Resume files: the kind is read from the content, never from the name; the size limit; ClamAV."""

import socket
import threading

import pytest
from django.core.exceptions import ValidationError

from resumes import files, services
from tests import factories
from tests.resumes.conftest import (
    DOCX_BYTES,
    HWP_BYTES,
    HWPX_BYTES,
    PDF_BYTES,
    make_resume,
    upload,
    zip_bytes,
)

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("content", "kind"), [(PDF_BYTES, "pdf"), (HWP_BYTES, "hwp"), (HWPX_BYTES, "hwpx"), (DOCX_BYTES, "docx")]
)
def test_pdf_hwp_hwpx_and_docx_are_recognised_by_their_content_whatever_their_name(content, kind):
    assert files.validate_resume_file(upload(content, "아무 이름.bin")) == kind


@pytest.mark.parametrize(
    ("content", "name"),
    [
        (b"MZ\x90\x00\x03\x00\x00\x00program", "이력서.pdf"),  # a Windows program renamed .pdf
        (b"just some text, not a document", "이력서.hwp"),
        (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 300, "이력서.hwp"),  # an OLE file that is not HWP
        (zip_bytes({"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<x/>"}), "이력서.docx"),
        (zip_bytes({"readme.txt": "hello"}), "이력서.hwpx"),
    ],
)
def test_a_file_of_the_wrong_kind_is_refused_whatever_its_name(content, name):
    with pytest.raises(ValidationError) as error:
        files.validate_resume_file(upload(content, name))
    assert "PDF, 한글(HWP·HWPX), 워드(DOCX)" in error.value.messages[0]


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.RESUME_MAX_UPLOAD_BYTES = 100
    with pytest.raises(ValidationError, match="파일이 너무 큽니다"):
        files.validate_resume_file(upload(PDF_BYTES + b" " * 200, "cv.pdf"))


def test_without_a_scanner_an_upload_is_accepted_and_marked_unscanned(private_uploads):
    resume = make_resume(factories.ResidentFactory())
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "내 이력서.pdf"))
    resume.refresh_from_db()
    assert resume.scan_status == "unscanned"
    assert resume.file_kind == "pdf"
    stored = private_uploads / resume.file_path
    assert stored.read_bytes() == PDF_BYTES


class FakeClamd:
    """Answers clamd's INSTREAM on a loopback port like the real daemon: OK, or the EICAR signature."""

    def __init__(self):
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen()
        self.port = self.server.getsockname()[1]
        self.received = []
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                connection, _address = self.server.accept()
            except OSError:
                return
            with connection:
                data = b""
                while not data.endswith(b"\0\0\0\0"):
                    part = connection.recv(65536)
                    if not part:
                        break
                    data += part
                assert data.startswith(b"zINSTREAM\0")
                self.received.append(data)
                found = b"EICAR-STANDARD-ANTIVIRUS-TEST-FILE" in data
                connection.sendall(b"stream: Eicar-Test-Signature FOUND\0" if found else b"stream: OK\0")

    def close(self):
        self.server.close()


@pytest.fixture
def clamd(settings):
    server = FakeClamd()
    settings.CLAMAV_HOST = "127.0.0.1"
    settings.CLAMAV_PORT = server.port
    yield server
    server.close()


def test_with_clamd_configured_a_clean_file_is_scanned_and_marked_clean(clamd):
    resume = make_resume(factories.ResidentFactory())
    services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))
    resume.refresh_from_db()
    assert resume.scan_status == "clean"
    assert clamd.received and PDF_BYTES in clamd.received[0]


def test_with_clamd_configured_an_infected_file_is_refused_and_not_stored(clamd, private_uploads):
    resume = make_resume(factories.ResidentFactory())
    infected = PDF_BYTES + b"X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*"
    with pytest.raises(ValidationError, match="바이러스가 발견되어"):
        services.attach_file(resume=resume, file=upload(infected, "cv.pdf"))
    resume.refresh_from_db()
    assert not resume.has_file
    assert not private_uploads.exists() or not any(private_uploads.rglob("*.pdf"))


def test_a_configured_scanner_that_does_not_answer_refuses_the_upload(settings):
    settings.CLAMAV_HOST = "127.0.0.1"
    settings.CLAMAV_PORT = 9  # nothing listens on the discard port here
    settings.CLAMAV_TIMEOUT = 2
    resume = make_resume(factories.ResidentFactory())
    with pytest.raises(ValidationError, match="바이러스 검사를 할 수 없어"):
        services.attach_file(resume=resume, file=upload(PDF_BYTES, "cv.pdf"))


def test_the_private_store_gives_a_resume_file_no_url():
    with pytest.raises(ValueError):
        files.PrivateUploadStorage().url("resumes/x.pdf")
