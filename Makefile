# Guro jobs portal. `make demo` installs and runs it with demo data; `make test` runs every test.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_RESIDENTS ?= 2000
PYTEST_ARGS ?=

.PHONY: install demo run test lint messages worker beat clean

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -r requirements.txt
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed node_modules/.installed messages

# Compile the Korean and English catalogues (needs GNU gettext's msgfmt).
messages: $(VENV)/.installed
	@if command -v msgfmt >/dev/null; then $(PY) manage.py compilemessages --ignore=.venv --ignore=node_modules -v0; \
	else echo "msgfmt not found (apt-get install gettext): English switch unavailable"; fi

demo: install
	$(PY) manage.py migrate --no-input -v0
	$(PY) manage.py collectstatic --no-input -v0
	$(PY) manage.py seed_demo --residents $(DEMO_RESIDENTS) --seed 2010 --if-empty
	$(PY) manage.py recompute_dashboards
	$(PY) manage.py create_demo_users
	@echo
	@echo "  구로 일자리 원스톱 포털:  http://$(HOST):$(PORT)/"
	@echo "  업무 관리(직원):          http://$(HOST):$(PORT)/admin/"
	@echo "  직원 로그인:              staff@guro.go.kr / guro-demo-2026!"
	@echo "  (관리자 manager@guro.go.kr, 기업 hr@dcube.example.kr, 주민 resident@example.kr — 같은 비밀번호)"
	@echo "  직원·관리자 인증 코드:    $(PY) manage.py demo_totp_code staff@guro.go.kr"
	@echo
	$(PY) manage.py runserver $(HOST):$(PORT)

run: install
	$(PY) manage.py runserver $(HOST):$(PORT)

# One local worker on every queue; production runs one worker per queue (Procfile).
worker: install
	$(VENV)/bin/celery -A guro_jobs worker --queues celery,dashboards,imports,mail,national --loglevel INFO

beat: install
	$(VENV)/bin/celery -A guro_jobs beat --loglevel INFO

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .
	$(PY) manage.py makemigrations --check --dry-run -v0
	# One direction of dependencies (.importlinter, docs/ARCHITECTURE.md): fails on an upward import.
	$(VENV)/bin/lint-imports --no-cache

clean:
	rm -rf $(VENV) node_modules staticfiles db.sqlite3
