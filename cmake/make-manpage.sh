#!/usr/bin/env bash
# Writes the man page from the command line's own help: help2man turns `nightstretch --help`
# into NAME, SYNOPSIS, DESCRIPTION and OPTIONS; a COMMANDS section is made here from each
# command's `--help` (its usage line, what it does, its options); docs/nightstretch.h2m adds
# what --help lacks (exit status, environment, files, examples). Then gzip -9n, reproducibly.
# Usage: make-manpage.sh NIGHTSTRETCH INCLUDE.h2m OUTPUT.1
set -euo pipefail
binary="$1"
include="$2"
output="$3"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
export NIGHTSTRETCH_HOME="$work/home" # --help reads nothing, but never the builder's own files

# roff-safe text: backslashes and hyphens escaped, no line starting with a dot or quote.
roff() { sed -e 's/\\/\\e/g' -e 's/-/\\-/g' -e 's/"/\\(dq/g' -e "s/^[.']/\\\\\\&&/"; }

{
    cat "$include"
    echo
    echo "[COMMANDS]"
    "$binary" --help | sed -n '/^Subcommands:/,$p' | sed -n 's/^  \([a-z][a-z-]*\) .*/\1/p' |
        while read -r command; do
            help="$("$binary" "$command" --help)"
            usage="$(sed -n 's/^Usage: //p' <<<"$help" | head -1)"
            echo ".SS \"$(roff <<<"$usage")\""
            head -1 <<<"$help" | roff
            # Option lines: "  NAME    DESCRIPTION", or NAME alone with the description below.
            # (a command with only --help leaves grep nothing: not an error)
            sed -n '/^\(Options\|Positionals\):/,$p' <<<"$help" | { grep -v -e '^[A-Z]' \
                -e '^ *-h,--help ' -e '^$' || true; } | awk '
                /^  [^ ]/ {
                    if (name != "") print name "\t" text
                    line = substr($0, 3)
                    split(line, parts, /  +/)
                    name = parts[1]; text = ""
                    rest = substr(line, length(name) + 1); sub(/^ +/, "", rest)
                    text = rest
                    next
                }
                { sub(/^ +/, ""); text = (text == "" ? $0 : text " " $0) }
                END { if (name != "") print name "\t" text }' |
                while IFS=$'\t' read -r name text; do
                    echo ".TP"
                    echo ".B $(roff <<<"$name")"
                    roff <<<"$text"
                done
        done
} >"$work/include.h2m"

help2man --no-info --no-discard-stderr --section 1 \
    --name "bedtime stretching coach against night leg cramps" \
    --include "$work/include.h2m" --output "$output" "$binary"
gzip -9nkf "$output"
