"""A few demo resumes (이력서) for the first demo residents, so the employer's applicant pages and
the resume pages have something to show. Drawn from their own random stream, so adding them does
not change any other demo row."""

import datetime

from guro_jobs.demo.tools import FastRandom, add_months
from resumes.models import CareerEntry, CertificateEntry, EducationEntry, Resume

RESUMES = 12
EMPLOYERS = ("구로전자", "디지털밸리소프트", "신도림물류", "가리봉식품", "고척서비스", "개봉정밀")
POSITIONS = ("사원", "주임", "대리", "팀장")
DUTIES = ("생산 라인 관리", "물류 입출고", "고객 응대", "사무 행정", "품질 검사", "전산 입력")
SCHOOLS = ("구로고등학교", "신도림고등학교", "서울디지털전문대학", "한국산업대학교")
CERTIFICATES = (
    ("지게차운전기능사", "한국산업인력공단"),
    ("컴퓨터활용능력 2급", "대한상공회의소"),
    ("요양보호사", "서울특별시"),
)


def create_resumes(ctx, seed):
    """One resume each, with an education line, one to three jobs and maybe a certificate."""
    rng = FastRandom(f"{seed}:resumes")
    resumes, education, careers, certificates = [], [], [], []
    for index, resident_id in enumerate(list(ctx.r_id)[:RESUMES]):
        birth = datetime.date.fromordinal(ctx.r_birth[index])
        resume = Resume(
            resident_id=resident_id,
            title=rng.choice(("기본 이력서", "생산직 지원용", "사무직 지원용")),
            is_default=True,
            desired_employment_types=["full_time"],
            motivation="성실하게 일하며 오래 근무하고 싶습니다.",
            created_at=datetime.datetime.combine(ctx.today, datetime.time(9), tzinfo=datetime.UTC),
        )
        resumes.append(resume)
        school_start = datetime.date(birth.year + 16, 3, 2)
        education.append((index, rng.choice(SCHOOLS), school_start, datetime.date(birth.year + 19, 2, 28)))
        start = datetime.date(birth.year + 20 + rng.randrange(0, 4), rng.randrange(1, 13), 1)
        for _job in range(rng.randrange(1, 4)):
            months = rng.randrange(6, 48)
            end = add_months(start, months) - datetime.timedelta(days=1)
            if end >= ctx.today:
                break
            careers.append(
                (index, rng.choice(EMPLOYERS), start, end, rng.choice(POSITIONS), rng.choice(DUTIES))
            )
            start = add_months(end, rng.randrange(0, 6)) + datetime.timedelta(days=1)
        if rng.random() < 0.5:
            name, issuer = rng.choice(CERTIFICATES)
            certificates.append((index, name, issuer))
    Resume.objects.bulk_create(resumes)
    EducationEntry.objects.bulk_create(
        EducationEntry(resume=resumes[i], school=school, started_on=start, ended_on=end)
        for i, school, start, end in education
    )
    CareerEntry.objects.bulk_create(
        CareerEntry(
            resume=resumes[i],
            employer_name=name,
            started_on=start,
            ended_on=end,
            position=position,
            duties=duties,
        )
        for i, name, start, end, position, duties in careers
    )
    CertificateEntry.objects.bulk_create(
        CertificateEntry(resume=resumes[i], name=name, issuer=issuer) for i, name, issuer in certificates
    )
    return len(resumes)
