#!/usr/bin/env bash
# Packs QualityGate and QualityGate.Tool into a local NuGet feed (default: ~/.qualitygate/feed), for projects that
# use them before they are published. Prints the lines that point a project at the feed.
set -euo pipefail
feed="${1:-$HOME/.qualitygate/feed}"
repo="$(cd "$(dirname "$0")/.." && pwd)"
mkdir -p "$feed"
feed="$(cd "$feed" && pwd)"
dotnet pack "$repo/src/QualityGate.Package" -c Release -o "$feed" -nologo -v:q
dotnet pack "$repo/src/QualityGate.Tool" -c Release -o "$feed" -nologo -v:q
version="$(dotnet msbuild "$repo/src/QualityGate.Package" -getProperty:Version -nologo)"
cat <<TEXT
QualityGate $version packed into $feed
In your repository (once):
  dotnet new nugetconfig                                   # if there is no nuget.config yet
  dotnet nuget add source "$feed" --name qualitygate --configfile nuget.config
In a test project:
  dotnet add package QualityGate --version $version
For the tool:
  dotnet new tool-manifest                                 # if there is no dotnet-tools.json yet
  dotnet tool install QualityGate.Tool --version $version
TEXT
