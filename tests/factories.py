"""factory_boy factories that build valid records (each passes full_clean)."""

import datetime

import factory
from django.utils import timezone

from accounts import roles
from accounts.services import create_user_with_role
from employers.models import Agreement, Employer, Vacancy
from guro_jobs.validators import business_number_check_digit
from placements.models import JobApplication, Placement
from programs.models import Program, ProgramApplication
from references.models import AdministrativeDong, Occupation, PriorityGroup
from residents.models import Resident

PASSWORD = "guro-test-pass-2026!"


def business_number(n):
    """A valid business registration number (correct check digit) made from a sequence number."""
    first_nine = f"{220810000 + n:09d}"
    digits = first_nine + str(business_number_check_digit(first_nine))
    return f"{digits[:3]}-{digits[3:5]}-{digits[5:]}"


def dong(name="구로3동"):
    return AdministrativeDong.objects.get(name=name)


def priority_group(code):
    return PriorityGroup.objects.get(code=code)


def occupation(code="133"):  # KECO 2018 소프트웨어 개발자
    return Occupation.objects.get(code=code)


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = "accounts.User"

    username = factory.Sequence(lambda n: f"user{n}@example.kr")
    email = factory.SelfAttribute("username")
    password = factory.PostGenerationMethodCall("set_password", PASSWORD)


def staff_user(username="staff@guro.go.kr"):
    return create_user_with_role(
        username=username, password=PASSWORD, role=roles.DISTRICT_STAFF, last_name="김", first_name="직원"
    )


def manager_user(username="manager@guro.go.kr"):
    return create_user_with_role(username=username, password=PASSWORD, role=roles.MANAGER)


def employer_user(employer=None, username=None):
    employer = employer or EmployerFactory()
    username = username or f"hr{employer.pk}@example.kr"
    return create_user_with_role(
        username=username, email=username, password=PASSWORD, role=roles.EMPLOYER, employer=employer
    )


class ResidentFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Resident
        skip_postgeneration_save = True

    class Params:
        with_user = factory.Trait(
            user=factory.LazyAttribute(
                lambda o: create_user_with_role(
                    username=o.email, email=o.email, password=PASSWORD, role=roles.RESIDENT
                )
            )
        )

    name = factory.Sequence(lambda n: f"주민{n}")
    birth_date = datetime.date(1980, 5, 17)
    gender = "female"
    dong = factory.LazyFunction(dong)
    phone = factory.Sequence(lambda n: f"010-{1000 + n % 9000:04d}-{n % 10000:04d}")
    email = factory.Sequence(lambda n: f"resident{n}@example.kr")
    education_level = "high_school"
    employment_status = "unemployed"
    desired_employment_types = factory.LazyFunction(lambda: ["full_time"])
    collection_consented_at = factory.LazyFunction(timezone.now)
    provision_consented_at = factory.LazyFunction(timezone.now)
    consent_version = "2026-11"


class EmployerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Employer

    name = factory.Sequence(lambda n: f"구로테크{n}")
    business_number = factory.Sequence(business_number)
    kind = Employer.Kind.DIGITAL_VALLEY
    in_digital_valley = True
    industry = "소프트웨어 개발"
    address = "서울특별시 구로구 디지털로 300"
    dong = factory.LazyFunction(lambda: dong("구로3동"))
    headcount = 40


class AgreementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Agreement

    employer = factory.SubFactory(EmployerFactory, kind=Employer.Kind.ANCHOR_PARTNER, in_digital_valley=False)
    title = "지역 주민 우선 채용 협약"
    signed_on = datetime.date(2011, 3, 1)
    starts_on = datetime.date(2011, 3, 1)
    planned_hires = 100
    local_hire_share = 50
    incentives = factory.LazyFunction(lambda: ["local_tax_reduction"])


class VacancyFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Vacancy
        skip_postgeneration_save = True

    employer = factory.SubFactory(EmployerFactory)
    title = factory.Sequence(lambda n: f"웹 개발자 채용 {n}")
    description = "사내 업무 시스템 개발과 유지보수"
    occupation = factory.LazyFunction(occupation)
    employment_type = "full_time"
    wage_amount = 2_800_000
    wage_unit = "monthly"
    weekly_hours = 40
    work_place = "서울특별시 구로구 디지털로 300"
    dong = factory.LazyFunction(lambda: dong("구로3동"))
    openings = 2
    status = Vacancy.Status.OPEN
    posted_on = factory.LazyFunction(timezone.localdate)


class ProgramFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Program

    code = factory.Sequence(lambda n: f"test-program-{n}")
    name = factory.Sequence(lambda n: f"시험 공공근로 {n}")
    kind = Program.Kind.PUBLIC_WORKS
    sector = "public"
    year = factory.LazyFunction(lambda: timezone.localdate().year)
    capacity = 10
    min_age = 18
    requires_guro_residency = True
    allowed_employment_statuses = factory.LazyFunction(lambda: ["unemployed", "no_regular_income"])


class ProgramApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProgramApplication

    resident = factory.SubFactory(ResidentFactory)
    program = factory.SubFactory(ProgramFactory)


class JobApplicationFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = JobApplication

    resident = factory.SubFactory(ResidentFactory)
    vacancy = factory.SubFactory(VacancyFactory)


class PlacementFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Placement
        skip_postgeneration_save = True

    resident = factory.SubFactory(ResidentFactory)
    source = Placement.Source.VACANCY
    sector = "private"
    employer = factory.SubFactory(EmployerFactory)
    started_on = datetime.date(2011, 4, 1)
    monthly_wage = 2_200_000
    guro_resident_at_hire = True
    dong_at_hire = factory.LazyFunction(dong)
    gender = "female"
    age_at_hire = 30


def verify_second_factor_in_session(client, user):
    """Give a test client's staff or manager session a verified TOTP device, as after the code."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    if not (user.is_staff or user.is_superuser):
        return
    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    device = device or TOTPDevice.objects.create(user=user, name="테스트 인증 앱", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def login_without_second_factor(client, user):
    """A session after the password only (what a staff member has before giving the code)."""
    client.without_second_factor = True
    try:
        client.force_login(user)
    finally:
        client.without_second_factor = False


def current_totp_code(device):
    from django_otp.oath import totp

    return f"{totp(device.bin_key, step=device.step, t0=device.t0, digits=device.digits):0{device.digits}d}"


def claim_priority_group(resident, code, *, verified=True, valid_until=None, document_type="other"):
    """A resident's claim to a priority group, verified with a document unless verified=False."""
    from residents.models import ResidentPriorityGroup

    return ResidentPriorityGroup.objects.create(
        resident=resident,
        priority_group=priority_group(code),
        verified_at=timezone.now() if verified else None,
        document_type=document_type if verified else "",
        valid_until=valid_until,
    )


def plan_with_years(*, first_year, last_year, targets=None, title="시험 계획", **fields):
    """A comprehensive plan with one yearly plan per year; targets {year: (total, public, private)}
    (default 100 = 60 + 40 each year); stated_total defaults to the yearly sum."""
    from plans.models import Plan, YearPlan

    targets = targets or {year: (100, 60, 40) for year in range(first_year, last_year + 1)}
    fields.setdefault("stated_total", sum(total for total, _public, _private in targets.values()))
    plan = Plan.objects.create(title=title, first_year=first_year, last_year=last_year, **fields)
    for year, (total, public, private) in targets.items():
        YearPlan.objects.create(
            plan=plan, year=year, total_target=total, public_target=public, private_target=private
        )
    return plan


def first_plan():
    """Plan 1, loaded by the migrations: 구로구 일자리 창출 계획 2010–2014."""
    from plans.models import Plan

    return Plan.objects.get(first_year=2010)
