# SPDX-License-Identifier: GPL-3.0-or-later
# shellcheck shell=bash
# .ci/lib.sh: sourced by .ci/test and .ci/start-app. ci_build [OPTION…] configures the build
# directory _build with the meson options given (reconfiguring it when it exists, wiping it when
# that fails) and compiles. ci_build_clang configures _build-clang with clang and --werror and
# compiles it: a second compiler's warnings, not a second test run.

ci_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

ci_build() {
  cd "$ci_root" || return 1
  if [ -f _build/meson-private/coredata.dat ]; then
    if ! meson setup --reconfigure "$@" _build; then
      echo "ci: reconfiguring _build failed; wiping it" >&2
      meson setup --wipe "$@" _build || return 1
    fi
  else
    rm -rf _build # not a meson build directory (or a broken one)
    meson setup "$@" _build || return 1
  fi
  meson compile -C _build || return 1
}

ci_build_clang() {
  cd "$ci_root" || return 1
  rm -rf _build-clang
  CC=clang meson setup --werror -De2e=false -Dpostgresql=disabled _build-clang || return 1
  meson compile -C _build-clang || return 1
}
