#!/usr/bin/env bash
# Runs clang-tidy (.clang-tidy) over every tracked non-test C++ source, two at a time.
# Usage: check_tidy.sh BUILD_DIR (needs its compile_commands.json).
#
# A file whose preprocessed text (the file with every header it includes, after macros), clang-tidy
# version and .clang-tidy are unchanged since it last passed is not checked again: clang-tidy's
# verdict depends on nothing else. The verdicts are kept in $CODEFLIX_TIDY_CACHE (default
# ~/.cache/codeflix-tidy), as ccache keeps objects; delete it to check everything afresh.
set -euo pipefail
build_dir=$(cd "${1:?usage: check_tidy.sh BUILD_DIR}" && pwd)
cd "$(dirname "${BASH_SOURCE[0]}")/.."
mapfile -t files < <(git ls-files -- 'libs/*/src/*.cpp' 'services/*/src/*.cpp' 'services/*/src/*/*.cpp' 'services/*/main.cpp')
if ((${#files[@]} == 0)); then
    echo "no C++ files found (is this a git checkout?)" >&2
    exit 1
fi
cache=${CODEFLIX_TIDY_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/codeflix-tidy}
mkdir -p "$cache"
# The preprocessing command of each file, from the compile database (its own flags, -E -P).
python3 - "$build_dir/compile_commands.json" "$PWD" "${files[@]}" >"$build_dir/tidy-preprocess.txt" <<'PY'
import json, shlex, sys, os
entries = {os.path.realpath(e["file"]): e for e in json.load(open(sys.argv[1]))}
root = sys.argv[2]
for name in sys.argv[3:]:
    entry = entries.get(os.path.realpath(os.path.join(root, name)))
    if entry is None:
        print(f"{name}\t")
        continue
    args = shlex.split(entry["command"]) if "command" in entry else entry["arguments"]
    out, skip = [], False
    for arg in args:
        if skip:
            skip = False
            continue
        if arg in ("-o", "-MF", "-MT", "-MQ"):
            skip = True
            continue
        if arg in ("-c", "-MD", "-MMD") or arg == "ccache":
            continue
        out.append(arg)
    out += ["-E", "-P", "-o", "-"]
    print(f"{name}\tcd {shlex.quote(entry['directory'])} && {shlex.join(out)}")
PY
salt=$( (clang-tidy --version; cat .clang-tidy) | sha256sum | cut -c1-64)

# check_one FILE PREPROCESS: clang-tidy FILE unless a pass with the same inputs is cached.
check_one() {
    local file=$1 preprocess=$2 key=""
    if [[ -n $preprocess ]] && key=$( (echo "$TIDY_SALT"; bash -c "$preprocess" 2>/dev/null) | sha256sum | cut -c1-64) &&
        [[ -e $TIDY_CACHE/$key ]]; then
        return 0
    fi
    clang-tidy -p "$TIDY_BUILD" --quiet --extra-arg=-Wno-unknown-warning-option "$file" || return 1
    [[ -n $key ]] && touch "$TIDY_CACHE/$key"
    return 0
}
export -f check_one
export TIDY_SALT=$salt TIDY_CACHE=$cache TIDY_BUILD=$build_dir
# GCC-only warning flags in the compile commands are not clang-tidy's business.
tr '\t' '\n' <"$build_dir/tidy-preprocess.txt" | xargs -d '\n' -P2 -n2 bash -c 'check_one "$1" "$2"' _
echo "clang-tidy: ${#files[@]} files clean"
