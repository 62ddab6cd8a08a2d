#!/usr/bin/env bash
# The README's test command: installs what the tests need, then runs the whole suite.
# Debian packages (the AWS CLI v2, tmux, zsh and fish) are installed only when missing, as root directly or
# through sudo otherwise. moto, boto3 and botocore come with the machine image's Python.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
dpkg -s awscli >/dev/null 2>&1 || need_apt+=(awscli)
command -v tmux >/dev/null 2>&1 || need_apt+=(tmux)
# Completion and shell-init are tested in real zsh and fish too.
command -v zsh >/dev/null 2>&1 || need_apt+=(zsh)
command -v fish >/dev/null 2>&1 || need_apt+=(fish)
if [ ${#need_apt[@]} -gt 0 ]; then
  as_root=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "ERROR: installing ${need_apt[*]} needs root, and sudo is not installed" >&2; exit 1; }
    as_root=(sudo)
  fi
  echo "installing Debian packages: ${need_apt[*]}"
  "${as_root[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${as_root[@]}" apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

if ! python3 -c 'import moto, boto3, botocore' 2>/dev/null; then
  echo "ERROR: python3 with moto, boto3 and botocore is required for the integration tests (moto 5.2.1 is on this machine image)." >&2
  exit 1
fi

npm ci --no-audit --no-fund
npm test
