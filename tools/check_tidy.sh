#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over every tracked non-test C++ source, two at a time.
# Usage: check_tidy.sh BUILD_DIR (needs its compile_commands.json).
set -euo pipefail
build_dir=${1:?usage: check_tidy.sh BUILD_DIR}
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files -- 'libs/*/src/*.cpp' 'services/*/src/*.cpp' 'services/*/src/*/*.cpp' 'services/*/main.cpp')
if ((${#files[@]} == 0)); then
    echo "no C++ files found (is this a git checkout?)" >&2
    exit 1
fi
# GCC-only warning flags in the compile commands are not clang-tidy's business.
printf '%s\n' "${files[@]}" |
    xargs -P2 -n1 clang-tidy -p "$build_dir" --quiet --extra-arg=-Wno-unknown-warning-option
echo "clang-tidy: ${#files[@]} files clean"
