#!/usr/bin/env bash
# Installs the Debian packages some integration tests use beside what Maven brings:
#   go-sendxmpp  a standard XMPP client (StandardClientTest); without it that test is skipped locally
# Run as root or with sudo available. Idempotent.
set -euo pipefail

packages=()
command -v go-sendxmpp >/dev/null 2>&1 || packages+=(go-sendxmpp)
[ ${#packages[@]} -eq 0 ] && exit 0

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
as_root apt-get update -qq
as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
