#!/usr/bin/env bash
# Installs what some integration tests use beside what Maven brings:
#   go-sendxmpp  a standard XMPP client (StandardClientTest); without it that test is skipped locally
#   node, npm    Node.js, and with npm ci the packages of integration-tests/src/test/node: xmpp.js, a third-party
#                XMPP client library (XmppJsClientTest); without them that test is skipped locally, fails in CI
#   turnserver   coturn, a real STUN/TURN server the tests start with a config of their own
#                (dev-server's io.chatapp.devserver.turn.CoturnServer; ExternalServices*Test)
# Run as root or with sudo available. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v go-sendxmpp >/dev/null 2>&1 || packages+=(go-sendxmpp)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v turnserver >/dev/null 2>&1 || packages+=(coturn)

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ${#packages[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# The exact versions of package-lock.json, from the npm registry.
(cd integration-tests/src/test/node && npm ci --no-audit --no-fund --loglevel=error)
