"""Every management command the project's own apps ship prints its help, in Korean and English."""

from io import StringIO

import pytest
from django.apps import apps
from django.conf import settings
from django.core.management import get_commands, load_command_class
from django.utils import translation


def project_commands():
    """(app, command) for each command whose app lives in this repository (not Django's, not a package's)."""
    base = str(settings.BASE_DIR)
    venv = str(settings.BASE_DIR / ".venv")
    found = []
    for name, app_name in sorted(get_commands().items()):
        if app_name == "django.core":
            continue
        path = apps.get_app_config(app_name.rsplit(".", 1)[-1]).path
        if path.startswith(base) and not path.startswith(venv):
            found.append((app_name, name))
    return found


def test_the_project_has_its_own_commands():
    names = {name for _, name in project_commands()}
    assert {"recompute_dashboards", "seed_demo", "create_demo_users"} <= names


@pytest.mark.parametrize("language", ["ko", "en"])
@pytest.mark.parametrize(("app_name", "name"), project_commands())
def test_every_project_command_prints_its_help(app_name, name, language):
    command = load_command_class(app_name, name)
    with translation.override(language):
        parser = command.create_parser("manage.py", name)
        output = StringIO()
        parser.print_help(output)
    text = output.getvalue()
    assert f"manage.py {name}" in text
    assert "--help" in text
    if command.help:
        assert " ".join(str(command.help).split())[:20] in " ".join(text.split())


def test_make_demo_computes_the_dashboards_it_seeds():
    """`make demo` seeds the data and then computes every dashboard year before serving, so the
    dashboard never opens on "not computed yet" (read from make's dry run, nothing is executed)."""
    import shutil
    import subprocess

    if shutil.which("make") is None:
        pytest.skip("make is not installed")
    commands = subprocess.run(
        ["make", "-n", "demo"], cwd=settings.BASE_DIR, capture_output=True, text=True, check=True
    ).stdout.splitlines()
    steps = [line.split("manage.py ", 1)[1].split()[0] for line in commands if "manage.py " in line]
    steps = [step for step in steps if step != "compilemessages"]
    assert steps.index("seed_demo") < steps.index("recompute_dashboards") < steps.index("runserver")
