"""Employers and vacancies in the API. Vacancies: anyone reads the open ones (searched with the
same VacancyFilter as the web page); an employer drafts, submits and closes its own; staff approve
and do everything. Writes go through employers/services.py."""

from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular.utils import extend_schema
from rest_framework import serializers
from rest_framework.decorators import action
from rest_framework.response import Response

from accounts.permissions import EMPLOYER, EVERYONE, MANAGER, STAFF, request_role
from employers import selectors, services
from employers.filters import VacancyFilter
from employers.models import Employer, Vacancy
from guro_jobs.api import PortalModelSerializer, PortalModelViewSet, PortalReadOnlyViewSet
from references.models import Occupation

# An employer may edit its vacancy until it is published.
EMPLOYER_EDITABLE_STATUSES = {Vacancy.Status.DRAFT, Vacancy.Status.PENDING_REVIEW}


class EmployerSerializer(PortalModelSerializer):
    class Meta:
        model = Employer
        fields = [
            "id",
            "name",
            "business_number",
            "kind",
            "industry",
            "representative",
            "address",
            "dong",
            "in_digital_valley",
            "headcount",
            "phone",
            "created_at",
        ]


class VacancySerializer(PortalModelSerializer):
    employer_name = serializers.CharField(source="employer.name", read_only=True, help_text=_("기업명"))
    occupation_name = serializers.CharField(
        source="occupation.name", read_only=True, help_text=_("직종 이름")
    )
    occupation_code = serializers.CharField(
        source="occupation.code", read_only=True, help_text=_("한국고용직업분류(KECO 2018) 코드")
    )
    external_url = serializers.SerializerMethodField(
        help_text=_("고용24 공고 주소 (고용24 공고만, 그 외에는 null)")
    )
    dong_name = serializers.CharField(
        source="dong.name", read_only=True, default=None, allow_null=True, help_text=_("근무지 행정동 이름")
    )

    class Meta:
        model = Vacancy
        fields = [
            "id",
            "employer",
            "employer_name",
            "agreement",
            "title",
            "description",
            "occupation",
            "occupation_name",
            "occupation_code",
            "employment_type",
            "wage_amount",
            "wage_unit",
            "monthly_wage",
            "weekly_hours",
            "work_place",
            "dong",
            "dong_name",
            "openings",
            "required_education",
            "required_skills",
            "career",
            "career_min_years",
            "work_days_per_week",
            "district",
            "source",
            "external_url",
            "status",
            "posted_on",
            "closes_on",
            "created_at",
            "approved_at",
        ]
        read_only_fields = [
            "monthly_wage",
            "status",
            "posted_on",
            "created_at",
            "approved_at",
            "source",
            "external_url",
        ]
        extra_kwargs = {
            "employer": {"required": False, "help_text": _("기업 (기업 담당자는 자기 기업으로 정해집니다)")}
        }

    def get_external_url(self, vacancy) -> str | None:
        return vacancy.external_url or None if vacancy.source == Vacancy.Source.NATIONAL else None

    def validate(self, attrs):
        request = self.context["request"]
        if request_role(request) == EMPLOYER:
            attrs["employer"] = request.user.employer
            if self.instance is not None and self.instance.status not in EMPLOYER_EDITABLE_STATUSES:
                raise serializers.ValidationError(
                    _(
                        "게시된 공고는 고칠 수 없습니다. 마감한 뒤 새 공고를 올리거나 일자리지원과에 문의해 주세요."
                    )
                )
        elif self.instance is None and not attrs.get("employer"):
            raise serializers.ValidationError({"employer": [_("이 필드는 필수 항목입니다.")]})
        return attrs

    def persist(self, instance, many_to_many):
        return services.save_vacancy(vacancy=instance, skills=many_to_many.get("required_skills"))


class VacancyCloseSerializer(serializers.Serializer):
    filled = serializers.BooleanField(default=False, help_text=_("채용이 끝나 마감하면 true"))


def vacancy_queryset():
    return Vacancy.objects.select_related("employer", "occupation", "dong").prefetch_related(
        "required_skills"
    )


