"""python manage.py sync_national_vacancies [--file F.xml]"""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from national import services
from national.client import NationalApiError


class Command(BaseCommand):
    help = "고용24(워크넷) 채용정보를 한 번 동기화합니다. --file을 주면 저장된 목록 응답(XML)에서 가져옵니다."

    def add_arguments(self, parser):
        parser.add_argument("--file", help="고용24 목록 응답을 저장한 XML 파일")

    def handle(self, *args, file=None, **options):
        try:
            if file:
                path = Path(file)
                if not path.is_file():
                    raise CommandError(f"파일이 없습니다: {file}")
                run = services.sync_from_file(content=path.read_bytes())
            else:
                run = services.sync_from_api()
        except NationalApiError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"{run.get_status_display()}: 받은 공고 {run.fetched}건, 새로 등록 {run.created}건, 갱신 {run.updated}건, "
            f"마감 처리 {run.closed}건, 중복 제외 {run.duplicates}건, 건너뜀 {run.skipped}건"
        )
        if run.errors:
            self.stderr.write(run.errors)
