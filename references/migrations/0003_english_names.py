"""English names for the reference data English readers see: the official romanised names of
Guro's administrative dongs, and the priority groups."""

from django.db import migrations, models

DONG_NAMES = {
    "신도림동": "Sindorim-dong",
    "구로1동": "Guro 1-dong",
    "구로2동": "Guro 2-dong",
    "구로3동": "Guro 3-dong",
    "구로4동": "Guro 4-dong",
    "구로5동": "Guro 5-dong",
    "가리봉동": "Garibong-dong",
    "고척1동": "Gocheok 1-dong",
    "고척2동": "Gocheok 2-dong",
    "개봉1동": "Gaebong 1-dong",
    "개봉2동": "Gaebong 2-dong",
    "개봉3동": "Gaebong 3-dong",
    "오류1동": "Oryu 1-dong",
    "오류2동": "Oryu 2-dong",
    "수궁동": "Sugung-dong",
    "항동": "Hang-dong",
}

PRIORITY_GROUP_NAMES = {
    "basic_livelihood": "Basic livelihood security recipients",
    "near_poor": "Near-poverty households",
    "single_parent": "Single-parent families",
    "raising_children": "Parents raising children",
    "disability": "People with disabilities",
    "senior": "Seniors aged 65 and over",
    "youth": "Young people",
    "long_term_unemployed": "Long-term unemployed",
    "female_householder": "Women heads of household",
}


def name_in_english(apps, schema_editor):
    AdministrativeDong = apps.get_model("references", "AdministrativeDong")
    PriorityGroup = apps.get_model("references", "PriorityGroup")
    for name, name_en in DONG_NAMES.items():
        AdministrativeDong.objects.filter(name=name, name_en="").update(name_en=name_en)
    for code, name_en in PRIORITY_GROUP_NAMES.items():
        PriorityGroup.objects.filter(code=code, name_en="").update(name_en=name_en)


class Migration(migrations.Migration):
    dependencies = [("references", "0002_seed_reference_data")]

    operations = [
        migrations.AddField(
            model_name="administrativedong",
            name="name_en",
            field=models.CharField(
                blank=True,
                help_text="공식 로마자 표기 (예: Garibong-dong)",
                max_length=40,
                verbose_name="영문 이름",
            ),
        ),
        migrations.AddField(
            model_name="prioritygroup",
            name="name_en",
            field=models.CharField(blank=True, max_length=80, verbose_name="영문 이름"),
        ),
        migrations.RunPython(name_in_english, migrations.RunPython.noop),
    ]
