#!/usr/bin/env bash
# What checking a credential costs per request: the same read (GET /api/v1/search?limit=1) on a fresh
# embedded silo with an API key (key, user and tenant grains checked on every request) and with the
# operator token (compared in memory, no grain call), each for 15 s with wrk, 16 connections.
# Prints requests/s for both and the ratio. Usage: deploy/bench/auth-overhead.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
password=bench-admin-password-1; operator=bench-operator-token-1; port=5281
dotnet build -c Release -nologo -v q silo/ImageVault.Silo >/dev/null
data=$(mktemp -d)
ImageVault__DataPath=$data ImageVault__SiloPort=$((port + 1)) ImageVault__GatewayPort=$((port + 2)) ImageVault__Admin__Token=$operator \
ImageVault__Security__BootstrapAdminPassword=$password ImageVault__Security__RequestsPerSecond=100000 ImageVault__Security__Burst=100000 \
ImageVault__Analysis__Enabled=false Logging__LogLevel__Default=Warning \
  dotnet silo/ImageVault.Silo/bin/Release/net10.0/ImageVault.Silo.dll --urls "http://127.0.0.1:$port" >/dev/null 2>&1 &
pid=$!
trap 'kill $pid 2>/dev/null; rm -rf "$data"' EXIT
for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$port/healthz" >/dev/null && break; sleep 1; done
session=$(curl -s -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$port/api/v1/auth/sign-in" | sed 's/.*"token":"\([^"]*\)".*/\1/')
key=$(curl -s -H "Authorization: Bearer $session" -H 'Content-Type: application/json' -d '{"name":"bench","scopes":["read"]}' "http://127.0.0.1:$port/api/v1/me/keys" | sed 's/.*"secret":"\([^"]*\)".*/\1/')
url="http://127.0.0.1:$port/api/v1/search?limit=1"
run() { wrk -t2 -c16 -d15s -H "Authorization: Bearer $1" "$url" | awk '/Requests\/sec/ {print $2}'; }
for t in "$key" "$operator"; do code=$(curl -s -o /dev/null -w "%{http_code}" -H "Authorization: Bearer $t" "$url"); [ "$code" = 200 ] || { echo "a probe answered $code" >&2; exit 1; }; done
run "$key" >/dev/null # warm-up
with_key=$(run "$key")
with_operator=$(run "$operator")
printf 'GET /api/v1/search?limit=1, 16 connections, 15 s each\nAPI key (3 grain checks): %.0f req/s\noperator token (none):    %.0f req/s\nratio key/operator: %.2f\n' \
  "$with_key" "$with_operator" "$(echo "$with_key/$with_operator" | bc -l)"
