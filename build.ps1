$ErrorActionPreference = 'Stop'
# Relative paths the user gives (--report, --in-use-file) resolve against the folder the command was run from, not the checkout.
if (-not $env:ECRUTILS_CALLER_DIRECTORY) { $env:ECRUTILS_CALLER_DIRECTORY = (Get-Location).Path }
Set-Location $PSScriptRoot
# `dotnet run` evaluates the whole build (~2.4 s) on every run; build only when a source is newer than the last build's
# start (recorded in the stamp) or the host is missing, then run the built host (Release). Keep in step with build.sh.
$stamp = 'build/obj/build-sh.stamp'
$hostDll = 'build/bin/Release/net10.0/Build.dll'
$since = if ((Test-Path $stamp) -and (Test-Path $hostDll)) { (Get-Item $stamp).LastWriteTimeUtc } else { [DateTime]::MinValue }
$changed = Get-ChildItem build, src, build.ps1, global.json, Directory.Build.props, Directory.Packages.props -Recurse -Force |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' -and $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1
if ($changed) {
    New-Item -ItemType Directory -Force build/obj | Out-Null
    $started = [DateTime]::UtcNow
    $out = dotnet build build/Build.csproj -c Release -nologo -v q -tl:off 2>&1
    if ($LASTEXITCODE -ne 0) { $out | Write-Host; exit 1 }
    New-Item -ItemType File -Force $stamp | Out-Null
    (Get-Item $stamp).LastWriteTimeUtc = $started
}
dotnet $hostDll @args; exit $LASTEXITCODE
