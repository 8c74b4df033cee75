"""The demo's labour statistics: an example for the year before the example plan's first."""

from reports.models import LabourStat


def add_example_labour_stat(year):
    """An example yearly labour survey row (labelled 예시), unless the year already has one."""
    if LabourStat.objects.filter(year=year).exists():
        return
    LabourStat.objects.create(
        year=year,
        population=385_000,
        economically_active=243_000,
        employed=233_500,
        unemployed=9_500,
        source=f"(예시) 통계청 지역별 고용조사 {year}년 하반기",
    )
