"""Import uploads: a size limit, the type checked by content, and kept where nothing serves them."""

import io
import zipfile

import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.storage import storages
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from guro_jobs.uploads import PrivateUploadStorage, save_private_upload, validate_spreadsheet_upload

CSV_TEXT = "이름,생년월일,휴대전화\n김구로,1980-05-17,010-1234-5678\n"


def xlsx_bytes():
    workbook = Workbook()
    workbook.active.append(["이름", "생년월일"])
    workbook.active.append(["김구로", "1980-05-17"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def zip_bytes(entries):
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, content in entries.items():
            archive.writestr(name, content)
    return buffer.getvalue()


def upload(name, content):
    return SimpleUploadedFile(name, content)


def error_of(file):
    with pytest.raises(ValidationError) as caught:
        validate_spreadsheet_upload(file)
    return caught.value


def test_a_real_xlsx_workbook_is_accepted():
    assert validate_spreadsheet_upload(upload("구직자.xlsx", xlsx_bytes())) == "xlsx"


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "cp949"])
def test_csv_in_utf8_or_cp949_is_accepted(encoding):
    assert validate_spreadsheet_upload(upload("구직자.csv", CSV_TEXT.encode(encoding))) == "csv"


def test_the_file_is_rewound_for_the_importer_after_checking():
    file = upload("구직자.xlsx", xlsx_bytes())
    validate_spreadsheet_upload(file)
    assert file.read(4) == b"PK\x03\x04"


def test_files_over_the_size_limit_are_refused(settings):
    settings.IMPORT_MAX_UPLOAD_BYTES = 1024
    error = error_of(upload("큰파일.csv", b"a," * 600))
    assert error.code == "too_large"
    assert "이하의 파일만 올릴 수 있습니다" in error.messages[0]


def test_the_default_limit_is_ten_megabytes():
    assert settings.IMPORT_MAX_UPLOAD_BYTES == 10 * 1024 * 1024


def test_an_empty_file_is_refused():
    assert error_of(upload("빈.csv", b"")).code == "empty"


def test_a_renamed_binary_is_refused_by_its_content():
    error = error_of(upload("구직자.csv", b"MZ\x90\x00\x03\x00\x00\x00\x04\x00"))
    assert error.code == "binary"
    assert ".xlsx와 .csv" in error.messages[0]


def test_old_xls_and_encrypted_office_files_are_refused():
    assert error_of(upload("구직자.xlsx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100)).code == (
        "legacy_excel"
    )


def test_a_zip_that_is_not_a_workbook_is_refused():
    word_document = zip_bytes({"[Content_Types].xml": "<Types/>", "word/document.xml": "<w/>"})
    assert error_of(upload("구직자.xlsx", word_document)).code == "not_xlsx"


def test_a_workbook_with_macros_is_refused():
    macro_book = zip_bytes(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<workbook/>", "xl/vbaProject.bin": "x"}
    )
    assert error_of(upload("구직자.xlsx", macro_book)).code == "macro"


def test_a_zip_bomb_is_refused():
    bomb = zip_bytes(
        {"[Content_Types].xml": "<Types/>", "xl/workbook.xml": "<w/>", "xl/big.xml": "0" * 5_000_000}
    )
    assert error_of(upload("구직자.xlsx", bomb)).code == "zip_bomb"


def test_text_that_is_neither_utf8_nor_cp949_is_refused():
    assert error_of(
        upload("구직자.csv", "이름\n".encode("utf-16-le").replace(b"\x00", b"") + b"\xff\xfe\xfa")
    ).code == ("encoding")


def test_the_extension_must_match_the_content():
    error = error_of(upload("구직자.csv", xlsx_bytes()))
    assert error.code == "extension_mismatch"


def test_private_uploads_live_outside_media_static_and_every_static_folder():
    root = settings.PRIVATE_UPLOAD_ROOT.resolve()
    served = [settings.MEDIA_ROOT, settings.STATIC_ROOT] + [
        entry[1] if isinstance(entry, tuple) else entry for entry in settings.STATICFILES_DIRS
    ]
    for folder in served:
        folder = folder.resolve()
        assert not root.is_relative_to(folder)
        assert not folder.is_relative_to(root)
    assert isinstance(storages["private_uploads"], PrivateUploadStorage)


def test_a_saved_upload_is_private_and_has_no_url(tmp_path):
    storage = PrivateUploadStorage(location=tmp_path)
    content = xlsx_bytes()
    file = upload("구직자.xlsx", content)
    name = save_private_upload(file, kind=validate_spreadsheet_upload(file), storage=storage)
    stored = tmp_path / name
    assert stored.read_bytes() == content
    assert stored.stat().st_mode & 0o077 == 0  # owner only
    assert "구직자" not in name  # the resident-facing name is not reused on disk
    with pytest.raises(ValueError):
        storage.url(name)
