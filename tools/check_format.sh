#!/usr/bin/env bash
# Fails when a tracked C++ file differs from what clang-format (.clang-format) would write.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files -- 'libs/*.cpp' 'libs/*.hpp' 'services/*.cpp' 'services/*.hpp' 'bench/*.cpp')
if ((${#files[@]} == 0)); then
    echo "no C++ files found (is this a git checkout?)" >&2
    exit 1
fi
clang-format --dry-run --Werror "${files[@]}"
echo "clang-format: ${#files[@]} files formatted as .clang-format says"
