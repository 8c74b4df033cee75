"""The running tallies PostgreSQL keeps per start year (placements/migrations/0007_year_tally.py)
agree with the placements, links and checks after every kind of write: one at a time through the
models, cancelling, moving a start date or a sector, many at once through update() and
bulk_create(), deletes (cascading or raw), and TRUNCATE; and the one-year recompute that reads them
stores what the all-years pass (which reads the tables) stores."""

import datetime

import pytest
from django.db import connection
from django.utils import timezone

from placements.models import Placement, RetentionCheck
from reports.models import DashboardSnapshot
from reports.services import store_all_snapshots, store_snapshot
from tests import factories

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="the tallies are PostgreSQL's"),
]

TALLIED = {
    "placements": """SELECT start_year, sector, agreement_id, employer_id, guro_resident_at_hire, sum(placements)
                     FROM placements_year_tally GROUP BY 1, 2, 3, 4, 5 HAVING sum(placements) <> 0""",
    "links": """SELECT start_year, sector, prioritygroup_id, sum(links) FROM placements_priority_tally
                GROUP BY 1, 2, 3 HAVING sum(links) <> 0""",
    "checks": """SELECT start_year, months_after_start, checked, still_employed, sum(checks)
                 FROM placements_retention_tally GROUP BY 1, 2, 3, 4 HAVING sum(checks) <> 0""",
}
COUNTED = {
    "placements": """SELECT EXTRACT(YEAR FROM started_on)::int, sector, COALESCE(agreement_id, 0),
                            COALESCE(employer_id, 0), guro_resident_at_hire, count(*)
                     FROM placements_placement WHERE status = 'standing' GROUP BY 1, 2, 3, 4, 5""",
    "links": """SELECT EXTRACT(YEAR FROM p.started_on)::int, p.sector, l.prioritygroup_id, count(*)
                FROM placements_placement_priority_groups l JOIN placements_placement p ON p.id = l.placement_id
                WHERE p.status = 'standing' GROUP BY 1, 2, 3""",
    "checks": """SELECT EXTRACT(YEAR FROM p.started_on)::int, r.months_after_start, r.checked_on IS NOT NULL,
                        COALESCE(r.still_employed, false), count(*)
                 FROM placements_retentioncheck r JOIN placements_placement p ON p.id = r.placement_id
                 WHERE p.status = 'standing' GROUP BY 1, 2, 3, 4""",
}


def rows(sql):
    with connection.cursor() as cursor:
        cursor.execute(sql)
        return sorted(tuple(row) for row in cursor.fetchall())


def assert_tallies_agree():
    for name in TALLIED:
        assert rows(TALLIED[name]) == rows(COUNTED[name]), name


def check(placement, months, still_employed):
    return RetentionCheck.objects.create(
        placement=placement,
        months_after_start=months,
        due_on=placement.started_on + datetime.timedelta(days=30 * months),
        checked_on=None if still_employed is None else placement.started_on,
        still_employed=still_employed,
    )


