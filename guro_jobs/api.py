"""What every API endpoint shares: the base viewset and serializer and the stable ordering.
(Paging, throttles, errors and schema hooks are in guro_jobs/api_support.py, which settings name.)"""

from django.db import transaction
from django.utils.translation import gettext_lazy as _
from django_filters.rest_framework import DjangoFilterBackend
from rest_framework import exceptions, filters, serializers, viewsets

from accounts.permissions import RolePermission, request_role


class StableOrderingFilter(filters.OrderingFilter):
    """DRF's ordering, then the primary key, so the same row never shows on two pages."""

    def filter_queryset(self, request, queryset, view):
        queryset = super().filter_queryset(request, queryset, view)
        ordering = list(queryset.query.order_by) or list(queryset.model._meta.ordering)
        if not {"pk", "-pk", "id", "-id"} & set(map(str, ordering)):
            ordering.append("-pk")
        return queryset.order_by(*ordering)


class PortalModelSerializer(serializers.ModelSerializer):
    """Fields described by the model's Korean labels; the model's own rules (full_clean) run on save."""

    def build_field(self, field_name, info, model_class, nested_depth):
        field_class, kwargs = super().build_field(field_name, info, model_class, nested_depth)
        if not kwargs.get("help_text") and kwargs.get("label"):
            kwargs["help_text"] = kwargs["label"]
        return field_class, kwargs

    def _split_many_to_many(self, validated_data):
        many = {}
        for field in self.Meta.model._meta.many_to_many:
            if field.name in validated_data:
                many[field.name] = validated_data.pop(field.name)
        return many

    def persist(self, instance, many_to_many):
        """Validate with the model's rules and save; a serializer may hand this to a service."""
        instance.full_clean()
        instance.save()
        for name, values in many_to_many.items():
            getattr(instance, name).set(values)
        return instance

    def create(self, validated_data):
        many = self._split_many_to_many(validated_data)
        return self.persist(self.Meta.model(**validated_data), many)

    def update(self, instance, validated_data):
        many = self._split_many_to_many(validated_data)
        for name, value in validated_data.items():
            setattr(instance, name, value)
        return self.persist(instance, many)


class PortalViewSetMixin:
    """Role permissions, NUL-free query strings (PostgreSQL refuses them), the role at hand."""

    permission_classes = [RolePermission]
    read_roles = frozenset()
    write_roles = frozenset()
    action_roles = {}

    @property
    def role(self):
        return request_role(self.request)

    def initial(self, request, *args, **kwargs):
        super().initial(request, *args, **kwargs)
        for key, values in request.query_params.lists():
            if "\x00" in key or any("\x00" in value for value in values):
                raise exceptions.ValidationError(
                    {key.replace("\x00", ""): [_("허용되지 않는 문자가 있습니다.")]}
                )


class PortalModelViewSet(PortalViewSetMixin, viewsets.ModelViewSet):
    filter_backends = [DjangoFilterBackend, filters.SearchFilter, StableOrderingFilter]

    # Each write in its own transaction: a refused write leaves nothing half-saved behind.
    @transaction.atomic
    def perform_create(self, serializer):
        super().perform_create(serializer)

    @transaction.atomic
    def perform_update(self, serializer):
        super().perform_update(serializer)

    @transaction.atomic
    def perform_destroy(self, instance):
        super().perform_destroy(instance)


class PortalReadOnlyViewSet(PortalViewSetMixin, viewsets.ReadOnlyModelViewSet):
    filter_backends = PortalModelViewSet.filter_backends
