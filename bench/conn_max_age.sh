#!/usr/bin/env bash
# Requests per second of a one-query page (/kesehatan/: SELECT 1 plus a cache read) under
# gunicorn on PostgreSQL + Redis, with and without persistent database connections.
# Run by hand: bash bench/conn_max_age.sh   (needs wrk: apt-get install wrk)
set -euo pipefail
cd "$(dirname "$0")/.."
export DEBUG=false SECRET_KEY="bench-$(python3 -c 'import secrets; print(secrets.token_urlsafe(50))')"
export ALLOWED_HOSTS=127.0.0.1 SITE_URL=https://bakohumas.example SECURE_SSL_REDIRECT=false STATIC_MANIFEST=false ENV_FILE=/nonexistent
export DATABASE_URL="${DATABASE_URL:-postgres://postgres@127.0.0.1:5432/bakohumas}"
export REDIS_URL="${REDIS_URL:-redis://127.0.0.1:6379/0}"
.venv/bin/python manage.py migrate --noinput >/dev/null
.venv/bin/python -c "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='bakohumas.settings'; django.setup(); from bakohumas.health import record_heartbeat; record_heartbeat()"

for age in 0 600; do
  CONN_MAX_AGE=$age .venv/bin/gunicorn bakohumas.wsgi --bind 127.0.0.1:8099 --workers 2 \
    --log-level warning &
  pid=$!
  until curl -s -o /dev/null http://127.0.0.1:8099/kesehatan/; do sleep 0.3; done
  wrk -t2 -c16 -d3s http://127.0.0.1:8099/kesehatan/ >/dev/null  # warm-up
  printf 'CONN_MAX_AGE=%-4s ' "$age"
  wrk -t2 -c16 -d10s http://127.0.0.1:8099/kesehatan/ | grep -E 'Requests/sec'
  kill "$pid"; wait "$pid" 2>/dev/null || true
done
