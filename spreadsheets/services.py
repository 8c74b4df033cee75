"""Importing and exporting spreadsheets (.xlsx, .csv) with Korean headers.

An import always runs as a dry run first: every row comes back as new / update / error with a
Korean message per bad cell ("행 N: 열: 사유", N being the spreadsheet's row number with the
header on row 1). Writing is all or nothing: one transaction, rolled back if any row is bad.
The file is streamed (reading.SheetRows) and written in batches; the report keeps the counts
and the bad rows, not every row, so memory does not grow with the file.
"""

import logging
from dataclasses import dataclass, field

import tablib
from django.conf import settings
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from audit.models import PersonalDataAccess
from audit.services import log_access
from guro_jobs.uploads import validate_spreadsheet_upload
from spreadsheets.formulas import looks_like_formula, neutralise_formula
from spreadsheets.reading import FORMATS, HEADER_ROWS, SheetRows, count_rows, file_format  # noqa: F401
from spreadsheets.registry import KINDS

logger = logging.getLogger(__name__)


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
    """What an import found: a count per status for every row, and the rows kept to show —
    the first SPREADSHEET_REPORT_ROWS rows, then bad rows only, at most SPREADSHEET_REPORT_ERRORS
    of those (the count says how many there were), so a large file's report stays small."""

    kind: str
    dry_run: bool
    rows: list = field(default_factory=list)
    problems: list = field(default_factory=list)  # file-level errors (missing columns …)
    written: bool = False
    counts: dict = None  # {status: rows}; None: count the rows kept (a report built by hand)

    def __post_init__(self):
        if self.counts is None:
            self.counts = {}
            for row in self.rows:
                self.counts[row.status] = self.counts.get(row.status, 0) + 1

    def add(self, row):
        """Count a row's result, keeping it only while the report has room for it."""
        self.counts[row.status] = self.counts.get(row.status, 0) + 1
        if row.status == "error":
            if self.kept_errors < settings.SPREADSHEET_REPORT_ERRORS:
                self.rows.append(row)
        elif self.total <= settings.SPREADSHEET_REPORT_ROWS:
            self.rows.append(row)

    @property
    def total(self):
        return sum(self.counts.values())

    @property
    def kept_errors(self):
        return sum(1 for row in self.rows if row.status == "error")

    @property
    def omitted_errors(self):
        """Bad rows counted but not kept (beyond SPREADSHEET_REPORT_ERRORS)."""
        return self.count("error") - self.kept_errors

    @property
    def has_errors(self):
        return bool(self.problems) or self.count("error") > 0

    def count(self, status):
        return self.counts.get(status, 0)

    def _omitted_line(self):
        return _("그 밖에 오류가 있는 행 %(count)s개는 생략했습니다.") % {"count": f"{self.omitted_errors:,}"}

    def error_lines(self):
        lines = list(self.problems)
        for row in self.rows:
            lines.extend(row.lines())
        if self.omitted_errors:
            lines.append(self._omitted_line())
        return lines

    def row_lines(self):
        """One line per bad row (file-level problems first), as import_data prints them."""
        lines = list(self.problems) + [row.line() for row in self.rows if row.status == "error"]
        if self.omitted_errors:
            lines.append(self._omitted_line())
        return lines

    def as_dict(self):
        return {
            "kind": self.kind,
            "dry_run": self.dry_run,
            "written": self.written,
            "problems": self.problems,
            "counts": self.counts,
            "rows": [{"number": r.number, "status": r.status, "errors": r.errors} for r in self.rows],
        }

    @classmethod
    def from_dict(cls, data):
        rows = [
            RowReport(r["number"], r["status"], [tuple(e) for e in r["errors"]]) for r in data.get("rows", [])
        ]
        return cls(
            data["kind"],
            data["dry_run"],
            rows,
            data.get("problems", []),
            data.get("written", False),
            data.get("counts"),
        )


