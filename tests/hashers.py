"""A cheap Argon2 for tests. Its hashes carry their own cost parameters, so the production
Argon2PasswordHasher in server and worker processes started by tests still verifies them."""

from django.contrib.auth.hashers import Argon2PasswordHasher


class FastArgon2PasswordHasher(Argon2PasswordHasher):
    time_cost = 1
    memory_cost = 64
    parallelism = 1
