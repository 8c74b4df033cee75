"""Importing and exporting spreadsheets (.xlsx, .csv) with Korean headers.

An import always runs as a dry run first: every row comes back as new / update / error with a
Korean message per bad cell ("행 N: 열: 사유", N being the spreadsheet's row number with the
header on row 1). Writing is all or nothing: one transaction, rolled back if any row is bad.
"""

import io
import logging
from dataclasses import dataclass, field

import openpyxl
import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from import_export.results import RowResult

from audit.models import PersonalDataAccess
from audit.services import log_access
from guro_jobs.uploads import validate_spreadsheet_upload
from spreadsheets.formulas import looks_like_formula, neutralise_formula
from spreadsheets.registry import KINDS

logger = logging.getLogger(__name__)

FORMATS = {"xlsx", "csv"}
HEADER_ROWS = 1  # data row k (1-based) is spreadsheet row k + HEADER_ROWS


@dataclass
class RowReport:
    number: int  # the spreadsheet's row number
    status: str  # new / update / error / skip
    errors: list = field(default_factory=list)  # (column header, Korean message)

    @property
    def status_label(self):
        return {"new": _("새로 등록"), "update": _("수정"), "error": _("오류"), "skip": _("변경 없음")}[
            self.status
        ]

    def line(self):
        """The whole row on one line: "행 N: 열: 사유; 열: 사유"."""
        parts = [f"{header}: {message}" if header else message for header, message in self.errors]
        return f"행 {self.number}: " + "; ".join(parts)

    def lines(self):
        return [
            f"행 {self.number}: {header}: {message}" if header else f"행 {self.number}: {message}"
            for header, message in self.errors
        ]


@dataclass
class ImportReport:
    kind: str
    dry_run: bool
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # file-level errors (missing columns …)
    written: bool = False

    @property
    def has_errors(self):
        return bool(self.problems) or any(row.status == "error" for row in self.rows)

    def count(self, status):
        return sum(1 for row in self.rows if row.status == status)

    def error_lines(self):
        lines = list(self.problems)
        for row in self.rows:
            lines.extend(row.lines())
        return lines

    def row_lines(self):
        """One line per bad row (file-level problems first), as import_data prints them."""
        return list(self.problems) + [row.line() for row in self.rows if row.status == "error"]

    def as_dict(self):
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "written": self.written,
            "problems": self.problems,
            "rows": [{"number": r.number, "status": r.status, "errors": r.errors} for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data):
        rows = [
            RowReport(r["number"], r["status"], [tuple(e) for e in r["errors"]]) for r in data.get("rows", [])
        ]
        return cls(data["kind"], data["dry_run"], rows, data.get("problems", []), data.get("written", False))


