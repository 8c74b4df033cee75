"""Shared tools of the demo builder: a deterministic random source, dates and wages, and the
bulk tables every domain module queues its rows in (written with COPY on PostgreSQL)."""

import bisect
import calendar
import csv
import datetime
import io
import itertools
import json
import operator
import random
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.db import connection
from django.db.models import Max
from django.utils.translation import gettext as _

from employers.models import Agreement, Employer, Vacancy
from placements.models import JobApplication, JobApplicationEvent, Placement, RetentionCheck
from programs.models import (
    ProgramApplication,
    ProgramApplicationEvent,
)
from references.wages import minimum_hourly_wage
from residents.models import ConsentRecord, Resident, ResidentPriorityGroup

SEOUL = ZoneInfo("Asia/Seoul")
PLAN_YEARS = (2010, 2011, 2012, 2013, 2014)
PLAN_END = datetime.date(2014, 12, 31)

CHUNK = 5000  # rows generated before a write
BATCH = 2000  # rows per INSERT


# --------------------------------------------------------------------------------------------
# Small helpers


def add_months(day, months):
    month_index = day.month - 1 + months
    year, month = day.year + month_index // 12, month_index % 12 + 1
    return datetime.date(year, month, min(day.day, calendar.monthrange(year, month)[1]))


def at(ordinal, minute_of_day):
    """An aware datetime in Seoul on a day (given as an ordinal) at a minute of the day."""
    day = datetime.date.fromordinal(ordinal)
    return datetime.datetime(
        day.year, day.month, day.day, minute_of_day // 60, minute_of_day % 60, tzinfo=SEOUL
    )


def age_on(birth, day):
    return day.year - birth.year - ((day.month, day.day) < (birth.month, birth.day))


def minimum_wage(year):
    """Korea's legal minimum hourly wage (최저임금) of a year, from references/wages.py."""
    return minimum_hourly_wage(year)


