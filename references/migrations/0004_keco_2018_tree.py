"""The flat list of 16 occupations becomes the KECO 2018 tree (major, middle, minor).

Each former occupation keeps its row (and so every vacancy, resident's desired job and
placement that points at it): it is renamed in place to the KECO minor group it maps to
(references.keco2018.FORMER_OCCUPATIONS). An occupation staff added beyond the 16 is kept too,
as a top-level group coded "X" + its former code, for staff to file under the tree later.
"""

import django.db.models.deletion
from django.db import migrations, models

from references import keco2018


def to_keco_2018(apps, schema_editor):
    Occupation = apps.get_model("references", "Occupation")
    targets = {old: new for old, _name, new in keco2018.FORMER_OCCUPATIONS}
    existing = list(Occupation.objects.all())
    # Free every code first: the former "01"…"16" are KECO middle-group codes now.
    for row in existing:
        row.former_code = row.code
        row.code = f"~{row.pk}"
        row.save(update_fields=["code"])
    reused = {targets[row.former_code]: row for row in existing if row.former_code in targets}
    by_code = {}
    for code, name, name_en, level in keco2018.all_groups():
        row = reused.get(code) or Occupation(code=code)
        row.code, row.name, row.name_en, row.level = code, name, name_en, level
        row.parent = by_code.get(keco2018.parent_code(code))
        row.save()
        by_code[code] = row
    for row in existing:
        if row.former_code not in targets:
            row.code, row.level, row.parent = f"X{row.former_code}"[:10], 1, None
            row.save()


def back_to_former_list(apps, schema_editor):
    Occupation = apps.get_model("references", "Occupation")
    former = {new: (old, name) for old, name, new in keco2018.FORMER_OCCUPATIONS}
    Occupation.objects.update(parent=None, level=1)  # the tree's check constraint is gone by now
    extras = list(Occupation.objects.filter(code__startswith="X"))
    extra_codes = [row.code for row in extras]
    rows = {row.code: row for row in Occupation.objects.filter(code__in=former)}
    # A group the tree added that something points at stops the reversal (PROTECT): no link is lost.
    Occupation.objects.exclude(pk__in=[r.pk for r in [*rows.values(), *extras]]).delete()
    for row in [*rows.values(), *extras]:
        row.code = f"~{row.pk}"
        row.save(update_fields=["code"])
    for new, row in rows.items():
        row.code, row.name = former[new]
        row.save(update_fields=["code", "name"])
    for row, code in zip(extras, extra_codes, strict=True):
        row.code = code[1:]  # "X17" was "17"
        row.save(update_fields=["code"])


class Migration(migrations.Migration):
    dependencies = [
        ("references", "0003_english_names"),
    ]

    operations = [
        migrations.AddField(
            model_name="occupation",
            name="level",
            field=models.PositiveSmallIntegerField(
                choices=[(1, "대분류"), (2, "중분류"), (3, "소분류"), (4, "세분류")],
                default=3,
                verbose_name="분류 단계",
            ),
        ),
        migrations.AddField(
            model_name="occupation",
            name="name_en",
            field=models.CharField(blank=True, max_length=150, verbose_name="영문 직업명"),
        ),
        migrations.AddField(
            model_name="occupation",
            name="parent",
            field=models.ForeignKey(
                blank=True,
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="children",
                to="references.occupation",
                verbose_name="상위 분류",
            ),
        ),
        migrations.AlterField(
            model_name="occupation",
            name="code",
            field=models.CharField(max_length=10, unique=True, verbose_name="직업분류 코드"),
        ),
        migrations.AlterField(
            model_name="occupation",
            name="name",
            field=models.CharField(max_length=100, verbose_name="직업명"),
        ),
        migrations.RunPython(to_keco_2018, back_to_former_list),
        migrations.AddConstraint(
            model_name="occupation",
            constraint=models.CheckConstraint(
                condition=models.Q(
                    models.Q(("level", 1), ("parent__isnull", True)),
                    models.Q(("level__gt", 1), ("parent__isnull", False)),
                    _connector="OR",
                ),
                name="occupation_major_has_no_parent",
            ),
        ),
    ]
