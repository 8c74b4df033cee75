"""English names of the district plan's programs, for English readers (and the yearly copies
of them, whose codes end the same way)."""

from django.db import migrations, models

PROGRAM_NAMES = {
    "public-works": "Public Works Program",
    "hope-work": "Hope Work Program",
    "self-sufficiency-senior": "Self-Sufficiency Work and Senior Jobs Program",
    "youth-internship": "Youth Internship Program",
    "community-jobs": "Community Jobs Program",
    "service-training": "Customer Service Job Training",
    "it-training": "IT Skills Job Training",
}


def name_in_english(apps, schema_editor):
    Program = apps.get_model("programs", "Program")
    for suffix, name_en in PROGRAM_NAMES.items():
        Program.objects.filter(code__regex=rf"^\d{{4}}-{suffix}$", name_en="").update(name_en=name_en)


class Migration(migrations.Migration):
    dependencies = [("programs", "0002_plan_programs")]

    operations = [
        migrations.AddField(
            model_name="program",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="영어 화면에 보입니다. 비우면 사업명을 씁니다.",
                max_length=150,
                verbose_name="영문 사업명",
            ),
        ),
        migrations.RunPython(name_in_english, migrations.RunPython.noop),
    ]
