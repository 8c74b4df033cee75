from django.urls import path

from casework import views

app_name = "casework"

urlpatterns = [
    path("", views.home, name="home"),
    path("residents/<int:resident_id>/", views.case_detail, name="case"),
    path("residents/<int:resident_id>/notes/", views.add_note, name="add_note"),
    path("residents/<int:resident_id>/tasks/", views.add_task, name="add_task"),
    path("residents/<int:resident_id>/tasks/<int:task_id>/done/", views.complete_task, name="complete_task"),
    path("residents/<int:resident_id>/verify/", views.verify_claim, name="verify_claim"),
    path("residents/<int:resident_id>/refer/", views.refer, name="refer"),
    path("residents/<int:resident_id>/assign/", views.assign, name="assign"),
    path("referrals/", views.referrals, name="referrals"),
    path(
        "referrals/<int:referral_id>/accept/",
        views.answer_referral,
        {"answer": "accept"},
        name="accept_referral",
    ),
    path(
        "referrals/<int:referral_id>/return/",
        views.answer_referral,
        {"answer": "return"},
        name="return_referral",
    ),
    path("caseload/", views.caseload, name="caseload"),
    path("partners/", views.partners, name="partners"),
]
