#!/usr/bin/env bash
# The container image's own files, built from this machine's JDK so that no base image is pulled:
#   /opt/java   a runtime made by jlink with only the modules the server needs (no JDK)
#   /bin/sh     Debian's static busybox, for health checks written in shell form
#   /lib...     the shared libraries that runtime's binaries load, as ldd finds them here
#   /etc/passwd the server's user (uid 65532), so that the JVM and the logs can name it
#   /data       the database directory (the volume), /tmp the JVM's temporary directory
# Jib then layers these under the server's own jars (impl/pom.xml, profile "container").
# Usage: rootfs.sh OUTPUT_DIR [JAVA_HOME]
set -euo pipefail
out=$1
java_home=${2:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}

# The modules the server's jars use (java.desktop for java.beans only; java.security.jgss and
# java.naming for the PostgreSQL driver), plus jdk.management for the JVM metrics and the
# class-data archive's diagnostic command, and jdk.crypto.ec for TLS to PostgreSQL. ContainerIT
# runs every kind of request through the image, so a module missing here fails the build.
modules=java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.transaction.xa,java.xml,jdk.crypto.ec,jdk.management,jdk.unsupported

rm -rf "$out"
mkdir -p "$out"
# quiet on success (a quiet build stays quiet); jlink's own output is shown when it fails
if ! "$java_home/bin/jlink" --add-modules "$modules" --output "$out/opt/java" \
    --strip-debug --no-header-files --no-man-pages --compress=2 > "$out.log" 2>&1; then
  cat "$out.log" >&2
  exit 1
fi

# no default class-data archive (jlink's --generate-cds-archive): train.sh gives the image one
# archive of the JDK's and the server's classes together, which the entrypoint names.
# The JVM's symbols are for debuggers, which the image has none of: 4 MB less.
if command -v strip >/dev/null 2>&1; then
  chmod u+w "$out/opt/java/lib/server/libjvm.so"
  strip --strip-unneeded "$out/opt/java/lib/server/libjvm.so"
fi

# java.desktop is there for java.beans, which Jersey and HK2 use; its native AWT, sound and image
# libraries are never loaded by a server, and would pull X11, ALSA and font libraries in below
rm -f "$out"/opt/java/lib/lib{awt,awt_headless,awt_xawt,fontmanager,javajpeg,jsound,lcms,mlib_image,splashscreen}.so

# every library the runtime's binaries need, at the path the dynamic loader looks for it
{
  echo "$out/opt/java/bin/java"
  find "$out/opt/java/lib" -name '*.so'
} | while read -r binary; do
  ldd "$binary" 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/[^ ]+ \(/ { print $1 }'
done | sort -u | while read -r library; do
  case "$library" in "$out"/*) continue ;; esac   # the runtime's own
  mkdir -p "$out$(dirname "$library")"
  cp -L "$library" "$out$library"
done

# a static shell at /bin/sh, and nothing else of one: Docker's and GitHub Actions'
# --health-cmd, and compose's CMD-SHELL, run a health check through /bin/sh -c
busybox=$(command -v busybox || true)
linkage=$( [ -n "$busybox" ] && ldd "$busybox" 2>&1 || true)   # ldd exits 1 for a static binary
if [ -z "$busybox" ] || [[ "$linkage" != *"not a dynamic executable"* ]]; then
  echo "rootfs.sh: the image's /bin/sh is a static busybox, and none is installed here:" \
    "apt-get install busybox-static" >&2
  exit 1
fi
mkdir -p "$out/bin"
cp -L "$busybox" "$out/bin/sh"

mkdir -p "$out/etc" "$out/data" "$out/tmp"
echo "root:x:0:0:root:/:/sbin/nologin" > "$out/etc/passwd"
echo "modelarts:x:65532:65532:ModelArts image server:/data:/sbin/nologin" >> "$out/etc/passwd"
echo "root:x:0:" > "$out/etc/group"
echo "modelarts:x:65532:" >> "$out/etc/group"
echo "rootfs: $(du -sh "$out" | cut -f1) in $out (runtime modules: $modules)" >> "$out.log"
