# Sourced by the benchmarks that drive the real UI on a pty (bench/search/ui.sh,
# bench/quiz/run.sh, bench/first-frame/run.sh), with their arguments: installs pexpect and pyte (pip) when missing, and
# sets `binary` (the static release build, built here by scripts/build-release.sh, unless
# `--binary PATH` is given) and `args`
# (the other arguments). Expects `root`, the checkout.
python3 -c 'import pexpect' 2>/dev/null || python3 -m pip install pexpect
python3 -c 'import pyte' 2>/dev/null || python3 -m pip install pyte

binary=""
args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --binary) binary="$2"; shift 2 ;;
    *) args+=("$1"); shift ;;
  esac
done
if [ -z "$binary" ]; then
  # The static release build, as deployed (scripts/build-release.sh).
  binary="$(bash "$root/scripts/build-release.sh")"
fi
