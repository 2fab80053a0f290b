#!/usr/bin/env bash
# Imports a folder of N distinct photos with `imagevault import` into a fresh embedded silo and, as the
# reference, the same folder with curl (4 at a time) into another fresh silo; prints both rates and the
# ratio. The photos are resized copies of the corpus photos made with vips. Usage: deploy/bench/cli-import.sh [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
n=${1:-2000}
corpus=${IMAGEVAULT_CORPUS:-../shared/corpus}
photos=/tmp/iv-bench-photos-$n
password=bench-admin-password-1

if [ ! -f "$photos/.done" ]; then
  rm -rf "$photos" && mkdir -p "$photos"
  mapfile -t sources < <(find "$corpus/photos" -iname '*.jpg' | sort)
  for i in $(seq 0 $((n - 1))); do
    src=${sources[$((i % ${#sources[@]}))]}
    dir="$photos/$((i / 500))"; mkdir -p "$dir"
    # a different width per file: distinct bytes, realistic 0.5–1.5 megapixel photos
    vips thumbnail "$src" "$dir/p$i.jpg[Q=85]" $(( 900 + (i / ${#sources[@]}) % 600 ))
  done
  touch "$photos/.done"
fi
bytes=$(du -sb "$photos" | cut -f1)

for p in silo/ImageVault.Silo client/ImageVault.Cli; do dotnet build -c Release -nologo -v q "$p" >/dev/null; done
start_silo() { # $1 data dir, $2 port
  ImageVault__DataPath=$1 ImageVault__SiloPort=$(( $2 + 1 )) ImageVault__GatewayPort=$(( $2 + 2 )) \
  ImageVault__Security__BootstrapAdminPassword=$password ImageVault__Security__RequestsPerSecond=100000 ImageVault__Security__Burst=100000 \
  Logging__LogLevel__Default=Warning dotnet silo/ImageVault.Silo/bin/Release/net10.0/ImageVault.Silo.dll --urls "http://127.0.0.1:$2" >/dev/null 2>&1 &
  echo $!
  for _ in $(seq 1 120); do curl -sf "http://127.0.0.1:$2/healthz" >/dev/null && return; sleep 1; done
}
token() { curl -s -H 'Content-Type: application/json' -d "{\"userName\":\"admin\",\"password\":\"$password\"}" "http://127.0.0.1:$1/api/v1/auth/sign-in" | sed 's/.*"token":"\([^"]*\)".*/\1/'; }

data=$(mktemp -d); pid=$(start_silo "$data" 5181 | tail -1); t=$(token 5181)
begin=$(date +%s.%N)
IMAGEVAULT_STATE=$data/cli dotnet client/ImageVault.Cli/bin/Release/net10.0/imagevault.dll import "$photos" --parallel 4 --url http://127.0.0.1:5181 --token "$t" | tail -3
cli=$(echo "$(date +%s.%N) - $begin" | bc)
kill "$pid"; wait "$pid" 2>/dev/null || true

data2=$(mktemp -d); pid=$(start_silo "$data2" 5191 | tail -1); t=$(token 5191)
begin=$(date +%s.%N)
find "$photos" -name '*.jpg' -print0 | xargs -0 -P4 -I{} curl -s -o /dev/null -H "Authorization: Bearer $t" -F "file=@{}" http://127.0.0.1:5191/api/v1/images
curl_s=$(echo "$(date +%s.%N) - $begin" | bc)
kill "$pid"; wait "$pid" 2>/dev/null || true

printf 'files %d (%.0f MB)\nimagevault import: %.1f s, %.1f files/s, %.1f MB/s\ncurl x4 (reference): %.1f s, %.1f files/s\nratio imagevault/curl: %.2f\n' \
  "$n" "$(echo "$bytes/1048576" | bc)" "$cli" "$(echo "$n/$cli" | bc -l)" "$(echo "$bytes/1048576/$cli" | bc -l)" "$curl_s" "$(echo "$n/$curl_s" | bc -l)" "$(echo "$curl_s/$cli" | bc -l)"
rm -rf "$data" "$data2"