def file_format(filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in FORMATS:
        raise ValidationError(_("엑셀(.xlsx) 또는 CSV(.csv) 파일만 올릴 수 있습니다."))
    return extension


def _load_xlsx(content):
    """The active sheet as a Dataset, formulas as written ("=…"), not their cached results: tablib
    reads with data_only, which turns a formula cell into its last value or an empty cell."""
    book = openpyxl.load_workbook(io.BytesIO(content), read_only=True, data_only=False)
    try:
        rows = book.active.iter_rows(values_only=True) if book.active is not None else iter(())
        dataset = tablib.Dataset()
        for index, row in enumerate(rows):
            values = list(row)
            if index == 0:
                dataset.headers = values
                continue
            width = len(dataset.headers or [])
            values = (values + [""] * width)[:width] if len(values) < width else values
            dataset.append(values)
        return dataset
    finally:
        book.close()


def read_dataset(content, filename):
    """A tablib Dataset from the uploaded bytes; CSV in UTF-8 (with or without BOM) or CP949.

    A file with no cells, or with the header row only, is refused: there is nothing to import."""
    extension = file_format(filename)
    try:
        if extension == "csv":
            try:
                decoded = content.decode("utf-8-sig")
            except UnicodeDecodeError:
                decoded = content.decode("cp949")
            dataset = tablib.Dataset().load(decoded, format="csv") if decoded.strip() else tablib.Dataset()
        else:
            dataset = _load_xlsx(content)
    except ValidationError:
        raise
    except Exception:
        raise ValidationError(
            _("파일을 읽을 수 없습니다. 내보내기로 받은 양식에 맞는 파일인지 확인해 주세요.")
        )
    headers = [str(header).strip() if header is not None else "" for header in dataset.headers or []]
    if not any(headers):
        raise ValidationError(_("빈 파일입니다. 내용이 있는 파일을 올려 주세요."), code="empty")
    dataset.headers = headers
    # Rows left empty at the end of a sheet are not rows.
    keep = [
        index
        for index, row in enumerate(dataset)
        if any(cell not in (None, "") and str(cell).strip() for cell in row)
    ]
    if not keep:
        raise ValidationError(
            _("가져올 행이 없습니다. 첫 행(열 이름) 아래에 한 행 이상 적어 주세요."), code="no_rows"
        )
    if len(keep) != len(dataset):
        cleaned = tablib.Dataset(headers=dataset.headers)
        for index in keep:
            cleaned.append(dataset[index])
        # Keep spreadsheet row numbers right even when blank rows sit in the middle.
        cleaned.row_numbers = [index + 1 + HEADER_ROWS for index in keep]
        return cleaned
    dataset.row_numbers = [index + 1 + HEADER_ROWS for index in range(len(dataset))]
    return dataset


def formula_cells(dataset):
    """Rows holding a cell a spreadsheet would run as a formula, each cell with a Korean message."""
    message = _(
        "수식이나 수식으로 실행될 수 있는 값(=, +, -, @ 등으로 시작)은 가져올 수 없습니다. 값만 적어 주세요."
    )
    rows = []
    headers = dataset.headers or []
    bad_headers = [(header, message) for header in headers if looks_like_formula(header)]
    if bad_headers:
        rows.append(RowReport(HEADER_ROWS, "error", bad_headers))
    numbers = getattr(dataset, "row_numbers", None) or [i + 1 + HEADER_ROWS for i in range(len(dataset))]
    for number, row in zip(numbers, dataset, strict=True):
        errors = [
            (header, message) for header, cell in zip(headers, row, strict=False) if looks_like_formula(cell)
        ]
        if errors:
            rows.append(RowReport(number, "error", errors))
    return rows


def _is_required(model, attribute):
    try:
        model_field = model._meta.get_field(attribute)
    except Exception:
        return False
    if model_field.many_to_many or model_field.primary_key:
        return False
    return not (model_field.blank or model_field.null or model_field.has_default())


def _missing_columns(resource, dataset):
    """Headers of required model fields (and the identifying columns) absent from the file."""
    model = resource._meta.model
    id_attributes = {resource.fields[name].attribute for name in resource.get_import_id_fields()}
    wanted = [
        f.column_name
        for f in resource.get_import_fields()
        if not f.readonly
        and f.attribute
        and f.column_name not in resource.column_defaults
        and (_is_required(model, f.attribute) or f.attribute in id_attributes)
    ]
    return [header for header in wanted if header not in dataset.headers]


def _row_report(resource, row_result, number):
    if row_result.import_type == RowResult.IMPORT_TYPE_INVALID:
        errors = []
        for attribute, messages in row_result.validation_error.message_dict.items():
            header = "" if attribute == NON_FIELD_ERRORS else resource.column_for(attribute)
            errors.extend((header, str(message)) for message in messages)
        return RowReport(number, "error", errors)
    if row_result.import_type == RowResult.IMPORT_TYPE_ERROR:
        return RowReport(number, "error", [("", _("이 행을 처리할 수 없습니다. 값의 형식을 확인해 주세요."))])
    status = {RowResult.IMPORT_TYPE_NEW: "new", RowResult.IMPORT_TYPE_UPDATE: "update"}.get(
        row_result.import_type, "skip"
    )
    return RowReport(number, status)


def import_dataset(*, kind, dataset, dry_run, progress=None):
    """Check (dry run) or write every row of a dataset; writing happens only if no row is bad."""
    resource = KINDS[kind].resource_class(progress=progress)
    report = ImportReport(kind=kind, dry_run=dry_run)
    with translation.override("ko"):
        missing = _missing_columns(resource, dataset)
        if missing:
            report.problems.append(
                _("행 1: 필요한 열이 없습니다: %(columns)s") % {"columns": ", ".join(missing)}
            )
            return report
        refused = formula_cells(dataset)
        if refused:
            report.rows = refused
            return report
        with transaction.atomic():
            result = resource.import_data(
                dataset,
                dry_run=dry_run,
                use_transactions=True,
                rollback_on_validation_errors=True,
                raise_errors=False,
            )
            numbers = getattr(dataset, "row_numbers", None) or [
                i + 1 + HEADER_ROWS for i in range(len(dataset))
            ]
            report.rows = [_row_report(resource, row, numbers[i]) for i, row in enumerate(result.rows)]
            for error in result.base_errors:
                report.problems.append(
                    _("파일을 처리하는 중 오류가 났습니다: %(error)s") % {"error": error.error}
                )
            if dry_run or report.has_errors:
                # All rows or none: one bad row and nothing is written.
                transaction.set_rollback(True)
            else:
                report.written = True
    return report


def import_spreadsheet(
    *, kind, content, filename, dry_run, by=None, request=None, progress=None, account_label=None
):
    """Read an uploaded file and import it (see import_dataset); entering residents is logged
    (account_label: who ran it from the shell, when no portal account did)."""
    # The upload checks (size, real file type, macros, zip bombs) run on every path: the admin
    # upload form runs them too, import_data and the worker only here.
    file_format(filename)
    validate_spreadsheet_upload(ContentFile(content, name=filename))
    dataset = read_dataset(content, filename)
    report = import_dataset(kind=kind, dataset=dataset, dry_run=dry_run, progress=progress)
    if report.written and KINDS[kind].holds_personal_data:
        log_access(
            request=request,
            account=by,
            account_label=account_label,
            action=PersonalDataAccess.Action.ADD,
            target=_("%(kind)s 엑셀 가져오기") % {"kind": KINDS[kind].label},
            detail=filename,
            row_count=report.count("new") + report.count("update"),
        )
    return report


def resource_for_model(model):
    """The import/export resource of a model, or a generic one (Korean verbose names) for the rest."""
    from spreadsheets.registry import kind_for_model
    from spreadsheets.resources import generic_resource_class

    kind = kind_for_model(model)
    return kind.resource_class() if kind else generic_resource_class(model)()


def export_dataset(*, kind, queryset=None):
    resource = KINDS[kind].resource_class()
    with translation.override("ko"):
        return resource.export(queryset=queryset)


def neutralised(dataset):
    """A copy of the dataset in which no text cell would run as a formula (see formulas.py)."""
    safe = tablib.Dataset(headers=[neutralise_formula(header) for header in dataset.headers or []])
    for row in dataset:
        safe.append([neutralise_formula(cell) for cell in row])
    return safe


def render_dataset(dataset, file_format):
    """The file's bytes; every export goes through here, so no text cell leaves as a live formula."""
    dataset = neutralised(dataset)
    if file_format == "csv":
        # A byte-order mark so that Excel opens the Korean text correctly.
        return dataset.export("csv").encode("utf-8-sig")
    return dataset.export("xlsx")


def export_spreadsheet(
    *, file_format, reason, kind=None, queryset=None, by=None, request=None, account_label=None
):
    """The export the admin lists and `export_data` share: the file's bytes, logged with its
    reason and row count in the personal-data access log."""
    if file_format not in FORMATS:
        raise ValidationError(_("엑셀(.xlsx) 또는 CSV(.csv)만 내보낼 수 있습니다."))
    if not str(reason).strip():
        raise ValidationError(_("내려받는 사유를 적어 주세요."))
    if kind is not None:
        resource = KINDS[kind].resource_class()
        label = KINDS[kind].label
        if queryset is None:
            queryset = resource.get_export_queryset()
    else:
        resource = resource_for_model(queryset.model)
        label = queryset.model._meta.verbose_name_plural
        queryset = resource.with_related(queryset)
    with translation.override("ko"):
        dataset = resource.export(queryset=queryset)
    log_access(
        request=request,
        account=by,
        account_label=account_label,
        action=PersonalDataAccess.Action.EXPORT,
        target=_("%(kind)s 내보내기 (%(format)s)") % {"kind": label, "format": file_format},
        detail=reason,
        row_count=len(dataset),
    )
    return render_dataset(dataset, file_format)


def count_rows(content, filename):
    return len(read_dataset(content, filename))


def run_import_job(*, job, dry_run, progress=None):
    """Check or write an uploaded job's file and keep the report on the job."""
    from spreadsheets.models import ImportJob

    Status = ImportJob.Status
    job.status = Status.CHECKING if dry_run else Status.IMPORTING
    job.save(update_fields=["status"])
    failed = False
    try:
        report = import_spreadsheet(
            kind=job.kind,
            content=bytes(job.content),
            filename=job.filename,
            dry_run=dry_run,
            by=job.created_by,
            progress=progress,
        )
    except ValidationError as error:
        report = ImportReport(kind=job.kind, dry_run=dry_run, problems=error.messages)
    except Exception:
        # Never leave a job "checking" with the file kept: it ends as failed, the file is deleted.
        logger.exception("import job %s failed", job.pk)
        failed = True
        report = ImportReport(
            kind=job.kind,
            dry_run=dry_run,
            problems=[_("파일을 처리하지 못했습니다. 내보내기로 받은 양식에 맞는 파일인지 확인해 주세요.")],
        )
    if failed:
        job.status = Status.FAILED
    elif report.has_errors:
        job.status = Status.INVALID
    else:
        job.status = Status.CHECKED if dry_run else Status.IMPORTED
    job.report = report.as_dict()
    job.total_rows = len(report.rows)
    job.finished_at = timezone.now()
    fields = ["status", "report", "total_rows", "finished_at"]
    if job.status != Status.CHECKED:
        # The uploaded file holds personal data: keep it only while it waits for confirmation.
        job.content = b""
        fields.append("content")
    job.save(update_fields=fields)
    return report


def create_import_job(*, kind, filename, content, total_rows, by):
    """Keep an uploaded file (in the database, never in a served folder) until it is imported."""
    from spreadsheets.models import ImportJob

    return ImportJob.objects.create(
        kind=kind, filename=filename, content=content, total_rows=total_rows, created_by=by
    )


def start_import_job(*, job, dry_run):
    """Small files are handled at once; large ones go to a Celery worker with a progress bar."""
    from spreadsheets.models import ImportJob
    from spreadsheets.tasks import import_job_task

    if job.total_rows <= settings.SPREADSHEET_SYNC_ROWS:
        run_import_job(job=job, dry_run=dry_run)
        return
    job.status = ImportJob.Status.QUEUED
    job.save(update_fields=["status"])
    result = import_job_task.delay(job.pk, dry_run)
    ImportJob.objects.filter(pk=job.pk).update(task_id=result.id or "")
