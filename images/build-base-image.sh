#!/usr/bin/env bash
# Builds the base image the service images are built on, as a `docker save` tar that Jib reads through
# `tar://`, without a Docker daemon and without a container registry: a minimal Debian bookworm root file
# system made by debootstrap from Debian's own packages, with Debian's OpenJDK 17 JRE (headless) and its CA
# certificates, and an unprivileged user the services run as.
#
# Why not eclipse-temurin:17-jre from Docker Hub: machines that build here reach Maven Central and Debian's
# package mirrors but no container registry. With Docker Hub at hand, Jib pulls that image instead
# (pom.xml, property jib.from.image) and this script is not needed.
#
# Usage: images/build-base-image.sh [output.tar]     (default: images/target/base-image.tar)
# Needs: root (debootstrap chroots to configure the packages), debootstrap (installed when missing), Debian's
# mirror (DEBIAN_MIRROR, default http://deb.debian.org/debian). Takes 2-4 minutes; rebuild it to take up
# Debian's security updates.
set -euo pipefail
cd "$(dirname "$0")"

out="${1:-$PWD/target/base-image.tar}"
suite="${DEBIAN_SUITE:-bookworm}"
mirror="${DEBIAN_MIRROR:-http://deb.debian.org/debian}"
tag="zsync/base-jre:17-${suite}"
java_home=/usr/lib/jvm/java-17-openjdk-amd64
uid=10001

[ "$(id -u)" -eq 0 ] || { echo "build-base-image.sh: needs root (debootstrap)" >&2; exit 1; }
if ! command -v debootstrap > /dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends debootstrap
fi

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
root="$work/rootfs"

echo "base image: debootstrap $suite with openjdk-17-jre-headless (log: $work/debootstrap.log)"
if ! debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates-java \
    "$suite" "$root" "$mirror" > "$work/debootstrap.log" 2>&1; then
  tail -30 "$work/debootstrap.log" >&2
  exit 1
fi
[ -x "$root$java_home/bin/java" ] || { echo "no JRE at $java_home in the base image" >&2; exit 1; }
[ -s "$root/etc/ssl/certs/java/cacerts" ] || { echo "no Java CA certificates in the base image" >&2; exit 1; }

# the services' user: no login, no home to write to
chroot "$root" /usr/sbin/groupadd --gid "$uid" zsync
chroot "$root" /usr/sbin/useradd --uid "$uid" --gid "$uid" --no-create-home --home-dir /nonexistent \
  --shell /usr/sbin/nologin zsync

# what a runtime image does not need: package caches, lists, documentation, manuals, locales
rm -rf "$root"/var/cache/apt/archives/*.deb "$root"/var/lib/apt/lists/* "$root"/usr/share/doc/* \
  "$root"/usr/share/man/* "$root"/usr/share/info/* "$root"/var/log/* "$root"/tmp/*
find "$root/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'C.*' -exec rm -rf {} + 2>/dev/null || true

# one layer: the root file system without the kernel's file systems (the runtime mounts /dev, /proc, /sys)
image="$work/image"
mkdir -p "$image"
tar -C "$root" --numeric-owner --sort=name --mtime='@0' --xattrs \
  --exclude='./dev/*' --exclude='./proc/*' --exclude='./sys/*' -cf "$image/layer.tar" .
layer_sha="$(sha256sum "$image/layer.tar" | cut -d' ' -f1)"
mkdir "$image/$layer_sha"
mv "$image/layer.tar" "$image/$layer_sha/layer.tar"

created="$(date -u +%Y-%m-%dT%H:%M:%SZ)"
cat > "$image/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"$created",
 "config":{"Env":["PATH=$java_home/bin:/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin",
                  "JAVA_HOME=$java_home","LANG=C.UTF-8"],
           "User":"$uid:$uid","WorkingDir":"/"},
 "rootfs":{"type":"layers","diff_ids":["sha256:$layer_sha"]},
 "history":[{"created":"$created","created_by":"images/build-base-image.sh: debootstrap $suite + openjdk-17-jre-headless"}]}
JSON
config_sha="$(sha256sum "$image/config.json" | cut -d' ' -f1)"
mv "$image/config.json" "$image/$config_sha.json"
cat > "$image/manifest.json" <<JSON
[{"Config":"$config_sha.json","RepoTags":["$tag"],"Layers":["$layer_sha/layer.tar"]}]
JSON

mkdir -p "$(dirname "$out")"
tar -C "$image" -cf "$out.tmp" manifest.json "$config_sha.json" "$layer_sha"
mv "$out.tmp" "$out"
echo "base image: $out ($tag, $(du -h "$out" | cut -f1))"
