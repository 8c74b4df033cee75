"""`python manage.py seed_demo`: demo data for the portal (see the guro_jobs/demo package)."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from guro_jobs.demo import default_counts, seed_demo, seed_plan_scale
from residents.models import Resident

LABELS = (
    ("Resident", gettext_lazy("구직자 %(count)s명")),
    ("Employer", gettext_lazy("기업 %(count)s곳")),
    ("Agreement", gettext_lazy("업무제휴 협약 %(count)s건")),
    ("Program", gettext_lazy("새 일자리 사업 %(count)s개")),
    ("Vacancy", gettext_lazy("채용 공고 %(count)s건")),
    ("JobApplication", gettext_lazy("채용 지원 %(count)s건")),
    ("ProgramApplication", gettext_lazy("사업 참여 신청 %(count)s건")),
    ("Placement", gettext_lazy("취업·참여 실적 %(count)s건")),
    ("RetentionCheck", gettext_lazy("고용 유지 확인 %(count)s건")),
)


class Command(BaseCommand):
    help = _(
        "데모 데이터(구직자, 기업, 공고, 사업, 지원, 취업 실적)를 만듭니다. 같은 시드는 같은 데이터를 만듭니다."
    )

    def add_arguments(self, parser):
        parser.add_argument("--residents", type=int, default=2000, help=_("구직자 수 (기본 2,000)"))
        parser.add_argument("--employers", type=int, help=_("기업 수 (기본: 구직자 수의 1/20)"))
        parser.add_argument("--vacancies", type=int, help=_("채용 공고 수 (기본: 구직자 수의 15%%)"))
        parser.add_argument("--applications", type=int, help=_("채용 지원 수 (기본: 구직자 수)"))
        parser.add_argument("--program-applications", type=int, help=_("사업 참여 신청 수 (기본: 구직자 수)"))
        parser.add_argument("--placements", type=int, help=_("취업·참여 실적 수 (기본: 구직자 수의 3/4)"))
        parser.add_argument("--seed", type=int, default=2010, help=_("난수 시드 (기본 2010)"))
        parser.add_argument(
            "--if-empty", action="store_true", help=_("구직자가 이미 있으면 아무것도 하지 않습니다.")
        )
        parser.add_argument(
            "--no-plan-scale",
            dest="plan_scale",
            action="store_false",
            help=_(
                "계획 규모(연도·부문별 목표의 80~120%%)로 실적을 채우지 않고, 예시 계획도 만들지 않습니다."
            ),
        )

    def handle(self, *args, **options):
        if options["if_empty"] and Resident.objects.exists():
            self.stdout.write(_("구직자가 이미 있어 데모 데이터를 만들지 않았습니다."))
            return
        counts = default_counts(options["residents"])
        for name in ("employers", "vacancies", "applications", "program_applications", "placements"):
            if options[name] is not None:
                setattr(counts, name, options[name])
        if any(value < 0 for value in vars(counts).values()):
            raise CommandError(_("건수는 0 이상이어야 합니다."))
        try:
            summary = seed_demo(counts=counts, seed=options["seed"], today=timezone.localdate())
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        if options["plan_scale"]:
            with transaction.atomic():
                summary.counts["Placement"] = summary.counts.get("Placement", 0) + seed_plan_scale(
                    seed=options["seed"], today=timezone.localdate()
                )
        made = " · ".join(str(label) % {"count": f"{summary.counts.get(key, 0):,}"} for key, label in LABELS)
        self.stdout.write(
            self.style.SUCCESS(
                _("데모 데이터를 만들었습니다 (시드 %(seed)s, %(seconds).1f초).")
                % {"seed": options["seed"], "seconds": summary.seconds}
            )
        )
        self.stdout.write(f"  {made}")
