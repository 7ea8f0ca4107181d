#!/usr/bin/env bash
# Asks the reliability deploy gate whether an entity may be deployed now, and fails on "deny".
#
#   scripts/deploy-gate.sh component:default/checkout-api
#
# Environment:
#   BACKSTAGE_URL           backend base URL, e.g. https://backstage.example.com (required)
#   BACKSTAGE_TOKEN         a static token from backend.auth.externalAccess (required)
#   DEPLOY_GATE_CONTEXT     free text recorded with the answer, e.g. the CI run URL (optional, max 500 characters)
#   DEPLOY_GATE_FAIL_OPEN   "true": let the deploy go when the gate cannot be asked (default: fail closed)
#
# Exit status: 0 allow or warn, 1 deny, 2 the gate could not be asked (or answered an error, or a setting is missing).
# Needs curl and jq. Inside GitHub Actions, warnings and denials also become workflow annotations.
# See docs/deploy-gate.md.
set -euo pipefail

usage() {
  echo "usage: $0 <kind>:<namespace>/<name>   (e.g. component:default/checkout-api)" >&2
  exit 2
}

ref="${1:-}"
[[ "$ref" =~ ^([A-Za-z0-9._-]+):(([A-Za-z0-9._-]+)/)?([A-Za-z0-9._-]+)$ ]] || usage
lower() { printf '%s' "$1" | tr '[:upper:]' '[:lower:]'; }
kind="$(lower "${BASH_REMATCH[1]}")"
namespace="$(lower "${BASH_REMATCH[3]:-default}")"
name="${BASH_REMATCH[4]}"
# A missing setting exits 2 like any other failure to ask (1 means "deny"); fail-open does not apply to it.
need() { # variable hint
  if [[ -z "${!1:-}" ]]; then
    echo "deploy gate: $1: set $1 to $2" >&2
    exit 2
  fi
}
need BACKSTAGE_URL "the Backstage backend URL"
need BACKSTAGE_TOKEN "a static token of the backend"

annotate() { # level message
  if [[ "${GITHUB_ACTIONS:-}" == "true" ]]; then
    echo "::$1 title=Deploy gate::$2"
  fi
}

cannot_ask() {
  echo "deploy gate: $1" >&2
  if [[ "${DEPLOY_GATE_FAIL_OPEN:-false}" == "true" ]]; then
    annotate warning "Could not ask the deploy gate ($1); continuing because DEPLOY_GATE_FAIL_OPEN=true"
    exit 0
  fi
  annotate error "Could not ask the deploy gate: $1"
  exit 2
}

url="${BACKSTAGE_URL%/}/api/reliability/entities/${kind}/${namespace}/${name}/deploy-gate"
body_file="$(mktemp)"
trap 'rm -f "$body_file"' EXIT
status="$(
  curl --silent --show-error --max-time 30 --get \
    --header "Authorization: Bearer ${BACKSTAGE_TOKEN}" \
    --data-urlencode "context=${DEPLOY_GATE_CONTEXT:-manual run}" \
    --output "$body_file" --write-out '%{http_code}' \
    "$url"
)" || cannot_ask "request to $url failed"

if [[ "$status" != "200" ]]; then
  message="$(jq -r '.error.message // empty' "$body_file" 2>/dev/null || true)"
  cannot_ask "HTTP $status from $url${message:+: $message}"
fi

decision="$(jq -r '.decision' "$body_file")" || cannot_ask "unreadable answer"
[[ "$decision" =~ ^(allow|warn|deny)$ ]] || cannot_ask "unexpected decision '$decision'"
message="$(jq -r '.message' "$body_file")"
echo "deploy gate for ${kind}:${namespace}/${name}: ${message}"
# The reasons are shown, not judged: an answer without a readable list keeps its decision.
jq -r '.reasons[]? | "  - \(.sloName): \(.state) since \(.since) (\(.decision)): \(.consequence)"' \
  "$body_file" || echo "  (reasons unreadable)"

case "$decision" in
  allow)
    if [[ "$(jq -r '.overridden' "$body_file")" == "true" ]]; then
      annotate warning "$message"
    fi
    exit 0
    ;;
  warn)
    annotate warning "$message"
    exit 0
    ;;
  deny)
    annotate error "$message"
    exit 1
    ;;
esac
