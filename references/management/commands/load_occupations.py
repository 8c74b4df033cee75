"""python manage.py load_occupations FILE.xlsx [--dry-run]"""

from spreadsheets.management.commands.import_data import Command as ImportCommand


class Command(ImportCommand):
    help = (
        "한국고용직업분류(KECO) 파일(.xlsx·.csv: 코드, 직업명, 영문 직업명)로 직종을 등록하거나 고칩니다. "
        "한 행이라도 틀리면 아무것도 저장하지 않습니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="검사만 하고 저장하지 않습니다.")

    def handle(self, *args, **options):
        return super().handle(*args, kind="occupations", **options)
