#!/usr/bin/env bash
# The deadline rush (issue 9): 514 operators open, fill and send their report within ten
# minutes while 5 reviewers browse; half-way, PostgreSQL restarts. Prints locust's figures
# and how many reports were lost (the portal said "terkirim" but the database does not hold
# the report as sent). Run by hand on a machine with PostgreSQL, Redis and this repo's venv:
#     bash bench/deadline_rush.sh            (RUSH_MINUTES=10 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
MINUTES=${RUSH_MINUTES:-10}
PORT=${RUSH_PORT:-8090}
export DEBUG=false SECRET_KEY=rush-benchmark-only-rush-benchmark-only-rush-benchmark-only-0123
export ALLOWED_HOSTS=127.0.0.1 SITE_URL=https://bakohumas.example STATIC_MANIFEST=false
# As behind nginx, which ends TLS and adds X-Forwarded-Proto; the load tool speaks plain http
# to gunicorn, so cookies may not be https-only here (never so in production).
export BEHIND_TLS_PROXY=true SESSION_COOKIE_SECURE=false CSRF_COOKIE_SECURE=false
export DATABASE_URL=postgres://postgres@127.0.0.1:5432/bakohumas_rush
export REDIS_URL=redis://127.0.0.1:6379/9 EMAIL_URL=dummymail:// LOG_LEVEL=WARNING
export TWO_FACTOR_REQUIRED_FOR=  # the reviewers of the rush sign in with a password only
export RUSH_SENT_LOG=/tmp/rush-sent.txt
PY=.venv/bin/python

psql -h 127.0.0.1 -U postgres -qc "DROP DATABASE IF EXISTS bakohumas_rush WITH (FORCE)"
psql -h 127.0.0.1 -U postgres -qc "CREATE DATABASE bakohumas_rush"
$PY bench/rush/setup_data.py
rm -f "$RUSH_SENT_LOG"

.venv/bin/gunicorn bakohumas.wsgi --bind 127.0.0.1:$PORT --workers 4 --threads 4 \
  --timeout 60 --log-level warning &
GUNICORN=$!
.venv/bin/celery -A bakohumas worker --pool=threads --concurrency=2 --loglevel=warning &
WORKER=$!
trap 'kill $GUNICORN $WORKER 2>/dev/null || true' EXIT
sleep 5

if [ "${RUSH_RESTART:-1}" = 1 ]; then
  (
    sleep $((MINUTES * 30))
    echo "== $(date +%T) restarting PostgreSQL"
    pg_ctlcluster --skip-systemctl-redirect "$(ls /etc/postgresql)" main restart
    echo "== $(date +%T) PostgreSQL is back"
  ) &
fi

.venv/bin/locust -f bench/rush/locustfile.py --headless --host "http://127.0.0.1:$PORT" \
  --users 519 --spawn-rate 2 --run-time "${MINUTES}m" --only-summary --stop-timeout 30 \
  --csv /tmp/rush || true

SAID_SENT=$(sort -u "$RUSH_SENT_LOG" 2>/dev/null | wc -l)
IDS=$(sort -u "$RUSH_SENT_LOG" 2>/dev/null | paste -sd, -)
HELD=0
if [ -n "$IDS" ]; then
  HELD=$(psql -h 127.0.0.1 -U postgres -d bakohumas_rush -tAc \
    "SELECT COUNT(*) FROM reports_report WHERE id IN ($IDS) AND status = 'submitted'")
fi
SENT_IN_DB=$(psql -h 127.0.0.1 -U postgres -d bakohumas_rush -tAc \
  "SELECT COUNT(*) FROM reports_report WHERE status = 'submitted'")
echo "== reports the portal said were sent: $SAID_SENT; of those held as sent: $HELD;" \
  "lost: $((SAID_SENT - HELD)); sent reports in the database: $SENT_IN_DB"