def formula_errors(headers, values):
    """The cells of one row a spreadsheet would run as a formula, each with a Korean message."""
    message = _(
        "수식이나 수식으로 실행될 수 있는 값(=, +, -, @ 등으로 시작)은 가져올 수 없습니다. 값만 적어 주세요."
    )
    return [
        (header, message) for header, cell in zip(headers, values, strict=False) if looks_like_formula(cell)
    ]


def _is_required(model, attribute):
    try:
        model_field = model._meta.get_field(attribute)
    except Exception:
        return False
    if model_field.many_to_many or model_field.primary_key:
        return False
    return not (model_field.blank or model_field.null or model_field.has_default())


def _missing_columns(resource, headers):
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
    return [header for header in wanted if header not in headers]


def _row_report(resource, status, error, number):
    """The report of one row from the resource's import_one (status, error)."""
    if status == "invalid":
        errors = []
        for attribute, messages in error.message_dict.items():
            header = "" if attribute == NON_FIELD_ERRORS else resource.column_for(attribute)
            errors.extend((header, str(message)) for message in messages)
        return RowReport(number, "error", errors)
    if status == "error":
        return RowReport(number, "error", [("", _("이 행을 처리할 수 없습니다. 값의 형식을 확인해 주세요."))])
    return RowReport(number, status)


def _chunks(rows, size):
    chunk = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def _flush(resource, result, *, dry_run, full_only):
    """Write the batches waiting in the resource (only the full ones unless at the end)."""
    size = resource._meta.batch_size
    if not full_only or len(resource.create_instances) >= size:
        resource.bulk_create(True, dry_run, False, batch_size=size, result=result)
    if not full_only or len(resource.update_instances) >= size:
        resource.bulk_update(True, dry_run, False, batch_size=size, result=result)


def import_dataset(*, kind, dataset, dry_run, progress=None):
    """Check (dry run) or write every row of a sheet (a reading.SheetRows), streamed: each row is
    validated on its own, valid rows are written in batches, and only the counts and the bad rows
    are kept. Writing happens only if no row is bad (one transaction, rolled back otherwise)."""
    resource = KINDS[kind].resource_class(progress=progress)
    report = ImportReport(kind=kind, dry_run=dry_run)
    headers = dataset.headers
    with translation.override("ko"):
        missing = _missing_columns(resource, headers)
        if missing:
            report.problems.append(
                _("행 1: 필요한 열이 없습니다: %(columns)s") % {"columns": ", ".join(missing)}
            )
            return report
        bad_headers = formula_errors(headers, headers)
        if bad_headers:
            report.add(RowReport(HEADER_ROWS, "error", bad_headers))
            return report
        loader = resource._meta.instance_loader_class(resource, None)
        result = resource.get_result_class()()  # collects only the errors of a batch write
        bulk = resource._meta.use_bulk
        with transaction.atomic():
            done = 0
            for chunk in _chunks(iter(dataset), resource._meta.batch_size or 1000):
                rows = []
                for number, values in chunk:
                    refused = formula_errors(headers, values)
                    if refused:
                        report.add(RowReport(number, "error", refused))
                    else:
                        rows.append((number, dict(zip(headers, values, strict=False))))
                resource.prepare_rows([row for _number, row in rows])
                for number, row in rows:
                    done += 1
                    # Row by row, each row in its own savepoint; in batches, the batch is the unit
                    # (no savepoint per row).
                    if bulk:
                        status, error = resource.import_one(
                            row, loader, dry_run=dry_run, using_transactions=True, row_number=done
                        )
                    else:
                        with transaction.atomic():
                            status, error = resource.import_one(
                                row, loader, dry_run=dry_run, using_transactions=True, row_number=done
                            )
                    report.add(_row_report(resource, status, error, number))
                    if bulk:
                        _flush(resource, result, dry_run=dry_run, full_only=True)
            if bulk:
                _flush(resource, result, dry_run=dry_run, full_only=False)
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
    with SheetRows(content, filename) as sheet:
        report = import_dataset(kind=kind, dataset=sheet, dry_run=dry_run, progress=progress)
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
    job.total_rows = report.total or job.total_rows
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
