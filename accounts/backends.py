"""The backends members sign in with: Django's and allauth's, with a quicker get_user().

Every signed-in request loads its member's row. Through the ORM that query costs
more to build than to run (most of a millisecond), so it is one fixed statement
here, loaded with Model.from_db() as the ORM would. Signing in, permissions and
the session's password check are the parent classes' own.
"""

from functools import cache

from allauth.account import auth_backends
from django.contrib.auth import backends, get_user_model
from django.core.exceptions import ValidationError
from django.db import connections, router

# Sessions record the backend that signed them in: those signed in before these
# classes existed are moved over (portal.middleware) rather than signed out.
RENAMED = {
    "django.contrib.auth.backends.ModelBackend": "accounts.backends.ModelBackend",
    "allauth.account.auth_backends.AuthenticationBackend": "accounts.backends.AuthenticationBackend",
}


@cache
def _select_by_pk(alias: str) -> tuple[str, list[str], list]:
    """The statement, its fields and each column's converters (SQLite's dates, say),
    as the ORM's compiler would apply them."""
    model, connection = get_user_model(), connections[alias]
    quote = connection.ops.quote_name
    table = model._meta.db_table
    columns = [field.get_col(table) for field in model._meta.concrete_fields]
    select = ", ".join(f"{quote(table)}.{quote(col.target.column)}" for col in columns)
    sql = f"SELECT {select} FROM {quote(table)} WHERE {quote(model._meta.pk.column)} = %s"
    converters = [
        (index, found, col)
        for index, col in enumerate(columns)
        if (found := connection.ops.get_db_converters(col) + col.get_db_converters(connection))
    ]
    return sql, [col.target.attname for col in columns], converters


class QuickUserLookup:
    def get_user(self, user_id):
        model = get_user_model()
        alias = router.db_for_read(model)
        connection = connections[alias]
        sql, fields, converters = _select_by_pk(alias)
        try:
            pk = model._meta.pk.to_python(user_id)
        except ValidationError:  # a session holding junk: nobody, as the ORM would say
            return None
        with connection.cursor() as cursor:
            cursor.execute(sql, [pk])
            row = cursor.fetchone()
        if row is None:
            return None
        values = list(row)
        for index, found, col in converters:
            for converter in found:
                values[index] = converter(values[index], col, connection)
        user = model.from_db(alias, fields, values)
        return user if self.user_can_authenticate(user) else None


class ModelBackend(QuickUserLookup, backends.ModelBackend):
    pass


class AuthenticationBackend(QuickUserLookup, auth_backends.AuthenticationBackend):
    pass
