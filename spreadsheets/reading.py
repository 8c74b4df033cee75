"""Reading an uploaded sheet row by row, never the whole sheet at once.

An .xlsx is read with openpyxl in read-only mode (formulas as written, "=…", not their cached
results); a CSV in UTF-8 (with or without BOM) or CP949. The header row is read when the sheet
is opened, and the first data row looked for, so an empty file or one with the header row only
is refused before anything is imported. The data rows then come one at a time with their
spreadsheet row numbers (the header is row 1; blank rows are skipped but still counted).
"""

import csv
import io
from itertools import chain
from xml.etree.ElementTree import iterparse

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from openpyxl.reader.excel import ExcelReader
from openpyxl.worksheet._read_only import ReadOnlyWorksheet
from openpyxl.worksheet._reader import DATA_TAG, DIMENSION_TAG
from openpyxl.worksheet.dimensions import SheetDimension

FORMATS = {"xlsx", "csv"}
HEADER_ROWS = 1  # data row k (1-based) is spreadsheet row k + HEADER_ROWS


def file_format(filename):
    extension = filename.rsplit(".", 1)[-1].lower() if "." in filename else ""
    if extension not in FORMATS:
        raise ValidationError(_("엑셀(.xlsx) 또는 CSV(.csv) 파일만 올릴 수 있습니다."))
    return extension


def _unreadable():
    return ValidationError(_("파일을 읽을 수 없습니다. 내보내기로 받은 양식에 맞는 파일인지 확인해 주세요."))


class _Worksheet(ReadOnlyWorksheet):
    """openpyxl's read-only sheet, except that looking for the sheet's size stops where the rows
    begin. openpyxl waits for the end of <sheetData> when a file has no <dimension> (files
    written in openpyxl's write-only mode, many generated exports), so it parsed the whole
    sheet once just to learn it has no size, then again for the rows. The size is the same:
    <dimension> comes before <sheetData> in every sheet, so it is found at its start."""

    def _get_size(self):
        with self._get_source() as source:
            for _event, element in iterparse(source, events=("start",)):
                if element.tag == DIMENSION_TAG:
                    dimensions = SheetDimension.from_tree(element).boundaries
                    if dimensions is not None:
                        self._min_column, self._min_row, self._max_column, self._max_row = dimensions
                    return
                if element.tag == DATA_TAG:
                    return


class _Reader(ExcelReader):
    """openpyxl's workbook reader in read-only mode with _Worksheet for each worksheet."""

    def read_worksheets(self):
        for sheet, rel in self.parser.find_sheets():
            if rel.target not in self.valid_files:
                continue
            if "chartsheet" in rel.Type:
                self.read_chartsheet(sheet, rel)
                continue
            ws = _Worksheet(self.wb, sheet.name, rel.target, self.shared_strings)
            ws.sheet_state = sheet.state
            self.wb._sheets.append(ws)


def open_workbook(content):
    """openpyxl.load_workbook(read_only=True, data_only=False), reading the sheet once."""
    reader = _Reader(io.BytesIO(content), read_only=True, data_only=False)
    reader.read()
    return reader.wb


def _is_blank(values):
    return not any(cell not in (None, "") and str(cell).strip() for cell in values)


class SheetRows:
    """The rows of an uploaded sheet: `headers`, then (row number, values) pairs, read once.

    Use it as a context manager (or call close()) so the workbook is closed when done."""

    def __init__(self, content, filename):
        extension = file_format(filename)
        self._book = None
        try:
            if extension == "csv":
                try:
                    decoded = content.decode("utf-8-sig")
                except UnicodeDecodeError:
                    decoded = content.decode("cp949")
                rows = csv.reader(io.StringIO(decoded))
            else:
                self._book = open_workbook(content)
                sheet = self._book.active
                rows = sheet.iter_rows(values_only=True) if sheet is not None else iter(())
            header = next(rows, None)
            headers = [str(cell).strip() if cell is not None else "" for cell in header or ()]
            if not any(headers):
                raise ValidationError(_("빈 파일입니다. 내용이 있는 파일을 올려 주세요."), code="empty")
            self.headers = headers
            self._numbered = self._data_rows(rows)
            first = next(self._numbered, None)
        except ValidationError:
            self.close()
            raise
        except Exception:
            self.close()
            raise _unreadable()
        if first is None:
            self.close()
            raise ValidationError(
                _("가져올 행이 없습니다. 첫 행(열 이름) 아래에 한 행 이상 적어 주세요."), code="no_rows"
            )
        self._rows = chain([first], self._numbered)

    def _data_rows(self, rows):
        width = len(self.headers)
        for index, row in enumerate(rows):
            values = list(row)
            if _is_blank(values):
                continue  # rows left empty are not rows (their numbers still count)
            if len(values) < width:
                values += [""] * (width - len(values))
            yield index + 1 + HEADER_ROWS, values

    def __iter__(self):
        try:
            yield from self._rows
        except ValidationError:
            raise
        except Exception:
            raise _unreadable()
        finally:
            self.close()

    def close(self):
        if self._book is not None:
            self._book.close()
            self._book = None

    def __enter__(self):
        return self

    def __exit__(self, *exc_info):
        self.close()


def count_rows(content, filename):
    """The number of data rows of an uploaded file, counted as it is read."""
    return sum(1 for _row in SheetRows(content, filename))
