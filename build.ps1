$ErrorActionPreference = 'Stop'
Set-Location $PSScriptRoot
# `dotnet run` evaluates the whole build (~2.4 s) on every run; build only when a source is newer than the last build's
# start (recorded in the stamp), then run the built host. Keep in step with build.sh.
$stamp = 'build/obj/build-sh.stamp'
$since = if (Test-Path $stamp) { (Get-Item $stamp).LastWriteTimeUtc } else { [DateTime]::MinValue }
$changed = Get-ChildItem build, src, global.json, Directory.Build.props, Directory.Packages.props -Recurse -Force |
    Where-Object { $_.FullName -notmatch '[\\/](bin|obj)([\\/]|$)' -and $_.LastWriteTimeUtc -gt $since } | Select-Object -First 1
if ($changed) {
    New-Item -ItemType Directory -Force build/obj | Out-Null
    $started = [DateTime]::UtcNow
    $out = dotnet build build/Build.csproj -nologo -v q -tl:off 2>&1
    if ($LASTEXITCODE -ne 0) { $out | Write-Host; exit 1 }
    New-Item -ItemType File -Force $stamp | Out-Null
    (Get-Item $stamp).LastWriteTimeUtc = $started
}
dotnet build/bin/Debug/net10.0/Build.dll @args; exit $LASTEXITCODE
