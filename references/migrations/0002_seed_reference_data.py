"""Reference data every fresh database holds: Guro's 16 administrative dongs, the priority
groups programs rank by, and starting lists of occupations and skills (staff extend them)."""

from django.db import migrations

DONGS = [
    "신도림동",
    "구로1동",
    "구로2동",
    "구로3동",
    "구로4동",
    "구로5동",
    "가리봉동",
    "고척1동",
    "고척2동",
    "개봉1동",
    "개봉2동",
    "개봉3동",
    "오류1동",
    "오류2동",
    "수궁동",
    "항동",
]

PRIORITY_GROUPS = [
    ("basic_livelihood", "기초생활수급자", "국민기초생활보장 수급자"),
    ("near_poor", "차상위계층", "기준 중위소득 50% 이하 차상위계층"),
    ("single_parent", "한부모가정", "한부모가족지원법에 따른 한부모가족"),
    ("raising_children", "자녀 양육 부모", "만 18세 미만 자녀를 키우는 부모"),
    ("disability", "장애인", "장애인복지법에 따른 등록 장애인"),
    ("senior", "65세 이상 어르신", "만 65세 이상"),
    ("youth", "청년", "만 15세 이상 34세 이하"),
    ("long_term_unemployed", "장기 실업자", "6개월 이상 구직 중인 실업자"),
    ("female_householder", "여성 가장", "가구의 생계를 책임지는 여성"),
]

OCCUPATIONS = [
    ("01", "소프트웨어 개발"),
    ("02", "정보통신 기술 지원"),
    ("03", "전기·전자 기술"),
    ("04", "웹·시각 디자인"),
    ("05", "경영·사무 보조"),
    ("06", "회계·경리"),
    ("07", "호텔 객실·프런트"),
    ("08", "백화점·매장 판매"),
    ("09", "고객 상담"),
    ("10", "조리·음식 서비스"),
    ("11", "청소·환경미화"),
    ("12", "경비·시설 관리"),
    ("13", "물류·배송"),
    ("14", "생산·제조"),
    ("15", "돌봄·사회복지"),
    ("16", "교육·강사"),
]

SKILLS = [
    ("Java", "skill"),
    ("Python", "skill"),
    ("웹 프론트엔드", "skill"),
    ("데이터베이스", "skill"),
    ("네트워크 관리", "skill"),
    ("전자회로 설계", "skill"),
    ("그래픽 디자인", "skill"),
    ("문서 작성(한글·엑셀)", "skill"),
    ("외국어 응대(영어)", "skill"),
    ("외국어 응대(중국어)", "skill"),
    ("친절 서비스", "skill"),
    ("판매·계산", "skill"),
    ("조리", "skill"),
    ("지게차 운전", "skill"),
    ("정보처리기사", "certificate"),
    ("전산회계 1급", "certificate"),
    ("컴퓨터활용능력 2급", "certificate"),
    ("전기기능사", "certificate"),
    ("한식조리기능사", "certificate"),
    ("요양보호사", "certificate"),
    ("지게차운전기능사", "certificate"),
    ("호텔서비스사", "certificate"),
]


def seed(apps, schema_editor):
    AdministrativeDong = apps.get_model("references", "AdministrativeDong")
    PriorityGroup = apps.get_model("references", "PriorityGroup")
    Occupation = apps.get_model("references", "Occupation")
    Skill = apps.get_model("references", "Skill")
    for order, name in enumerate(DONGS, start=1):
        AdministrativeDong.objects.update_or_create(name=name, defaults={"sort_order": order})
    for order, (code, name, description) in enumerate(PRIORITY_GROUPS, start=1):
        PriorityGroup.objects.update_or_create(
            code=code, defaults={"name": name, "description": description, "sort_order": order}
        )
    for code, name in OCCUPATIONS:
        Occupation.objects.update_or_create(code=code, defaults={"name": name})
    for name, kind in SKILLS:
        Skill.objects.update_or_create(name=name, defaults={"kind": kind})


class Migration(migrations.Migration):
    dependencies = [("references", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
