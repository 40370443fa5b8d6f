#!/usr/bin/env bash
# Install the Docker Compose v2 CLI plugin, for validating docker-compose.yml
# (`docker compose config`) on machines that have the docker client but no Compose.
#
# Compose is a Go program; it is built from its Go module with the local Go toolchain
# (`go install pkg@version` refuses this module because its go.mod has `exclude`
# directives, so the module is downloaded and built in a scratch directory instead).
# Takes ~2-3 minutes on 2 cores the first time; a no-op when the right version is there.
#
#   bash deploy/tools/install-compose.sh            # -> /usr/local/lib/docker/cli-plugins
#   COMPOSE_PLUGIN_DIR=~/.docker/cli-plugins bash deploy/tools/install-compose.sh
set -euo pipefail

version="${COMPOSE_VERSION:-v2.40.3}"
plugin_dir="${COMPOSE_PLUGIN_DIR:-/usr/local/lib/docker/cli-plugins}"
target="$plugin_dir/docker-compose"

if [[ -x "$target" ]] && "$target" version 2>/dev/null | grep -q "${version}"; then
  echo "docker compose ${version} already installed at $target"
  exit 0
fi
command -v go >/dev/null || { echo "install-compose: Go toolchain not found" >&2; exit 1; }

module="github.com/docker/compose/v2"
src_dir="$(go mod download -json "${module}@${version}" | sed -n 's/^[[:space:]]*"Dir": "\(.*\)",$/\1/p')"
[[ -d "$src_dir" ]] || { echo "install-compose: could not download ${module}@${version}" >&2; exit 1; }

work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cp -r "$src_dir" "$work/src"     # the module cache is read-only
chmod -R u+w "$work/src"
(
  cd "$work/src"
  CGO_ENABLED=0 go build -trimpath \
    -ldflags "-s -w -X ${module}/internal.Version=${version}" \
    -o "$work/docker-compose" ./cmd
)
install -D -m 0755 "$work/docker-compose" "$target"
"$target" version
