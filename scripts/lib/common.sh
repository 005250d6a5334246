# Shared by scripts/demo and scripts/test: the Debian packages Greenlight needs and how they are installed.
# Only Debian 12 packages, always with --no-install-recommends; nothing else is downloaded.

# To build everything (core, console, CLI, sandbox tools, benchmarks, tests).
GL_BUILD_PACKAGES=(
    cmake ninja-build g++ pkg-config
    qt6-base-dev qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools
    qt6-charts-dev libqt6opengl6-dev qt6-svg-dev qt6-httpserver-dev qt6-websockets-dev
    libqt6sql6-sqlite qt6-qpa-plugins qt6-translations-l10n
    qtkeychain-qt6-dev libyaml-cpp-dev libssl-dev libsqlite3-dev
)
# To run the sandbox (real HAProxy and Prometheus on loopback).
GL_SANDBOX_PACKAGES=(haproxy prometheus)
# To run the tests: a private Secret Service, a virtual X server for screenshots, pdftotext, dpkg-shlibdeps.
GL_TEST_PACKAGES=(gnome-keyring dbus dbus-bin xvfb xauth dpkg-dev file poppler-utils socat clang-format)
# For bench/run-rollback-latency only: how operators roll back without Greenlight (socat per command, Ansible's
# community.general.haproxy module, which Debian's ansible package ships).
GL_BENCH_PACKAGES=(socat ansible)
# For the console on a desktop: a Korean font, and a keychain.
GL_DEMO_PACKAGES=(fonts-nanum gnome-keyring)

gl_log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }

# gl_install_missing PKG...: installs the packages that are not installed yet, with sudo when not root.
# Keeps Debian's maintainer scripts from starting haproxy/prometheus as system services (they would listen
# on all interfaces): a policy-rc.d that refuses service starts is in place while apt runs.
gl_install_missing() {
    local missing=() p
    for p in "$@"; do
        dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
    done
    [ ${#missing[@]} -eq 0 ] && return 0
    local sudo=()
    [ "$(id -u)" -ne 0 ] && sudo=(sudo)
    gl_log "installing Debian packages: ${missing[*]}"
    local made_policy=0
    if [ ! -e /usr/sbin/policy-rc.d ]; then
        printf '#!/bin/sh\nexit 101\n' | "${sudo[@]}" tee /usr/sbin/policy-rc.d >/dev/null
        "${sudo[@]}" chmod +x /usr/sbin/policy-rc.d
        made_policy=1
    fi
    local rc=0
    { "${sudo[@]}" apt-get update -qq &&
      "${sudo[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}"; } || rc=$?
    [ $made_policy -eq 1 ] && "${sudo[@]}" rm -f /usr/sbin/policy-rc.d
    if [ $rc -ne 0 ]; then
        gl_log "apt-get failed (exit $rc)"
        return $rc
    fi
    # On a machine booted with systemd, make sure the packaged services stay off.
    if [ -d /run/systemd/system ]; then
        for p in haproxy prometheus; do
            if printf '%s\n' "${missing[@]}" | grep -qx "$p"; then
                "${sudo[@]}" systemctl disable --now "$p" >/dev/null 2>&1 || true
            fi
        done
    fi
}

# gl_configure_and_build DIR BUILD_TYPE [cmake args...]: configures once, then builds incrementally.
gl_configure_and_build() {
    local dir=$1 type=$2
    shift 2
    if [ ! -f "$dir/build.ninja" ]; then
        gl_log "configuring $dir ($type)"
        cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE="$type" "$@" >/dev/null
    fi
    gl_log "building in $dir"
    cmake --build "$dir" -j"$(nproc)"
}