def test_the_tallies_agree_with_the_tables_after_every_kind_of_write(hand_counted):
    assert_tallies_agree()
    assert rows(TALLIED["placements"]) and rows(TALLIED["links"]) and rows(TALLIED["checks"])
    p1, p2, p5, p9 = hand_counted.p1, hand_counted.p2, hand_counted.p5, hand_counted.p9

    # one row at a time, through the models
    p1.started_on = datetime.date(2012, 3, 1)  # moves its links and checks to 2012
    p1.save()
    assert_tallies_agree()
    p2.sector = "private"
    p2.save(update_fields=["sector"])
    assert_tallies_agree()
    p5.status, p5.cancelled_at, p5.cancellation_reason = (
        Placement.Status.CANCELLED,
        timezone.now(),
        "잘못 기록",
    )
    p5.save()
    assert_tallies_agree()
    check(p5, 6, True)  # a check of a cancelled placement counts nowhere
    assert_tallies_agree()
    p5.status, p5.cancelled_at, p5.cancellation_reason = Placement.Status.STANDING, None, ""
    p5.save()  # restored, with every check it has now
    assert_tallies_agree()
    p9.priority_groups.add(factories.priority_group("single_parent"))
    p2.priority_groups.remove(factories.priority_group("basic_livelihood"))
    assert_tallies_agree()
    first = p9.retention_checks.first()
    first.checked_on, first.still_employed = None, None
    first.save()
    check(p9, 12, False)
    p1.retention_checks.filter(months_after_start=3).delete()
    assert_tallies_agree()
    p9.guro_resident_at_hire, p9.employer = False, factories.EmployerFactory()
    p9.save()
    assert_tallies_agree()

    # many at once
    Placement.objects.filter(started_on__year=2011).update(started_on=datetime.date(2013, 1, 2))
    assert_tallies_agree()
    Placement.objects.filter(sector="public").update(sector="private")
    assert_tallies_agree()
    resident = factories.ResidentFactory()
    Placement.objects.bulk_create(
        Placement(
            resident=resident,
            source=Placement.Source.VACANCY,
            sector="public",
            employer=p9.employer,
            started_on=datetime.date(2010 + n, 2, 1),
            guro_resident_at_hire=n % 2 == 0,
            dong_at_hire=factories.dong() if n % 2 == 0 else None,
        )
        for n in range(4)
    )
    assert_tallies_agree()

    # deletes: cascading through the models, then raw SQL (children first, as the foreign keys ask)
    p2.delete()
    assert_tallies_agree()
    with connection.cursor() as cursor:
        cursor.execute("DELETE FROM placements_retentioncheck WHERE placement_id = %s", [p9.pk])
        cursor.execute("DELETE FROM placements_placement_priority_groups WHERE placement_id = %s", [p9.pk])
        cursor.execute("DELETE FROM placements_placement WHERE id = %s", [p9.pk])
    assert_tallies_agree()


def test_the_one_year_recompute_from_the_tallies_stores_what_the_all_years_pass_stores(hand_counted):
    p1, p5 = hand_counted.p1, hand_counted.p5
    p1.started_on = datetime.date(2010, 9, 1)
    p1.save()
    p5.status, p5.cancelled_at, p5.cancellation_reason = (
        Placement.Status.CANCELLED,
        timezone.now(),
        "잘못 기록",
    )
    p5.save()
    check(hand_counted.p9, 3, False)
    store_all_snapshots()
    with_all = {snapshot.year: snapshot.data for snapshot in DashboardSnapshot.objects.all()}
    assert set(with_all) >= {2010, 2011, 2012}
    for year, data in with_all.items():
        assert store_snapshot(year=year).data == data, year


@pytest.mark.django_db(transaction=True)
def test_truncate_empties_the_tallies(hand_counted):
    assert rows(TALLIED["placements"])
    with connection.cursor() as cursor:
        cursor.execute("TRUNCATE placements_retentioncheck")
        assert not rows(TALLIED["checks"]) and rows(TALLIED["links"])
        cursor.execute("TRUNCATE placements_placement CASCADE")
    assert_tallies_agree()
    assert not rows(TALLIED["placements"]) and not rows(TALLIED["links"])


def test_compacting_keeps_every_tally_and_leaves_one_row_per_key(hand_counted):
    from reports.services import tallies

    hand_counted.p1.started_on = datetime.date(2012, 3, 1)
    hand_counted.p1.save()
    hand_counted.p2.delete()
    check(hand_counted.p9, 6, True)
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM placements_retention_tally")
        appended = cursor.fetchone()[0]
    tallies.compact()
    assert_tallies_agree()
    with connection.cursor() as cursor:
        cursor.execute("SELECT count(*) FROM placements_retention_tally")
        assert cursor.fetchone()[0] == len(rows(COUNTED["checks"])) < appended


def test_a_restore_without_triggers_is_found_by_the_check_and_mended_by_the_rebuild(hand_counted):
    from django.core.management import CommandError, call_command

    with connection.cursor() as cursor:  # what a data-only restore with --disable-triggers leaves
        cursor.execute("DELETE FROM placements_year_tally WHERE start_year = 2011")
        cursor.execute("INSERT INTO placements_retention_tally VALUES (2010, 3, true, true, 7)")
    with pytest.raises(CommandError, match="placements_year_tally .*placements_retention_tally 1"):
        call_command("rebuild_dashboard_tallies", "--check")

    call_command("rebuild_dashboard_tallies")

    assert_tallies_agree()
    call_command("rebuild_dashboard_tallies", "--check")
    for snapshot in DashboardSnapshot.objects.all():
        assert store_snapshot(year=snapshot.year).data == snapshot.data, snapshot.year
