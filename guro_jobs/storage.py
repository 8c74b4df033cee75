"""Static files in production: hashed and compressed by WhiteNoise, tolerant of the broken
references an npm package ships, and a deploy check that the manifest was collected."""

import logging
import re

from django.conf import settings
from django.core import checks
from django.utils.module_loading import import_string
from whitenoise.storage import CompressedManifestStaticFilesStorage

logger = logging.getLogger(__name__)

# KRDS 1.1.0's component.css points to `../../img/img/component/icon/...`; the icons it means
# are shipped at `../../img/component/icon/...` (one `img/` less).
DOUBLED_FOLDER = re.compile(r"(^|/)img/img/")


class _Match:
    """Just enough of a regex match for Django's URL converter, with the URL replaced."""

    def __init__(self, groups):
        self._groups = groups

    def groupdict(self):
        return dict(self._groups)


class PortalStaticFilesStorage(CompressedManifestStaticFilesStorage):
    """A reference in a stylesheet to a file that does not exist no longer stops collectstatic:
    a doubled `img/img/` folder is mapped to the icon that exists, anything else is logged and
    left as written (the browser then gets a 404 for that one image, the page still works)."""

    def url_converter(self, name, hashed_files, template=None):
        convert = super().url_converter(name, hashed_files, template)

        def tolerant(matchobj):
            try:
                return convert(matchobj)
            except ValueError:
                pass
            groups = matchobj.groupdict()
            repaired = DOUBLED_FOLDER.sub(r"\1img/", groups["url"])
            if repaired != groups["url"]:
                try:
                    return convert(_Match({**groups, "url": repaired}))
                except ValueError:
                    pass
            logger.warning("%s refers to %s, which does not exist; left as written.", name, groups["url"])
            return groups["matched"]

        return tolerant


@checks.register(checks.Tags.staticfiles, deploy=True)
def check_static_manifest(app_configs=None, **kwargs):
    """With hashed static files, every page needs the manifest that collectstatic writes: without
    it `/` and the admin answer 500. `check --deploy` says so before the web process starts."""
    from django.contrib.staticfiles.storage import ManifestFilesMixin, staticfiles_storage

    backend = import_string(settings.STORAGES["staticfiles"]["BACKEND"])
    if not issubclass(backend, ManifestFilesMixin):
        return []
    try:
        found = staticfiles_storage.exists(staticfiles_storage.manifest_name)
    except Exception:  # an unreadable STATIC_ROOT counts as missing
        found = False
    if found:
        return []
    return [
        checks.Error(
            f"No static file manifest in {settings.STATIC_ROOT}: every page would answer 500.",
            hint="Run `python manage.py collectstatic --no-input` (the Procfile's release step).",
            id="guro_jobs.E001",
        )
    ]