class EmployerViewSet(PortalModelViewSet):
    """기업 (employers): staff manage all; managers read; an employer user reads its own."""

    serializer_class = EmployerSerializer
    read_roles = frozenset({STAFF, MANAGER, EMPLOYER})
    write_roles = frozenset({STAFF})
    filterset_fields = ["kind", "in_digital_valley", "dong"]
    search_fields = ["name", "industry", "business_number"]
    ordering_fields = ["name", "created_at", "headcount"]

    def get_queryset(self):
        queryset = Employer.objects.order_by("name", "id")
        if self.role == EMPLOYER:
            queryset = queryset.filter(pk=self.request.user.employer_id)
        return queryset


class VacancyViewSet(PortalModelViewSet):
    """채용 공고 (vacancies): public search of open vacancies with the web page's VacancyFilter."""

    serializer_class = VacancySerializer
    filterset_class = VacancyFilter
    filter_backends = [DjangoFilterBackend]  # VacancyFilter has its own keyword search and ordering
    read_roles = EVERYONE
    write_roles = frozenset({STAFF, EMPLOYER})
    action_roles = {
        "destroy": frozenset({STAFF}),
        "submit": frozenset({STAFF, EMPLOYER}),
        "approve": frozenset({STAFF}),
        "close": frozenset({STAFF, EMPLOYER}),
    }  # a resident's "apply" is added by placements/api_vacancies.py, which the API routes to

    def get_queryset(self):
        role = self.role
        if role in {STAFF, MANAGER}:
            return vacancy_queryset().order_by("-posted_on", "-id")
        if role == EMPLOYER:
            own = Q(employer=self.request.user.employer_id)
            if self.request.method in {"GET", "HEAD", "OPTIONS"}:
                open_ids = selectors.open_vacancies().values("pk")
                return vacancy_queryset().filter(own | Q(pk__in=open_ids)).order_by("-posted_on", "-id")
            return vacancy_queryset().filter(own).order_by("-posted_on", "-id")
        return selectors.open_vacancies().order_by("-posted_on", "-id")

    @extend_schema(summary="심사 요청 (submit for review)", request=None, responses=VacancySerializer)
    @action(detail=True, methods=["post"])
    def submit(self, request, pk=None):
        vacancy = services.submit_vacancy_for_review(vacancy=self.get_object())
        return Response(self.get_serializer(vacancy).data)

    @extend_schema(summary="승인·게시 (approve: staff)", request=None, responses=VacancySerializer)
    @action(detail=True, methods=["post"])
    def approve(self, request, pk=None):
        vacancy = services.approve_vacancy(vacancy=self.get_object(), by=request.user)
        return Response(self.get_serializer(vacancy).data)

    @extend_schema(summary="마감 (close)", request=VacancyCloseSerializer, responses=VacancySerializer)
    @action(detail=True, methods=["post"])
    def close(self, request, pk=None):
        options = VacancyCloseSerializer(data=request.data)
        options.is_valid(raise_exception=True)
        vacancy = services.close_vacancy(vacancy=self.get_object(), filled=options.validated_data["filled"])
        return Response(self.get_serializer(vacancy).data)


class OccupationSerializer(serializers.ModelSerializer):
    parent = serializers.SlugRelatedField(
        slug_field="code", read_only=True, allow_null=True, help_text=_("상위 분류 코드 (대분류는 null)")
    )

    class Meta:
        model = Occupation
        fields = ["code", "name", "name_en", "level", "parent"]


class OccupationViewSet(PortalReadOnlyViewSet):
    """직종 (occupations): the KECO 2018 tree, whole and unpaged; `level` and `parent` narrow it."""

    serializer_class = OccupationSerializer
    read_roles = EVERYONE
    pagination_class = None
    lookup_field = "code"
    filterset_fields = ["level"]
    search_fields = ["name", "name_en", "code"]
    ordering_fields = ["code"]

    def get_queryset(self):
        queryset = Occupation.objects.select_related("parent").order_by("code")
        parent = self.request.query_params.get("parent")
        if parent:
            queryset = queryset.filter(parent__code=parent)
        return queryset
