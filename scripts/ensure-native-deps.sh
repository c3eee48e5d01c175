#!/usr/bin/env bash
# TorchSharp 0.107's native wrapper needs libstdc++ from GCC 13+ (symbol version GLIBCXX_3.4.32).
# Debian 12 ships GCC 12's; take libstdc++6 from Debian 13 ("trixie"), pinned low so nothing else moves.
# Idempotent: where the symbol is already present this prints one line and changes nothing.
set -euo pipefail

lib=/lib/x86_64-linux-gnu/libstdc++.so.6
has_symbol() { [ -e "$lib" ] && grep -qa 'GLIBCXX_3\.4\.32' "$lib"; }

if has_symbol; then
  echo "native deps: libstdc++ with GLIBCXX_3.4.32 present, nothing to install"
  exit 0
fi

if [ "$(id -u)" != 0 ]; then
  echo "native deps: $lib lacks GLIBCXX_3.4.32 (TorchSharp 0.107 needs GCC 13's libstdc++); run this script as root to install it" >&2
  exit 1
fi

. /etc/os-release
if [ "${ID:-}" != debian ]; then
  echo "native deps: $lib lacks GLIBCXX_3.4.32 and this is not Debian ($PRETTY_NAME); install libstdc++ from GCC 13 or newer" >&2
  exit 1
fi

echo "native deps: installing libstdc++6 from Debian 13 (trixie), pinned at priority 100, for TorchSharp 0.107"
if [ ! -f /etc/apt/sources.list.d/trixie.list ]; then
  echo 'deb http://deb.debian.org/debian trixie main' > /etc/apt/sources.list.d/trixie.list
fi
if [ ! -f /etc/apt/preferences.d/trixie-pin ]; then
  printf 'Package: *\nPin: release n=trixie\nPin-Priority: 100\n' > /etc/apt/preferences.d/trixie-pin
fi
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq >/dev/null
apt-get install -y -qq -t trixie libstdc++6 >/dev/null
if ! has_symbol; then
  echo "native deps: libstdc++6 from trixie installed but $lib still lacks GLIBCXX_3.4.32" >&2
  exit 1
fi
echo "native deps: done"
