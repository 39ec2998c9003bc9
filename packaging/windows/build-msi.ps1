# Builds the Windows installer of Opaline: Opaline-<version>.msi in installer\target\msi.
# Needs, on Windows x64: a JDK 17 (jdeps, jlink, jpackage on the PATH), Maven 3.8+, and the
# WiX Toolset 3.11+ (heat, candle, light; $env:WIX is set by its installer).
#   powershell -ExecutionPolicy Bypass -File packaging\windows\build-msi.ps1
# Same steps as installer/build-deb.sh: jlink runtime, jpackage app-image, then the package.
param(
    [string]$WixBin = $(if ($env:WIX) { Join-Path $env:WIX 'bin' } else { '' }),
    [switch]$SkipBuild
)
$ErrorActionPreference = 'Stop'
$root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
Set-Location $root

function Invoke-Tool([string]$tool, [string[]]$arguments) {
    & $tool @arguments
    if ($LASTEXITCODE -ne 0) { throw "$tool a échoué (code $LASTEXITCODE)" }
}

foreach ($tool in 'jdeps', 'jlink', 'jpackage', 'mvn') {
    if (-not (Get-Command $tool -ErrorAction SilentlyContinue)) { throw "$tool introuvable sur le PATH (JDK 17 et Maven requis)" }
}
if (-not $WixBin -or -not (Test-Path (Join-Path $WixBin 'candle.exe'))) {
    throw 'WiX Toolset 3 introuvable : installez-le (https://wixtoolset.org) ou passez -WixBin <dossier bin>'
}

$version = ([xml](Get-Content (Join-Path $root 'pom.xml'))).project.version
$appVersion = ($version -split '-')[0]
if (-not $SkipBuild) { Invoke-Tool 'mvn' @('-B', '-q', '-DskipTests', '-pl', 'app', '-am', 'package') }

$out = Join-Path $root 'installer\target\msi'
if (Test-Path $out) { Remove-Item -Recurse -Force $out }
New-Item -ItemType Directory -Path (Join-Path $out 'input\lib') | Out-Null
Copy-Item (Join-Path $root 'app\target\opaline.jar') (Join-Path $out 'input')
Copy-Item (Join-Path $root 'app\target\lib\*.jar') (Join-Path $out 'input\lib')

# 1. Runtime: the modules jdeps finds, plus those reached through services (see build-deb.sh).
$services = 'jdk.crypto.ec,jdk.crypto.cryptoki,jdk.crypto.mscapi,jdk.localedata,jdk.charsets,jdk.zipfs,jdk.naming.dns,java.security.jgss,java.security.sasl,jdk.security.auth,jdk.net,java.net.http,jdk.management,jdk.unsupported,jdk.httpserver,java.naming,java.sql,java.xml.crypto'
$linked = (& jdeps --multi-release 17 --ignore-missing-deps --print-module-deps --class-path (Join-Path $out 'input\lib\*') (Join-Path $out 'input\opaline.jar') | Select-Object -Last 1)
$modules = (($linked -split ',') + ($services -split ',') | Where-Object { $_ } | Sort-Object -Unique) -join ','
Write-Host "Modules du runtime : $modules"
Invoke-Tool 'jlink' @('--add-modules', $modules, '--output', (Join-Path $out 'runtime'), '--strip-debug',
    '--no-header-files', '--no-man-pages', '--include-locales=fr,en', '--compress=1')

# 2. App-image: "opaline.exe" (console: the opaline command) and "OpalineDesktop.exe" (the workstation).
$icon = Join-Path $root 'packaging\icons\opaline.ico'
$desktop = Join-Path $out 'desktop-launcher.properties'
Set-Content -Path $desktop -Encoding ASCII -Value @('arguments=desktop', 'win-console=false', ('icon=' + $icon.Replace('\', '\\')))
Invoke-Tool 'jpackage' @('--type', 'app-image', '--dest', (Join-Path $out 'image'), '--name', 'opaline',
    '--app-version', $appVersion, '--vendor', 'Opaline', '--copyright', 'Opaline',
    '--description', "Opaline RIS - système d'information de radiologie",
    '--input', (Join-Path $out 'input'), '--main-jar', 'opaline.jar', '--main-class', 'fr.opaline.app.Main',
    '--runtime-image', (Join-Path $out 'runtime'), '--icon', $icon, '--win-console',
    '--add-launcher', "OpalineDesktop=$desktop", '--java-options', '-Dfile.encoding=UTF-8', '--java-options', '-XX:+ExitOnOutOfMemoryError')
$image = Join-Path $out 'image\opaline'

# 3. MSI: heat harvests the app-image (stable component GUIDs with -ag), candle and light link it
#    with opaline.wxs (product, shortcuts, configuration) and system-integration.wxs (PATH, server task).
$heat = Join-Path $WixBin 'heat.exe'; $candle = Join-Path $WixBin 'candle.exe'; $light = Join-Path $WixBin 'light.exe'
Invoke-Tool $heat @('dir', $image, '-nologo', '-cg', 'OpalineFiles', '-dr', 'INSTALLDIR', '-ag', '-srd', '-sreg',
    '-scom', '-sfrag', '-var', 'var.AppImage', '-out', (Join-Path $out 'files.wxs'))
Invoke-Tool $candle @('-nologo', '-arch', 'x64', '-ext', 'WixUtilExtension', "-dVersion=$appVersion",
    "-dAppImage=$image", ('-dPackaging=' + (Join-Path $root 'packaging')), '-out', ($out + '\'),
    (Join-Path $root 'packaging\windows\opaline.wxs'), (Join-Path $root 'packaging\windows\system-integration.wxs'),
    (Join-Path $out 'files.wxs'))
$msi = Join-Path $out "Opaline-$appVersion.msi"
Invoke-Tool $light @('-nologo', '-ext', 'WixUtilExtension', '-cultures:fr-fr', '-out', $msi,
    (Join-Path $out 'opaline.wixobj'), (Join-Path $out 'system-integration.wixobj'), (Join-Path $out 'files.wixobj'))
Write-Host "Paquet Windows : $msi"
