from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from reports.services import tallies
from reports.tasks import recompute_all_dashboards


class Command(BaseCommand):
    # argparse formats help with regular expressions, which refuse lazy strings: plain gettext.
    help = _(
        "대시보드의 연도별 누계표를 취업·참여 실적에서 다시 셉니다 (트리거 없이 데이터만 복원한 뒤 등). "
        "--check는 어긋난 곳만 알려 줍니다."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--check", action="store_true", help=_("다시 세지 않고, 누계표가 실적과 어긋나는지만 확인합니다.")
        )

    def handle(self, *args, check=False, **options):
        if not tallies.available():
            self.stdout.write(_("누계표는 PostgreSQL에서만 씁니다: 할 일이 없습니다."))
            return
        differing = {tally: count for tally, count in tallies.differences().items() if count}
        if check:
            if differing:
                raise CommandError(self._describe(differing))
            self.stdout.write(_("누계표가 실적과 맞습니다."))
            return
        tallies.rebuild()
        left = {tally: count for tally, count in tallies.differences().items() if count}
        if left:
            raise CommandError(self._describe(left))
        recompute_all_dashboards.apply(throw=True).get()
        self.stdout.write(
            _("누계표를 다시 세고 대시보드를 다시 계산했습니다 (어긋났던 항목 %(count)s개).")
            % {"count": sum(differing.values())}
        )

    @staticmethod
    def _describe(differing):
        listed = ", ".join(f"{tally} {count}" for tally, count in differing.items())
        return _("누계표가 실적과 어긋납니다: %(listed)s") % {"listed": listed}
