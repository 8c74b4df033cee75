from django.core.management.base import BaseCommand
from django.utils.translation import gettext as _

from reports.tasks import recompute_all_dashboards, recompute_dashboard


class Command(BaseCommand):
    # argparse formats help with regular expressions, which refuse lazy strings: plain gettext.
    help = _("대시보드 집계를 지금 다시 계산합니다 (야간 작업과 같은 작업을 이 프로세스에서 실행).")

    def add_arguments(self, parser):
        parser.add_argument("--year", type=int, help=_("이 연도만 다시 계산합니다. 없으면 모든 연도."))

    def handle(self, *args, year=None, **options):
        # .apply() runs the very same task in this process, synchronously, whatever the broker.
        if year is not None:
            result = recompute_dashboard.apply(args=[year], throw=True).get()
            self.stdout.write(_("%(year)s년 대시보드를 다시 계산했습니다.") % {"year": result["year"]})
        else:
            result = recompute_all_dashboards.apply(throw=True).get()
            years = ", ".join(str(y) for y in result["years"])
            self.stdout.write(_("대시보드를 다시 계산했습니다: %(years)s") % {"years": years})
