#!/usr/bin/env bash
# Regenerates the expected outputs (*.out) of the end-to-end programs with the reference gc toolchain.
# Usage: test/data/run/regen.sh [FILE.go...]   (needs /usr/lib/go-1.19/bin/go, Debian golang-1.19-go)
# Programs may import the packages of the GOPATH ./gopath (GOPATH mode).
set -euo pipefail
GO=${GO:-/usr/lib/go-1.19/bin/go}
cd "$(dirname "$0")"
export GO111MODULE=off GOPATH="$PWD/gopath"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
files=("$@")
[ ${#files[@]} -gt 0 ] || files=(*.go)
for f in "${files[@]}"; do
	b=${f%.go}
	"$GO" build -trimpath -o "$tmp/$b" "$f"
	set +e
	(cd "$tmp" && ./"$b" >"$b.stdout" 2>"$b.stderr")
	code=$?
	set -e
	{
		echo "--- stdout"
		cat "$tmp/$b.stdout"
		echo "--- stderr"
		cat "$tmp/$b.stderr"
		echo "--- exit $code"
	} >"$b.out"
done
