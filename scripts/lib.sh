# Shared by scripts/run and scripts/test: find Python 3.8-3.10, build the venv, train when stale.
# shellcheck shell=bash
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
VENV="$ROOT/.venv"
PY="$VENV/bin/python"
export PYTHONPATH="$ROOT${PYTHONPATH:+:$PYTHONPATH}"
export TF_CPP_MIN_LOG_LEVEL=3 TF_ENABLE_ONEDNN_OPTS=0 SQLALCHEMY_SILENCE_UBER_WARNING=1

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

_supported() { "$1" -c 'import sys; sys.exit(0 if (3, 8) <= sys.version_info[:2] <= (3, 10) else 1)' 2>/dev/null; }

find_python() {
  local candidates=()
  [ -n "${PYTHON:-}" ] && candidates+=("$PYTHON")
  candidates+=(python3.10 python3.9 python3.8)
  if command -v pyenv >/dev/null 2>&1; then
    local v
    for v in $(pyenv versions --bare 2>/dev/null | grep -E '^3\.(10|9|8)\.' | sort -rV); do
      candidates+=("$(pyenv prefix "$v")/bin/python")
    done
  fi
  candidates+=(/usr/bin/python3.10 /usr/local/bin/python3.10 python3)
  local c
  for c in "${candidates[@]}"; do
    if command -v "$c" >/dev/null 2>&1 && _supported "$(command -v "$c")"; then
      command -v "$c"; return 0
    fi
  done
  cat >&2 <<MSG
ERROR: Rasa 3.6 needs Python 3.8, 3.9 or 3.10, and none was found.
Tried: ${candidates[*]}
Install one (e.g. 'pyenv install 3.10.13' or 'apt-get install python3.10-venv'),
or point PYTHON at it: PYTHON=/path/to/python3.10 $0
MSG
  return 1
}

ensure_venv() {
  if [ ! -x "$PY" ] || ! _supported "$PY"; then
    local base; base="$(find_python)"
    log "creating virtual environment with $base"
    rm -rf "$VENV"; "$base" -m venv "$VENV"
  fi
  local stamp="$VENV/.requirements.sha" want
  want="$(cat "$ROOT/requirements.txt" "$ROOT/requirements-dev.txt" | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing Python packages (Rasa takes about two minutes the first time)"
    "$PY" -m pip install -q --upgrade pip wheel
    "$PY" -m pip install -q -r "$ROOT/requirements-dev.txt"
    echo "$want" > "$stamp"
  fi
}

ensure_secrets() {
  mkdir -p "$ROOT/var/secrets"; chmod 700 "$ROOT/var/secrets"
  local name
  for name in api_token rasa_token; do
    [ -s "$ROOT/var/secrets/$name" ] || "$PY" -c 'import secrets; print(secrets.token_urlsafe(32))' > "$ROOT/var/secrets/$name"
  done
  export COMPLAINTS_API_TOKEN="${COMPLAINTS_API_TOKEN:-$(cat "$ROOT/var/secrets/api_token")}"
  export COMPLAINTS_RASA_TOKEN="${COMPLAINTS_RASA_TOKEN:-$(cat "$ROOT/var/secrets/rasa_token")}"
}

model_fingerprint() {
  (cd "$ROOT" && find config.yml domain.yml data bot/nlu bot/triage -type f \( -name '*.yml' -o -name '*.py' -o -name '*.txt' \) -print0 \
    | sort -z | xargs -0 sha256sum | sha256sum | cut -d' ' -f1)
}

ensure_model() {
  local model="$ROOT/models/complaint.tar.gz" stamp="$ROOT/models/complaint.fingerprint" want
  want="$(model_fingerprint)"
  if [ -f "$model" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$want" ]; then
    return 0
  fi
  log "training the model (data, config or NLU code changed)"
  mkdir -p "$ROOT/var" "$ROOT/models"
  local start=$SECONDS
  (cd "$ROOT" && "$VENV/bin/rasa" train --force --fixed-model-name complaint --out models >"$ROOT/var/train.log" 2>&1) \
    || { tail -40 "$ROOT/var/train.log" >&2; return 1; }
  echo "$want" > "$stamp"
  log "trained in $((SECONDS - start)) s"
}

ensure_chromium() {
  # Browser tests drive Debian's chromium (Playwright cannot download its own browser here);
  # a Chinese font makes the pages' screenshots (docs/*.png) readable.
  local missing=()
  command -v chromium >/dev/null 2>&1 || missing+=(chromium)
  fc-list :lang=zh 2>/dev/null | grep -q . || missing+=(fonts-wqy-microhei)
  [ ${#missing[@]} -eq 0 ] && return 0
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    log "installing ${missing[*]} for the browser tests"
    # Wait for another apt run (unattended upgrades, a second checkout's setup) instead of failing.
    local lock=(-o DPkg::Lock::Timeout=600)
    apt-get "${lock[@]}" update -qq >/dev/null &&
      DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq "${missing[@]}" >/dev/null
  else
    log "missing: ${missing[*]}; install with 'apt-get install ${missing[*]}' to run the browser tests"
  fi
}

ensure_web_assets() {
  # The widget bundles npm's socket.io-client; install it when package.json changed.
  [ -f "$ROOT/web/package.json" ] || return 0
  local stamp="$ROOT/web/node_modules/.package-lock.sha" want
  want="$(cat "$ROOT/web/package.json" "$ROOT/web/package-lock.json" 2>/dev/null | sha256sum | cut -d' ' -f1)"
  if [ "$(cat "$stamp" 2>/dev/null)" != "$want" ]; then
    log "installing the widget's npm packages"
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error) && echo "$want" > "$stamp"
  fi
  if [ -x "$ROOT/web/build.sh" ]; then "$ROOT/web/build.sh"; fi
}

run_endpoints() { # actions_port out_file
  # endpoints.yml names the action server at 127.0.0.1:5055; on another port the Rasa server
  # must be told, or it calls whatever listens on 5055. Everything else stays as shipped.
  "$PY" - "$1" "$2" "$ROOT/endpoints.yml" <<'PYTHON'
import sys
import yaml
port, out, shipped = sys.argv[1:]
endpoints = yaml.safe_load(open(shipped, encoding="utf-8"))
endpoints["action_endpoint"]["url"] = f"http://127.0.0.1:{int(port)}/webhook"
with open(out, "w", encoding="utf-8") as file:
    yaml.safe_dump(endpoints, file, allow_unicode=True, sort_keys=False)
PYTHON
}

run_evidence_base() { # rasa_port
  # evidence links in tickets point at the Rasa server that serves /evidence (settings default :5005)
  echo "${COMPLAINTS_EVIDENCE__PUBLIC_BASE_URL:-http://127.0.0.1:$1}"
}

exec_action_server() { # port log_file
  # Loopback only (rasa_sdk listens on SANIC_HOST, default 0.0.0.0): the action server has no
  # authentication, and only the Rasa server on this machine calls it.
  cd "$ROOT" && SANIC_HOST=127.0.0.1 exec "$VENV/bin/rasa" run actions --actions actions --port "$1" >"$2" 2>&1
}
