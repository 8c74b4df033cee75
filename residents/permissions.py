"""Who may open a resident's page: declared at the top of each view, never buried in its body."""

import functools

from django.contrib.auth import get_user_model
from django.contrib.auth.mixins import LoginRequiredMixin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db import connections, router

from residents.models import Resident


def resident_of(user):
    """The Resident record of a logged-in resident user, or None."""
    if not user.is_authenticated or not user.is_resident_user:
        return None
    return Resident.objects.filter(user=user, anonymised_at__isnull=True).select_related("dong").first()


def resident_of_request(request):
    """resident_of(request.user), read once per request, in one query with the user's role names
    (the menus of base.html ask for them next) and whatever read_along_with_resident() asked for: a
    page whose parts each need a little of the resident (the vacancy search's save-search form,
    career filter and 관심 공고 buttons) costs one query, not one per part. The query starts from the
    User row, which every signed-in visitor has, so one who is not a resident pays the same one
    query (their roles) as before."""
    if hasattr(request, "_resident_of_user"):
        return request._resident_of_user
    user = request.user
    wanted = request.__dict__.pop("_read_with_resident", {})
    request._resident_of_user = None
    request._values_read_with_resident = {}
    if not user.is_authenticated:
        return None
    row = _read_user_with_resident(user.pk, wanted)
    if row is None:  # the user was deleted since the session was read
        return None
    role_names, resident, values = row
    user.role_names = role_names  # User.role_names (a cached_property), read here
    if resident is not None and user.is_resident_user:
        request._resident_of_user = resident
        request._values_read_with_resident = values
    return request._resident_of_user


def read_along_with_resident(request, name, sql, params=()):
    """Ask for one more value in resident_of_request's one query: `sql` is a scalar SQL expression
    (a sub-select) over the resident's columns, written `resident.<column>` (`resident.id`), with
    `%s` placeholders for `params`. Read it back with values_read_with_resident(). Asked after the
    resident was read, it is not read."""
    if not hasattr(request, "_resident_of_user"):
        request.__dict__.setdefault("_read_with_resident", {})[name] = (sql, tuple(params))


def values_read_with_resident(request):
    """What read_along_with_resident() asked for, by name: empty for a visitor who is not a resident;
    a name asked for too late is missing (the caller then reads it itself)."""
    resident_of_request(request)
    return request._values_read_with_resident


def _read_user_with_resident(user_id, wanted):
    """(role names, the non-anonymised Resident or None, {name: value}) of one user, or None.

    Written as SQL, not as a queryset: the ORM spends ~2 ms of CPU compiling the joins and
    sub-selects of this query, more than the rest of a cached search page's own work, on every
    signed-in request; the text is built once per set of asked-for parts and executed with the
    request's parameters."""
    query = _query_text(tuple(sql for sql, _params in wanted.values()))
    params = [param for _sql, sql_params in wanted.values() for param in sql_params] + [user_id]
    database = router.db_for_read(Resident)
    with connections[database].cursor() as cursor:
        cursor.execute(query, params)
        row = cursor.fetchone()
    if row is None:
        return None
    fields = Resident._meta.concrete_fields
    resident_values = list(row[1 : 1 + len(fields)])
    resident = None
    if resident_values[fields.index(Resident._meta.pk)] is not None:
        connection = connections[database]
        for index, field in enumerate(fields):  # what a queryset does to each value (JSON text)
            for converter in field.get_db_converters(connection):
                resident_values[index] = converter(resident_values[index], field, connection)
        resident = Resident.from_db(database, [field.attname for field in fields], resident_values)
    values = dict(zip(wanted, row[1 + len(fields) :], strict=True))
    return set(row[0]), resident, values


@functools.lru_cache(maxsize=32)
def _query_text(extra):
    """The query of _read_user_with_resident with the sub-selects `extra` (a tuple of SQL texts)."""
    user_model = get_user_model()
    through = user_model._meta.get_field("groups").remote_field.through._meta
    return (
        "SELECT ARRAY(SELECT role.name FROM {group} role JOIN {through} membership"
        " ON membership.{group_id} = role.id WHERE membership.{user_id} = account.id),"
        " {columns}{extra} FROM {user} account LEFT JOIN {resident} resident"
        " ON resident.{resident_user} = account.id AND resident.{anonymised} IS NULL"
        " WHERE account.id = %s"
    ).format(
        group=Group._meta.db_table,
        through=through.db_table,
        group_id=through.get_field("group").column,
        user_id=through.get_field(user_model._meta.model_name).column,
        columns=", ".join(f"resident.{field.column}" for field in Resident._meta.concrete_fields),
        extra="".join(f", ({sql})" for sql in extra),
        user=user_model._meta.db_table,
        resident=Resident._meta.db_table,
        resident_user=Resident._meta.get_field("user").column,
        anonymised=Resident._meta.get_field("anonymised_at").column,
    )


class ResidentRequiredMixin(LoginRequiredMixin):
    """Only a resident with their own record; sets self.resident. Others get 403."""

    def dispatch(self, request, *args, **kwargs):
        if not request.user.is_authenticated:
            return self.handle_no_permission()
        self.resident = resident_of(request.user)
        if self.resident is None:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
