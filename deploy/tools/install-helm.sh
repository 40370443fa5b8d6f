#!/usr/bin/env bash
# Install helm, for rendering deploy/helm/newswatch in tests/deploy/test_helm.py.
#
# Built from its Go module with the local Go toolchain (the Go module proxy is reachable
# where GitHub release downloads are not), like install-kustomize.sh. Pinned so the chart is
# checked by the same helm everywhere. A few minutes on 2 cores; a no-op when installed.
#
#   bash deploy/tools/install-helm.sh                 # -> /usr/local/bin/helm
#   HELM_BIN_DIR=~/.local/bin bash deploy/tools/install-helm.sh
set -euo pipefail

version="${HELM_VERSION:-v3.19.5}"
bin_dir="${HELM_BIN_DIR:-/usr/local/bin}"
target="$bin_dir/helm"

if [[ -x "$target" ]] && "$target" version --short 2>/dev/null | grep -q "${version}"; then
  echo "helm ${version} already installed at $target"
  exit 0
fi
command -v go >/dev/null || { echo "install-helm: Go toolchain not found" >&2; exit 1; }

mkdir -p "$bin_dir"
# GOBIN puts the binary straight where we want it; CGO off for a static binary.
CGO_ENABLED=0 GOBIN="$bin_dir" go install "helm.sh/helm/v3/cmd/helm@${version}"
"$target" version --short
