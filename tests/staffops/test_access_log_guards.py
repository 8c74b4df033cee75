"""The access log names who ran a command from the shell, and the database keeps it whole."""

import getpass
import socket

import pytest
from django.core.management import call_command
from django.db import DatabaseError, connection, transaction

from audit.models import PersonalDataAccess
from audit.services import log_access
from tests import factories
from tests.staffops.spreadsheet_helpers import RESIDENT_HEADERS, resident_row, xlsx

pytestmark = pytest.mark.django_db


def shell_user():
    return f"{getpass.getuser()}@{socket.gethostname()}"


def test_export_data_from_the_shell_is_logged_with_the_os_user_and_host(tmp_path):
    factories.ResidentFactory.create_batch(2)
    call_command("export_data", "residents", str(tmp_path / "r.xlsx"))
    entry = PersonalDataAccess.objects.get(action=PersonalDataAccess.Action.EXPORT)
    assert entry.account is None
    assert entry.account_label == shell_user()
    assert entry.row_count == 2


def test_import_data_from_the_shell_is_logged_with_the_os_user_and_host(tmp_path):
    path = tmp_path / "주민.xlsx"
    path.write_bytes(xlsx(RESIDENT_HEADERS, [resident_row()]))
    call_command("import_data", "residents", str(path))
    entry = PersonalDataAccess.objects.get(action=PersonalDataAccess.Action.ADD)
    assert entry.account_label == shell_user()


@pytest.mark.services
def test_the_database_refuses_to_truncate_the_access_log_on_postgresql():
    entry = log_access(action=PersonalDataAccess.Action.VIEW, account=None)
    assert connection.vendor == "postgresql"
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
        # Only the test database allows it (tests/conftest.py); a production session has no such setting.
        cursor.execute("SET LOCAL guro.allow_audit_log_truncate = 'off'")
        cursor.execute("TRUNCATE audit_personaldataaccess")
    assert PersonalDataAccess.objects.filter(pk=entry.pk).exists()
