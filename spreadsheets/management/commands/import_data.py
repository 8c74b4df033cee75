"""python manage.py import_data residents FILE.xlsx [--dry-run]"""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from audit.services import shell_account_label
from spreadsheets.registry import KINDS
from spreadsheets.services import import_spreadsheet


class Command(BaseCommand):
    help = "엑셀(.xlsx)·CSV 파일에서 구직자, 기업, 채용 공고, 취업 실적을 가져옵니다. 한 행이라도 틀리면 아무것도 저장하지 않습니다."

    def add_arguments(self, parser):
        parser.add_argument("kind", choices=sorted(KINDS))
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="검사만 하고 저장하지 않습니다.")

    def handle(self, *args, kind, file, dry_run, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"파일이 없습니다: {file}")
        try:
            report = import_spreadsheet(
                kind=kind,
                content=path.read_bytes(),
                filename=path.name,
                dry_run=dry_run,
                account_label=shell_account_label(),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages))
        for line in report.row_lines():
            self.stdout.write(line)
        if report.has_errors:
            self.stderr.write(
                f"오류가 있는 행이 있어 아무것도 저장하지 않았습니다. (오류 {report.count('error')}행)"
            )
            raise SystemExit(1)
        summary = f"새로 등록 {report.count('new')}행, 수정 {report.count('update')}행, 변경 없음 {report.count('skip')}행"
        if dry_run:
            self.stdout.write(f"검사 완료(저장하지 않음): {summary}")
        else:
            self.stdout.write(f"저장 완료: {summary}")
