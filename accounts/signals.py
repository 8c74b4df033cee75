"""Signals that apps above `accounts` connect to from their AppConfig.ready(): accounts never imports them."""

from django.dispatch import Signal

# Sent by the portal's login page once someone signed in with their password (`user=`); not by the
# admin's own login form or by a test's force_login. residents restarts the retention clock on it.
signed_in_on_login_page = Signal()
