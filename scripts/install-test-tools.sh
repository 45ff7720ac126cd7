#!/usr/bin/env bash
# Installs what some integration tests use beside what Maven brings:
#   go-sendxmpp  a standard XMPP client (StandardClientTest); without it that test is skipped locally
#   node, npm    Node.js, and with npm ci the packages of integration-tests/src/test/node: xmpp.js, a third-party
#                XMPP client library (XmppJsClientTest); without them that test is skipped locally, fails in CI
#   turnserver   coturn, a real STUN/TURN server the tests start with a config of their own
#                (dev-server's io.chatapp.devserver.turn.CoturnServer; ExternalServices*Test)
#   libpulse0 libudev1 libx11-6 libxfixes3 libxrandr2 libxcomposite1 libdbus-1-3
#                the shared libraries webrtc-java's native library links against (calls' media, even headless:
#                PeerSessionMediaTest, Call*Test)
#   iproute2     ip netns / ip link: Call*Test runs each call party in a network namespace of its own; tc (tbf):
#                CallMediaTest narrows a party's uplink to see the video adapt
# Run as root or with sudo available. Idempotent.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=()
command -v go-sendxmpp >/dev/null 2>&1 || packages+=(go-sendxmpp)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v turnserver >/dev/null 2>&1 || packages+=(coturn)
{ command -v ip && command -v tc; } >/dev/null 2>&1 || packages+=(iproute2)
for library in libpulse.so.0:libpulse0 libudev.so.1:libudev1 libX11.so.6:libx11-6 libXfixes.so.3:libxfixes3 \
    libXrandr.so.2:libxrandr2 libXcomposite.so.1:libxcomposite1 libdbus-1.so.3:libdbus-1-3; do
  ldconfig -p 2>/dev/null | grep -q "${library%%:*}" || packages+=("${library##*:}")
done

as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
if [ ${#packages[@]} -gt 0 ]; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}"
fi

# The exact versions of package-lock.json, from the npm registry.
(cd integration-tests/src/test/node && npm ci --no-audit --no-fund --loglevel=error)
