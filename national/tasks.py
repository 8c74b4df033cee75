from celery import shared_task
from django.utils.translation import gettext as _

from national import services
from national.client import NationalApiUnavailable


@shared_task(
    name="national.sync_vacancies",
    acks_late=True,
    autoretry_for=(NationalApiUnavailable,),
    retry_backoff=60,  # 1, 2, 4, 8, 16 minutes (with jitter), capped below
    retry_backoff_max=30 * 60,
    retry_jitter=True,
    max_retries=5,
)
def sync_national_vacancies():
    """Sync the national vacancies of Guro and its neighbours; a no-op until the feed is configured."""
    try:
        run = services.sync_from_api()
    except services.FeedNotConfigured:
        return {"status": "not_configured", "detail": _("고용24 연계가 설정되지 않았습니다.")}
    return {
        "run": run.pk,
        "status": run.status,
        "created": run.created,
        "updated": run.updated,
        "closed": run.closed,
    }
