# Two commands for a newcomer: `make run` and `make test`. Only Python 3.11 and make needed.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
PORT   ?= 8000
export PATH := $(CURDIR)/$(BIN):$(PATH)

.PHONY: run test install install-dev migrate demo lint format vendor messages ci clean

run: migrate demo ## set up, then run web + Celery worker + beat (Ctrl-C stops all)
	@echo "Portal: http://127.0.0.1:$(PORT)/  (Ctrl-C menghentikan semuanya)"
	PORT=$(PORT) honcho start -f Procfile.dev

test: install-dev lint ## set up, then run the whole suite
	python manage.py makemigrations --check --dry-run
	pytest

# --- setup -------------------------------------------------------------------------------

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info[:2] != (3, 11))' \
		|| { echo "Butuh Python 3.11 (python3.11)."; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: requirements.txt | $(BIN)/python
	pip install --quiet -r requirements.txt
	touch $@

$(VENV)/.installed-dev: requirements.txt requirements-dev.txt | $(BIN)/python
	pip install --quiet -r requirements-dev.txt
	touch $(VENV)/.installed $@

# A local .env with a fresh secret key and DEBUG on; never committed. Variables set in the
# environment (DATABASE_URL, REDIS_URL, ...) win over it.
.env: | $(BIN)/python
	python -c "import secrets; print('DEBUG=true'); print('SECRET_KEY=' + secrets.token_urlsafe(50))" > $@

install: $(VENV)/.installed .env

install-dev: $(VENV)/.installed-dev .env

migrate: install
	python manage.py migrate --noinput
	python manage.py open_periods

demo: install
	python manage.py seed_demo
	python manage.py seed_demo_reports

# --- development ---------------------------------------------------------------------------

lint: install-dev
	ruff check .
	ruff format --check .
	lint-imports --no-cache
	python manage.py spectacular --validate --fail-on-warn --file /dev/null

format: install-dev
	ruff check --fix .
	ruff format .

# Rebuild static/vendor/ from npm packages (needs Node.js; the output is committed).
vendor:
	npm ci --no-audit --no-fund
	npm run vendor

# Compile translations (needs GNU gettext; the .mo files are committed).
messages: install
	python manage.py makemessages -l en --ignore=.venv --ignore=node_modules
	python manage.py compilemessages --ignore=.venv

ci:
	bash .ci/run

clean:
	rm -rf $(VENV) var staticfiles test-artifacts .pytest_cache .ruff_cache .import_linter_cache
