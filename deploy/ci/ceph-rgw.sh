#!/usr/bin/env bash
# A one-node Ceph RADOS Gateway (S3) on loopback for the test suite, from Debian's packages:
# one monitor, one memstore OSD (data in RAM), the RGW pools, radosgw, and one S3 user.
# Every daemon's data, logs, sockets and pid files live under $CEPH_DIR; stop kills them by pid.
# Usage: ceph-rgw.sh start | stop. On start prints the endpoint, access key and secret key, one per line.
set -euo pipefail
action=${1:-start}
dir=${CEPH_DIR:-/tmp/imagevault-ceph}
port=${RGW_PORT:-7480}
access=imagevault-test-access
secret=imagevault-test-secret-0123456789
conf=$dir/ceph.conf
ceph_cli() { ceph -c "$conf" --connect-timeout 20 "$@"; }

stop() {
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] && kill "$(cat "$pidfile")" 2>/dev/null || true
  done
  sleep 1
  for pidfile in "$dir"/run/*.pid; do
    [ -f "$pidfile" ] && kill -9 "$(cat "$pidfile")" 2>/dev/null || true
  done
  rm -rf "$dir"
}

if [ "$action" = stop ]; then stop; exit 0; fi
[ "$action" = start ] || { echo "usage: $0 start|stop" >&2; exit 2; }

if ! command -v radosgw >/dev/null || ! command -v ceph-osd >/dev/null || ! command -v uuidgen >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends ceph-mon ceph-osd radosgw ceph-common uuid-runtime >/dev/null
fi

stop # a fresh cluster every time: memstore data does not survive anyway
mkdir -p "$dir"/{run,log,mon,osd,rgw}
fsid=$(uuidgen)
cat > "$conf" <<CONF
[global]
fsid = $fsid
mon host = v2:127.0.0.1:3300
mon initial members = a
auth cluster required = none
auth service required = none
auth client required = none
ms bind ipv4 = true
ms bind ipv6 = false
ms mon client mode = crc
osd pool default size = 1
osd pool default min size = 1
osd pool default pg num = 8
osd pool default pgp num = 8
osd pool default pg autoscale mode = off
mon allow pool size one = true
mon warn on pool no redundancy = false
osd crush chooseleaf type = 0
run dir = $dir/run
pid file = $dir/run/\$name.pid
admin socket = $dir/run/\$name.asok
log file = $dir/log/\$name.log
mon data = $dir/mon/\$cluster-\$id
osd data = $dir/osd/\$cluster-\$id
osd objectstore = memstore
memstore device bytes = 4294967296
[client.rgw.a]
rgw frontends = beast endpoint=127.0.0.1:$port
rgw data = $dir/rgw
ms mon client mode = crc
auth client required = none
CONF

ceph-authtool --create-keyring "$dir/mon.keyring" --gen-key -n mon. --cap mon 'allow *' >/dev/null
monmaptool --create --add a v2:127.0.0.1:3300 --fsid "$fsid" "$dir/monmap" >/dev/null
ceph-mon -c "$conf" --mkfs -i a --monmap "$dir/monmap" --keyring "$dir/mon.keyring"
ceph-mon -c "$conf" -i a

osd_uuid=$(uuidgen)
osd_id=$(ceph_cli osd new "$osd_uuid")
mkdir -p "$dir/osd/ceph-$osd_id"
ceph-osd -c "$conf" -i "$osd_id" --mkfs --osd-uuid "$osd_uuid" >/dev/null 2>&1
ceph-osd -c "$conf" -i "$osd_id" 2>>"$dir/log/osd-start.log"

for pool in .rgw.root default.rgw.log default.rgw.control default.rgw.meta default.rgw.buckets.index default.rgw.buckets.data default.rgw.buckets.non-ec; do
  ceph_cli osd pool create "$pool" 8 8 >/dev/null 2>&1
  ceph_cli osd pool application enable "$pool" rgw >/dev/null 2>&1
done

radosgw -c "$conf" -n client.rgw.a
for _ in $(seq 1 60); do
  curl -s -o /dev/null "http://127.0.0.1:$port/" && break
  sleep 1
done
curl -s -o /dev/null "http://127.0.0.1:$port/" || { echo "radosgw did not answer on port $port; see $dir/log" >&2; exit 1; }

radosgw-admin -c "$conf" -n client.rgw.a user create --uid imagevault-test --display-name "ImageVault tests" \
  --access-key "$access" --secret-key "$secret" >/dev/null
echo "http://127.0.0.1:$port"
echo "$access"
echo "$secret"
