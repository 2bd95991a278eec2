#!/usr/bin/env bash
set -euo pipefail
cd "$(dirname "$0")"
# `dotnet run` evaluates the whole build (~2.4 s) on every run; build only when a source is newer than the last build's
# start (recorded in the stamp), then run the built host.
stamp=build/obj/build-sh.stamp
if [[ ! -f $stamp || -n $(find build src global.json Directory.Build.props Directory.Packages.props \( -name bin -o -name obj \) -prune -o -newer "$stamp" -print -quit) ]]; then
  mkdir -p build/obj && touch "$stamp.new"
  out=$(dotnet build build/Build.csproj -nologo -v q -tl:off 2>&1) || { echo "$out" >&2; exit 1; }
  mv "$stamp.new" "$stamp"
fi
exec dotnet build/bin/Debug/net10.0/Build.dll "$@"
