"""Large spreadsheets are checked and written by a Celery worker, reporting progress as it goes."""

from celery import shared_task

from spreadsheets.models import ImportJob
from spreadsheets.services import run_import_job

PROGRESS_EVERY = 100


@shared_task(bind=True, acks_late=True)
def import_job_task(self, job_id, dry_run):
    """Check (dry run) or write an uploaded file; progress goes to the result backend for the page."""
    job = ImportJob.objects.get(pk=job_id)
    if job.status in {ImportJob.Status.IMPORTED}:
        return {"status": job.status}  # already written: running again must not write twice
    total = job.total_rows

    def progress(done):
        if done % PROGRESS_EVERY == 0 or done == total:
            try:
                self.update_state(state="PROGRESS", meta={"done": done, "total": total})
            except Exception:  # no result backend (eager, local): the bar just waits for the end
                pass

    report = run_import_job(job=job, dry_run=dry_run, progress=progress)
    return {"status": job.status, "errors": report.count("error")}
