#!/usr/bin/env bash
# Install kustomize, for rendering deploy/k8s in tests/deploy/test_k8s.py on machines that
# have neither kustomize nor kubectl (whose `kubectl kustomize` would do as well).
#
# Built from its Go module with the local Go toolchain (the Go module proxy is reachable
# where GitHub release downloads are not). Pinned because newer releases may require a
# newer Go than the machine has. ~1 minute on 2 cores; a no-op when already installed.
#
#   bash deploy/tools/install-kustomize.sh                 # -> /usr/local/bin/kustomize
#   KUSTOMIZE_BIN_DIR=~/.local/bin bash deploy/tools/install-kustomize.sh
set -euo pipefail

version="${KUSTOMIZE_VERSION:-v5.7.1}"
bin_dir="${KUSTOMIZE_BIN_DIR:-/usr/local/bin}"
target="$bin_dir/kustomize"

if [[ -x "$target" ]] && "$target" version 2>/dev/null | grep -q "${version}"; then
  echo "kustomize ${version} already installed at $target"
  exit 0
fi
command -v go >/dev/null || { echo "install-kustomize: Go toolchain not found" >&2; exit 1; }

mkdir -p "$bin_dir"
# GOBIN puts the binary straight where we want it; CGO off for a static binary.
CGO_ENABLED=0 GOBIN="$bin_dir" go install "sigs.k8s.io/kustomize/kustomize/v5@${version}"
"$target" version
