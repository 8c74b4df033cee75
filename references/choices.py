"""Choices several apps share. Order matters where a rank is implied (education)."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class EducationLevel(models.TextChoices):
    MIDDLE_SCHOOL = "middle_school", _("중학교 졸업 이하")
    HIGH_SCHOOL = "high_school", _("고등학교 졸업")
    VOCATIONAL_HIGH_SCHOOL = "vocational_high_school", _("전문계고 졸업")
    JUNIOR_COLLEGE = "junior_college", _("전문대학 졸업")
    UNIVERSITY = "university", _("대학교 졸업")
    GRADUATE_SCHOOL = "graduate_school", _("대학원 졸업")

    @classmethod
    def rank(cls, value):
        """A comparable rank. A vocational high school (전문계고) ranks above a general one, so a
        program asking for it excludes general high schools but accepts junior colleges."""
        ranks = {
            cls.MIDDLE_SCHOOL: 0,
            cls.HIGH_SCHOOL: 1,
            cls.VOCATIONAL_HIGH_SCHOOL: 2,
            cls.JUNIOR_COLLEGE: 3,
            cls.UNIVERSITY: 4,
            cls.GRADUATE_SCHOOL: 5,
        }
        return ranks.get(value, -1)


class EmploymentType(models.TextChoices):
    FULL_TIME = "full_time", _("정규직")
    CONTRACT = "contract", _("계약직")
    PART_TIME = "part_time", _("시간제")
    DAILY = "daily", _("일용직")
    INTERNSHIP = "internship", _("인턴")


class EmploymentStatus(models.TextChoices):
    UNEMPLOYED = "unemployed", _("실업")
    NO_REGULAR_INCOME = "no_regular_income", _("정기 소득 없음")
    EMPLOYED = "employed", _("재직")


class Sector(models.TextChoices):
    PUBLIC = "public", _("공공")
    PRIVATE = "private", _("민간")


class WageUnit(models.TextChoices):
    HOURLY = "hourly", _("시급")
    DAILY = "daily", _("일급")
    MONTHLY = "monthly", _("월급")
    YEARLY = "yearly", _("연봉")


class Gender(models.TextChoices):
    FEMALE = "female", _("여성")
    MALE = "male", _("남성")


class SeoulDistrict(models.TextChoices):
    """Seoul's 25 autonomous districts (자치구), by their administrative code (행정구역 코드)."""

    JONGNO = "11110", _("종로구")
    JUNG = "11140", _("중구")
    YONGSAN = "11170", _("용산구")
    SEONGDONG = "11200", _("성동구")
    GWANGJIN = "11215", _("광진구")
    DONGDAEMUN = "11230", _("동대문구")
    JUNGNANG = "11260", _("중랑구")
    SEONGBUK = "11290", _("성북구")
    GANGBUK = "11305", _("강북구")
    DOBONG = "11320", _("도봉구")
    NOWON = "11350", _("노원구")
    EUNPYEONG = "11380", _("은평구")
    SEODAEMUN = "11410", _("서대문구")
    MAPO = "11440", _("마포구")
    YANGCHEON = "11470", _("양천구")
    GANGSEO = "11500", _("강서구")
    GURO = "11530", _("구로구")
    GEUMCHEON = "11545", _("금천구")
    YEONGDEUNGPO = "11560", _("영등포구")
    DONGJAK = "11590", _("동작구")
    GWANAK = "11620", _("관악구")
    SEOCHO = "11650", _("서초구")
    GANGNAM = "11680", _("강남구")
    SONGPA = "11710", _("송파구")
    GANGDONG = "11740", _("강동구")


class Career(models.TextChoices):
    NEW = "new", _("신입")
    EXPERIENCED = "experienced", pgettext_lazy("career", "경력")
    ANY = "any", _("경력 무관")
