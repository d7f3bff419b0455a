# shellcheck shell=bash
# .ci/lib.sh: sourced by .ci/test and .ci/start-app. ci_build configures the build directory
# _build (reconfiguring it when it exists, wiping it when that fails) and compiles.

ci_root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

ci_build() {
  cd "$ci_root" || return 1
  if [ -f _build/meson-private/coredata.dat ]; then
    if ! meson setup --reconfigure _build; then
      echo "ci: reconfiguring _build failed; wiping it" >&2
      meson setup --wipe _build || return 1
    fi
  else
    rm -rf _build # not a meson build directory (or a broken one)
    meson setup _build || return 1
  fi
  meson compile -C _build || return 1
}
