"""The generator's state: the random sources, reference rows and compact per-resident facts."""

import bisect
import datetime
from array import array

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _
from faker import Faker

from guro_jobs.demo.tools import FastRandom, Tables, age_on
from references import keco2018
from references.models import AdministrativeDong, Occupation, PriorityGroup, Skill

OCCUPATION_SKILLS = {
    "01": ("Java", "Python", "웹 프론트엔드", "데이터베이스", "정보처리기사"),
    "02": ("네트워크 관리", "데이터베이스", "정보처리기사", "컴퓨터활용능력 2급"),
    "03": ("전자회로 설계", "전기기능사"),
    "04": ("그래픽 디자인", "웹 프론트엔드"),
    "05": ("문서 작성(한글·엑셀)", "컴퓨터활용능력 2급", "친절 서비스"),
    "06": ("전산회계 1급", "문서 작성(한글·엑셀)", "컴퓨터활용능력 2급"),
    "07": ("호텔서비스사", "외국어 응대(영어)", "외국어 응대(중국어)", "친절 서비스"),
    "08": ("판매·계산", "친절 서비스", "외국어 응대(중국어)"),
    "09": ("친절 서비스", "문서 작성(한글·엑셀)", "외국어 응대(영어)"),
    "10": ("조리", "한식조리기능사"),
    "11": ("친절 서비스",),
    "12": ("전기기능사", "친절 서비스"),
    "13": ("지게차 운전", "지게차운전기능사"),
    "14": ("지게차 운전", "전기기능사"),
    "15": ("요양보호사", "친절 서비스"),
    "16": ("문서 작성(한글·엑셀)", "외국어 응대(영어)"),
}


class Context:
    def __init__(self, seed, today):
        self.rng = FastRandom(seed)
        # what depends on today (this year's vacancies' and programs' applicants) draws from its own
        # stream, so the 2010–2014 data is the same whatever the day
        self.rng_today = FastRandom(f"{seed}:today")
        self.fake = Faker("ko_KR")
        self.fake.seed_instance(seed)
        self.today = today
        self.tables = Tables(now=timezone.now())
        self.created_programs = 0
        self.dongs = list(AdministrativeDong.objects.filter(is_active=True).order_by("sort_order", "id"))
        self.groups = list(PriorityGroup.objects.order_by("sort_order", "id"))
        self.group_bit = {g.code: 1 << i for i, g in enumerate(self.groups)}
        self.group_bit_by_id = {g.pk: 1 << i for i, g in enumerate(self.groups)}
        # The demo's tables are keyed by the portal's former occupation codes ("01"…"16").
        former = {new: old for old, _name, new in keco2018.FORMER_OCCUPATIONS}
        rows = Occupation.objects.filter(code__in=former)
        self.occupations = dict(sorted((former[o.code], o) for o in rows))
        self.skills = {s.name: s.pk for s in Skill.objects.order_by("name")}
        # per resident, in registration order
        self.r_id = array("q")
        self.r_reg = array("i")  # registration day (ordinal)
        self.r_birth = array("i")
        self.r_dong = array("q")  # 0: lives outside Guro
        self.r_female = bytearray()
        self.r_groups = array("I")  # bitmask over self.groups
        self.r_verified = array("I")  # the claims among r_groups staff verified with a document
        self.r_edu = bytearray()  # EducationLevel.rank
        self.r_provision = bytearray()  # consented to provide their data to employers

    def group_ids(self, mask):
        return [g.pk for i, g in enumerate(self.groups) if mask >> i & 1]

    def registered_by(self, ordinal):
        """How many residents had registered by a day (they are a prefix of the arrays)."""
        return bisect.bisect_right(self.r_reg, ordinal)

    def pick_resident(self, ordinal, used, fits=None, attempts=20, rng=None):
        """A resident registered by the day, not in `used`, preferably one that `fits`."""
        rng = rng or self.rng
        total = len(self.r_id)
        if len(used) >= total:
            raise ValidationError(_("데모 데이터를 만들 구직자가 모자랍니다."))
        # when many are taken, widen the pool beyond those registered by the day
        pool = max(self.registered_by(ordinal), min(total, 2 * len(used) + 10))
        fallback = None
        for _attempt in range(attempts):
            index = rng.randrange(pool)
            if index in used:
                continue
            if fits is None or fits(index):
                used.add(index)
                return index
            if fallback is None:
                fallback = index
        while fallback is None:  # crowded: draw from everyone until a free one comes up
            index = rng.randrange(total)
            if index not in used:
                fallback = index
        used.add(fallback)
        return fallback

    def facts(self, index, ordinal):
        """Facts a placement keeps about the resident at hire."""
        dong_id = self.r_dong[index] or None
        birth = datetime.date.fromordinal(self.r_birth[index])
        return {
            "resident_id": self.r_id[index],
            "guro_resident_at_hire": dong_id is not None,
            "dong_at_hire_id": dong_id,
            "gender": "female" if self.r_female[index] else "male",
            "age_at_hire": age_on(birth, datetime.date.fromordinal(ordinal)),
        }
