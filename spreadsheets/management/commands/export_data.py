"""python manage.py export_data residents FILE.xlsx — the same file the admin's export writes."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from audit.services import shell_account_label
from spreadsheets.registry import KINDS
from spreadsheets.services import export_spreadsheet, file_format


class Command(BaseCommand):
    help = "구직자, 기업, 채용 공고, 취업 실적을 한국어 열 이름으로 엑셀(.xlsx)·CSV 파일에 내보냅니다."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file")
        parser.add_argument(
            "--reason", default="관리 명령(export_data)으로 내보내기", help="개인정보 접속 기록에 남길 사유"
        )

    def handle(self, *args, kind, file, reason, **options):
        path = Path(file)
        try:
            content = export_spreadsheet(
                kind=kind,
                file_format=file_format(path.name),
                reason=reason,
                account_label=shell_account_label(),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages))
        path.write_bytes(content)
        self.stdout.write(f"{path} 파일에 저장했습니다.")
