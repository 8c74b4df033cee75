"""Turn a stored snapshot into what the page and the exports show: drill-down links to the
admin lists behind each figure, chart data, and pandas frames (only of aggregated rows)."""

import io
from urllib.parse import urlencode

import pandas as pd
from django.core.signals import setting_changed
from django.db.models import Value
from django.dispatch import receiver
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from programs.models import Program
from references.models import AdministrativeDong, PriorityGroup, in_english
from reports import selectors
from reports.models import Target
from reports.services import SELECTED_STATUSES
from spreadsheets.formulas import neutralise_formula

_changelists = {}


@receiver(setting_changed)
def _forget_changelists(setting, **kwargs):
    if setting == "ROOT_URLCONF":
        _changelists.clear()


def _admin_url(name, **params):
    """An admin list's URL with filters. A dashboard draws over a hundred of them from a handful of
    lists: each list is reversed once per URL prefix and URLconf, not once per link."""
    key = (name, get_script_prefix(), get_urlconf())
    url = _changelists.get(key)
    if url is None:
        url = _changelists[key] = reverse(f"admin:{name}_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def placements_url(**params):
    return _admin_url("placements_placement", **params)


def _year(year):
    return selectors.actual_admin_filters(first_year=year, last_year=year)


def _sector(row, params):
    if row["sector"] != "total":
        params = {**params, "sector__exact": row["sector"]}
    return placements_url(**params)


# ---- labels in the reader's language ------------------------------------------------------


def _relabel_sectors(rows):
    labels = dict(Target.Sector.choices)
    return [{**row, "label": str(labels.get(row["sector"], row["label"]))} for row in rows]


def _renamed(rows, names):
    return [{**row, "name": names.get(row["id"], row["name"])} for row in rows]


def _current_names(*, program_ids):
    """{"dong" | "group" | "program": {id: name in the reader's language}}, in one query."""
    english = in_english()
    columns = ("pk", "name", "name_en")
    rows = (
        AdministrativeDong.objects.order_by()
        .annotate(table=Value("dong"))
        .values_list(*columns, "table")
        .union(
            PriorityGroup.objects.order_by().annotate(table=Value("group")).values_list(*columns, "table"),
            Program.objects.filter(pk__in=program_ids)
            .order_by()
            .annotate(table=Value("program"))
            .values_list(*columns, "table"),
            all=True,
        )
    )
    names = {"dong": {}, "group": {}, "program": {}}
    for pk, name, name_en, table in rows:
        names[table][pk] = name_en if english and name_en else name
    return names


def in_readers_language(data):
    """A copy of the snapshot data whose labels and names are in the reader's language.

    A snapshot stores its labels in the language of the process that computed it (the nightly
    task's Korean); the figures are what is stored, the words are chosen when they are shown.
    Rows whose thing was deleted since keep their stored name."""
    kinds = {value: str(label) for value, label in Program.Kind.choices}
    forecast = data.get("forecast")
    forecast_programs = (forecast or {}).get("programs") or []
    names = _current_names(program_ids=[row["id"] for row in [*data["programs"], *forecast_programs]])
    if forecast_programs:  # the current year's forecast is stored with the snapshot, names and all
        forecast = {**forecast, "programs": _renamed(forecast_programs, names["program"])}
    return {
        **data,
        "definition": str(selectors.ACTUAL_DEFINITION),
        "sectors": _relabel_sectors(data["sectors"]),
        "by_year": [{**entry, "sectors": _relabel_sectors(entry["sectors"])} for entry in data["by_year"]],
        "cumulative": {
            **data["cumulative"],
            "sectors": _relabel_sectors(data["cumulative"]["sectors"]),
        },
        "programs": [
            {**row, "kind_label": kinds.get(row["kind"], row["kind_label"])}
            for row in _renamed(data["programs"], names["program"])
        ],
        "dongs": _renamed(data["dongs"], names["dong"]),
        "priority_groups": _renamed(data["priority_groups"], names["group"]),
        **({"forecast": forecast} if forecast is not None else {}),
    }


def with_links(data):
    """A copy of the snapshot data, in the reader's language, where each figure's row carries the
    URL of its placements."""
    data = in_readers_language(data)
    year = data["year"]
    this_year = _year(year)
    cumulative = data["cumulative"]
    plan_period = selectors.actual_admin_filters(
        first_year=cumulative["first_year"], last_year=cumulative["last_year"]
    )
    digital_valley = data["digital_valley"]
    valley = {"employer__in_digital_valley__exact": "1", "guro_resident_at_hire__exact": "1"}
    selected = ",".join(str(status) for status in SELECTED_STATUSES)
    return {
        **data,
        "sectors": [{**row, "url": _sector(row, this_year)} for row in data["sectors"]],
        "by_year": [
            {
                **entry,
                "sectors": [{**row, "url": _sector(row, _year(entry["year"]))} for row in entry["sectors"]],
            }
            for entry in data["by_year"]
        ],
        "cumulative": {
            **cumulative,
            "sectors": [{**row, "url": _sector(row, plan_period)} for row in cumulative["sectors"]],
        },
        "programs": [
            {
                **row,
                "url": placements_url(**this_year, program__id__exact=row["id"]),
                "applied_url": _admin_url("programs_programapplication", program__id__exact=row["id"]),
                "selected_url": _admin_url(
                    "programs_programapplication", program__id__exact=row["id"], status__in=selected
                ),
            }
            for row in data["programs"]
        ],
        "agreements": [
            {
                **row,
                "url": placements_url(
                    **selectors.actual_admin_filters(first_year=None, last_year=year),
                    agreement__id__exact=row["id"],
                ),
                "local_url": placements_url(
                    **selectors.actual_admin_filters(first_year=None, last_year=year),
                    agreement__id__exact=row["id"],
                    guro_resident_at_hire__exact="1",
                ),
            }
            for row in data["agreements"]
        ],
        "digital_valley": {
            **digital_valley,
            "url": placements_url(
                **selectors.actual_admin_filters(
                    first_year=digital_valley["first_year"], last_year=digital_valley["last_year"]
                ),
                **valley,
            ),
            "year_url": placements_url(**this_year, **valley),
        },
        "dongs": [
            {**row, "url": placements_url(**this_year, dong_at_hire__id__exact=row["id"])}
            for row in data["dongs"]
        ],
        "outside_guro": {
            **data["outside_guro"],
            "url": placements_url(**this_year, dong_at_hire__isnull="True"),
        },
        "priority_groups": [
            {**row, "url": placements_url(**this_year, priority_groups__id__exact=row["id"])}
            for row in data["priority_groups"]
        ],
        "retention": [
            {
                **row,
                "url": _admin_url(
                    "placements_retentioncheck",
                    months_after_start__exact=row["months"],
                    placement__started_on__gte=f"{year}-01-01",
                    placement__started_on__lt=f"{year + 1}-01-01",
                ),
            }
            for row in data["retention"]
        ],
        "hires_url": placements_url(**this_year),
        "job_applications_url": _admin_url("placements_jobapplication", created_at__year=year),
        "program_applications_url": _admin_url("programs_programapplication", applied_at__year=year),
    }


def chart_data(data):
    """What the charts draw, labelled in the reader's language; the same numbers are in the tables
    next to them."""
    sectors = _relabel_sectors(data["sectors"])
    return {
        "sectors": {
            "labels": [row["label"] for row in sectors],
            "target": [row["target"] for row in data["sectors"]],
            "actual": [row["actual"] for row in data["sectors"]],
        },
        "years": {
            "labels": [str(entry["year"]) for entry in data["by_year"]],
            "series": {
                row["sector"]: {
                    "label": row["label"],
                    "target": [entry["sectors"][index]["target"] for entry in data["by_year"]],
                    "actual": [entry["sectors"][index]["actual"] for entry in data["by_year"]],
                }
                for index, row in enumerate(sectors)
            },
        },
        "texts": {"target": _("목표"), "actual": _("실적"), "people": _("명")},
    }


# ---- exports -------------------------------------------------------------------------------


def frames(snapshot):
    """One pandas frame per breakdown, headers in the reader's language, from the snapshot's
    aggregated rows."""
    data = in_readers_language(snapshot.data)
    sector_columns = {"label": _("부문"), "target": _("목표"), "actual": _("실적"), "rate": _("달성률(%)")}
    result = {}
    result[_("부문별 실적")] = pd.DataFrame(data["sectors"])[list(sector_columns)].rename(
        columns=sector_columns
    )

    yearly = pd.DataFrame(
        [{"year": entry["year"], **row} for entry in data["by_year"] for row in entry["sectors"]]
    )
    result[_("연도별 추이")] = (
        yearly.pivot(index="year", columns="label", values=["target", "actual"])
        .rename(columns={"target": _("목표"), "actual": _("실적")})
        .pipe(lambda frame: frame.set_axis([f"{label} {kind}" for kind, label in frame.columns], axis=1))
        .rename_axis(_("연도"))
        .reset_index()
    )

    cumulative = data["cumulative"]
    result[_("계획 기간 누적")] = pd.DataFrame(cumulative["sectors"])[
        ["label", "target", "yearly_targets_sum", "target_to_date", "actual", "rate"]
    ].rename(
        columns={
            "label": _("부문"),
            "target": _("계획서 합계 목표"),
            "yearly_targets_sum": _("연도별 목표의 합"),
            "target_to_date": _("해당 연도까지 목표"),
            "actual": _("누적 실적 (%(first)s~%(last)s년)")
            % {"first": cumulative["first_year"], "last": cumulative["last_year"]},
            "rate": _("계획서 합계 대비 달성률(%)"),
        }
    )

    program_columns = {
        "name": _("사업명"),
        "year": _("사업 연도"),
        "kind_label": _("사업 종류"),
        "capacity": _("정원"),
        "applied": _("신청"),
        "selected": _("선발"),
        "placed": _("참여(실적)"),
        "fill_rate": _("정원 대비(%)"),
    }
    result[_("사업별")] = pd.DataFrame(data["programs"], columns=list(program_columns)).rename(
        columns=program_columns
    )

    agreement_columns = {
        "employer": _("기업"),
        "title": _("협약명"),
        "planned_hires": _("채용 예정 인원"),
        "quota": _("구로구 주민 채용 목표"),
        "local_hires": _("누적 주민 채용"),
        "quota_rate": _("목표 대비(%)"),
        "hires": _("누적 채용"),
        "local_share": _("주민 비율(%)"),
        "local_share_target": _("약정 주민 비율(%)"),
        "year_hires": _("해당 연도 채용"),
        "year_local_hires": _("해당 연도 주민 채용"),
    }
    result[_("협약별")] = pd.DataFrame(data["agreements"], columns=list(agreement_columns)).rename(
        columns=agreement_columns
    )

    valley = data["digital_valley"]
    result[_("디지털단지")] = pd.DataFrame(
        [
            {
                _("구분"): _("디지털단지 입주기업의 구로구 주민 채용"),
                _("목표"): valley["target"],
                _("누적 주민 채용 (%(first)s~%(last)s년)")
                % {"first": valley["first_year"], "last": valley["last_year"]}: valley["actual"],
                _("달성률(%)"): valley["rate"],
                _("해당 연도 주민 채용"): valley["year_actual"],
            }
        ]
    )

    count_columns = {"name": _("이름"), "total": _("전체"), "public": _("공공"), "private": _("민간")}
    dongs = pd.DataFrame(data["dongs"], columns=list(count_columns))
    outside = pd.DataFrame([{"name": _("구외 거주"), **data["outside_guro"]}], columns=list(count_columns))
    result[_("행정동별")] = pd.concat([dongs, outside], ignore_index=True).rename(
        columns={**count_columns, "name": _("행정동")}
    )
    result[_("우선지원대상별")] = pd.DataFrame(data["priority_groups"], columns=list(count_columns)).rename(
        columns={**count_columns, "name": _("우선 지원 대상")}
    )

    retention_columns = {
        "months": _("시점(개월)"),
        "scheduled": _("확인 대상"),
        "checked": _("확인 완료"),
        "retained": _("고용 유지"),
        "rate": _("유지율(%)"),
    }
    result[_("고용 유지")] = pd.DataFrame(data["retention"], columns=list(retention_columns)).rename(
        columns=retention_columns
    )

    funnel = data["funnel"]
    labour = data["labour_stats"] or {}
    summary = [
        (_("연도"), snapshot.year),
        (_("계산 일시"), timezone.localtime(snapshot.computed_at).strftime("%Y-%m-%d %H:%M")),
        (_("실적의 정의"), data["definition"]),
        (_("취업 시 월 임금 중앙값(원)"), data["median_wage"]),
        (_("구직 신청자(명)"), funnel["applicants"]),
        (_("채용 지원(건)"), funnel["job_applications"]),
        (_("사업 참여 신청(건)"), funnel["program_applications"]),
        (_("구청 알선(건)"), funnel["referrals"]),
        (_("취업·참여(명)"), funnel["hires"]),
        (_("인구"), labour.get("population")),
        (_("경제활동인구"), labour.get("economically_active")),
        (_("취업자"), labour.get("employed")),
        (_("실업자"), labour.get("unemployed")),
        (_("실업률(%)"), labour.get("unemployment_rate")),
        (_("고용 통계 출처"), labour.get("source")),
    ]
    result[_("요약")] = pd.DataFrame(summary, columns=[_("항목"), _("값")])
    return result


def safe_frames(snapshot):
    """The export frames with every text cell and header neutralised: names of programs, firms and
    agreements come from people and must not reach a spreadsheet as live formulas."""
    result = {}
    for name, frame in frames(snapshot).items():
        frame = frame.astype(object).map(neutralise_formula)
        frame.columns = [neutralise_formula(column) for column in frame.columns]
        result[name] = frame
    return result


def xlsx_bytes(snapshot):
    """The year's dashboard as an Excel workbook, one sheet per breakdown."""
    buffer = io.BytesIO()
    with pd.ExcelWriter(buffer, engine="openpyxl") as writer:
        for name, frame in safe_frames(snapshot).items():
            frame.to_excel(writer, sheet_name=name[:31], index=False)
            sheet = writer.sheets[name[:31]]
            for column in sheet.columns:
                width = max(len(str(cell.value or "")) for cell in column)
                sheet.column_dimensions[column[0].column_letter].width = min(60, max(10, width * 1.6))
    return buffer.getvalue()


def csv_text(snapshot):
    """The year's dashboard as one long CSV (표, 항목, 지표, 값), with a BOM for Excel."""
    table, item, measure, value = _("표"), _("항목"), _("지표"), _("값")
    parts = []
    for name, frame in safe_frames(snapshot).items():
        key = frame.columns[0]
        long = frame.astype(object).melt(id_vars=[key], var_name="measure", value_name="value")
        long = long.rename(columns={key: item, "measure": measure, "value": value})
        long.insert(0, table, name)
        parts.append(long[[table, item, measure, value]])
    combined = pd.concat(parts, ignore_index=True)
    return "\ufeff" + combined.to_csv(index=False)
