"""The vacancy search's shared fragments (guro_jobs/page_cache.py) go out of use whenever a vacancy,
its employer or a label the results show (occupation, dong) is written or deleted. Writes that send
no signal (the national feed's bulk upsert and closing) call `vacancies_changed()` themselves."""

from django.db.models.signals import m2m_changed, post_delete, post_save

from guro_jobs import page_cache

NAMESPACE = "vacancies"


def vacancies_changed(**_ignored):
    page_cache.changed(NAMESPACE)


def label_changed(created=False, **_ignored):
    """A new employer, occupation or dong has no vacancy to show yet; a changed one may."""
    if not created:
        page_cache.changed(NAMESPACE)


def connect():
    from employers.models import Employer, Vacancy
    from references.models import AdministrativeDong, Occupation

    post_save.connect(vacancies_changed, sender=Vacancy, dispatch_uid="page-cache-Vacancy-save")
    post_delete.connect(vacancies_changed, sender=Vacancy, dispatch_uid="page-cache-Vacancy-delete")
    for model in (Employer, Occupation, AdministrativeDong):
        post_save.connect(label_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}-save")
        post_delete.connect(
            vacancies_changed, sender=model, dispatch_uid=f"page-cache-{model.__name__}-delete"
        )
    m2m_changed.connect(
        vacancies_changed, sender=Vacancy.required_skills.through, dispatch_uid="page-cache-vacancy-skills"
    )