def round_up(value, unit):
    return int(-(-value // unit) * unit)


class FastRandom(random.Random):
    """random.Random drawing integers from one float each: several times faster, just as
    deterministic, and a bias (below 1e-15) no demo can show."""

    def _randbelow(self, n):  # used by choice(), sample() and shuffle()
        return int(self.random() * n)

    def randrange(self, start, stop=None):
        if stop is None:
            return int(self.random() * start)
        return start + int(self.random() * (stop - start))

    def randint(self, a, b):
        return a + int(self.random() * (b - a + 1))


def picker(rng, items, weights):
    """A function drawing one of `items` with the given weights (a faster rng.choices)."""
    items = list(items)
    cumulative = list(itertools.accumulate(weights))
    total = cumulative[-1]
    random_ = rng.random

    def pick():
        return items[bisect.bisect_right(cumulative, random_() * total)]

    return pick


def allocate(total, weights, rng, caps=None):
    """Split `total` into integer parts proportional to `weights`, each at most its cap."""
    n = len(weights)
    caps = list(caps) if caps is not None else [total] * n
    if total > sum(c for c, w in zip(caps, weights, strict=True) if w > 0):
        raise ValidationError(_("요청한 건수를 나눌 대상이 모자랍니다. 구직자 수나 공고 수를 늘려 주세요."))
    parts = [0] * n
    remaining = total
    while remaining > 0:
        open_items = [i for i in range(n) if weights[i] > 0 and parts[i] < caps[i]]
        weight_sum = sum(weights[i] for i in open_items)
        given = 0
        for i in open_items:
            share = min(int(remaining * weights[i] / weight_sum), caps[i] - parts[i])
            parts[i] += share
            given += share
        remaining -= given
        if given == 0:  # fewer left than items: draw the rest, weighted, within the caps
            for i in rng.choices(open_items, weights=[weights[j] for j in open_items], k=remaining):
                if parts[i] < caps[i]:
                    parts[i] += 1
                    remaining -= 1
    return parts


class Spreader:
    """Takes `chosen` of `total` items met in order, evenly spread."""

    def __init__(self, chosen, total):
        self.chosen, self.total, self.seen = chosen, max(total, 1), 0

    def take(self):
        before = self.seen * self.chosen // self.total
        self.seen += 1
        return self.seen * self.chosen // self.total > before


class _WageTerms:
    """Just what Vacancy.compute_monthly_wage reads, so the one wage rule is reused unchanged."""

    MONTHLY_HOURS = Vacancy.MONTHLY_HOURS
    MONTHLY_DAYS = Vacancy.MONTHLY_DAYS

    def __init__(self, wage_amount, wage_unit, weekly_hours):
        self.wage_amount, self.wage_unit, self.weekly_hours = wage_amount, wage_unit, weekly_hours


def monthly_wage(amount, unit, weekly_hours=40):
    return Vacancy.compute_monthly_wage(_WageTerms(amount, unit, weekly_hours))


# --------------------------------------------------------------------------------------------
# Writing rows. Rows are plain lists of column values; ids are reserved up front, so a child row
# can point at its parent before either is written. Writing is bulk_create in batches, or on
# PostgreSQL COPY of the same rows (at 100,000 residents the ORM's per-value work in bulk_create
# takes minutes; COPY takes seconds). Neither calls save() or sends signals.

_REQUIRED = object()
_NOW = object()
ID_BLOCK = 10000


def _default(field):
    if field.primary_key:
        return _REQUIRED
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return _NOW
    if field.has_default():
        # a time default (timezone.now) would make the data depend on the day: demand a value
        if callable(field.default) and field.get_internal_type() == "DateTimeField":
            return _REQUIRED
        return field.get_default()
    if field.null:
        return None
    if field.blank and field.empty_strings_allowed:
        return ""
    return _REQUIRED


class Table:
    def __init__(self, model, now):
        self.model, self.now = model, now
        self.name = model.__name__
        meta = model._meta
        fields = list(meta.concrete_fields)
        self.attnames = [f.attname for f in fields]
        self.default_map = {f.attname: _default(f) for f in fields}
        self.row_of = operator.itemgetter(*self.attnames)  # a dict's values in column order, as a tuple
        self.json_columns = [i for i, f in enumerate(fields) if f.get_internal_type() == "JSONField"]
        self.now_columns = [i for i, f in enumerate(fields) if self.default_map[f.attname] is _NOW]
        columns = ", ".join(f'"{f.column}"' for f in fields)
        nullable = ", ".join(f'"{f.column}"' for f in fields if f.null)
        force_null = f", FORCE_NULL ({nullable})" if nullable else ""
        self.copy_sql = f'COPY "{meta.db_table}" ({columns}) FROM STDIN WITH (FORMAT csv{force_null})'
        self.rows = []
        self.count = 0
        self._ids = iter(())
        self._next_local = None

    def _reserve(self):
        if connection.vendor == "postgresql":
            # one statement moves the sequence past a whole block of ids
            with connection.cursor() as cursor:
                cursor.execute(
                    "SELECT setval(seq, nextval(seq) + %s - 1) FROM pg_get_serial_sequence(%s, 'id') AS seq",
                    [ID_BLOCK, f'"{self.model._meta.db_table}"'],
                )
                last = cursor.fetchone()[0]
            return iter(range(last - ID_BLOCK + 1, last + 1))
        if self._next_local is None:  # other databases: after the highest id (we hold the write lock)
            self._next_local = (self.model.objects.aggregate(top=Max("id"))["top"] or 0) + 1
        first, self._next_local = self._next_local, self._next_local + ID_BLOCK
        return iter(range(first, first + ID_BLOCK))

    def add(self, **values):
        """Queue a row; returns its id."""
        pk = next(self._ids, None)
        if pk is None:
            self._ids = self._reserve()
            pk = next(self._ids)
        values["id"] = pk
        row = self.row_of({**self.default_map, **values})
        if not self.rows and any(value is _REQUIRED for value in row):
            missing = [name for name, value in zip(self.attnames, row, strict=True) if value is _REQUIRED]
            raise TypeError(f"{self.name}: no value for {missing}")
        self.rows.append(row)
        return pk

    def flush(self):
        if not self.rows:
            return
        rows, now, postgresql = self.rows, self.now, connection.vendor == "postgresql"
        if self.now_columns or (postgresql and self.json_columns):
            for position, row in enumerate(rows):
                row = list(row)
                for i in self.now_columns:
                    row[i] = now
                for i in self.json_columns if postgresql else ():
                    row[i] = json.dumps(row[i], ensure_ascii=False)
                rows[position] = row
        if postgresql:
            # CSV: strings quoted, numbers and booleans bare, None as "" that FORCE_NULL makes NULL
            buffer = io.StringIO()
            csv.writer(buffer, quoting=csv.QUOTE_NONNUMERIC, lineterminator="\n").writerows(rows)
            buffer.seek(0)
            with connection.cursor() as cursor:
                cursor.copy_expert(self.copy_sql, buffer)
        else:
            names = self.attnames
            objects = [self.model(**dict(zip(names, row, strict=True))) for row in rows]
            self.model.objects.bulk_create(objects, batch_size=BATCH)
        self.count += len(rows)
        rows.clear()


class Tables:
    """Every table the generator writes, flushed parents first whenever one fills up."""

    MODELS = (
        Resident, ResidentPriorityGroup, Resident.skills.through, Resident.desired_occupations.through,
        ConsentRecord, Employer, Agreement, Vacancy, Vacancy.required_skills.through, JobApplication,
        JobApplicationEvent, ProgramApplication, ProgramApplicationEvent, Placement,
        Placement.priority_groups.through, RetentionCheck,
    )  # fmt: skip

    def __init__(self, now):
        self.by_model = {model: Table(model, now) for model in self.MODELS}
        self.tables = list(self.by_model.values())

    def __getitem__(self, model):
        return self.by_model[model]

    def flush_if_full(self):
        """Write everything once a table holds a chunk, so memory stays flat however large the run."""
        for table in self.tables:
            if len(table.rows) >= CHUNK:
                self.flush()
                return

    def flush(self):
        for table in self.by_model.values():
            table.flush()

    def counts(self):
        return {table.name: table.count for table in self.by_model.values()}
