#!/usr/bin/env bash
# Build comparison (issue 17, point 4): the wall time to generate and compile the four clients with this
# project's generator (`mvn -o install -DskipTests` of the four client modules) against openapi-generator
# 7.25.0's stock `java` generator (default library, okhttp-gson) building the same four specs
# (benchmarks/build-compare/pom.xml, output in its modules' target/ only), side by side on this machine.
#
#   benchmarks/build-compare.sh [RUNS] [RESULTS_FILE]      (defaults: 3, benchmarks/BUILD-RESULTS.md)
#
# Each round builds every variant once from clean module target/ directories, in an order shuffled per
# round; a first untimed round of each warms the local repository and the page cache. Variants:
#   ours        mvn -o install -DskipTests -pl <4 client modules>   (as the issue states it: generation,
#               compilation of main and test sources - our 474 generated contract tests are test sources -,
#               jars, install)
#   ours-main   the same with -Dmaven.test.skip=true (no test sources: like for like with stock)
#   stock       mvn -o install -DskipTests in benchmarks/build-compare (4 modules, no tests generated)
# Neither side builds -sources.jar / -javadoc.jar: ours builds them only when the tests run or with -Prelease
# (root pom.xml), the stock module never. Wall time is the measure; the CPU time (user + sys of the Maven
# process) is recorded beside it, as it is less disturbed by other load on the machine.
# Prints "RATIO r1 r2 ..." (ours/stock per round) for RunAll, and writes a markdown results file.
set -euo pipefail

runs=${1:-3}
root=$(cd "$(dirname "$0")/.." && pwd)
out=${2:-$root/benchmarks/BUILD-RESULTS.md}
clients=targeting-client,socialhub-client,contacthub-client,contactflow-client
stock_dir=$root/benchmarks/build-compare
log=$(mktemp -t martech-build-compare.XXXXXX)

ours_clean() {
  rm -rf "$root"/targeting-client/target "$root"/socialhub-client/target "$root"/contacthub-client/target \
    "$root"/contactflow-client/target
}
stock_clean() {
  rm -rf "$stock_dir"/*/target "$stock_dir"/target
}

build() { # variant -> "wall_seconds cpu_seconds" on stdout
  local variant=$1 TIMEFORMAT='%R %U %S' t
  case $variant in
    ours | ours-main) ours_clean ;;
    stock) stock_clean ;;
  esac
  t=$( { time (
    case $variant in
      ours) cd "$root" && mvn -B -q -o install -DskipTests -pl "$clients" ;;
      ours-main) cd "$root" && mvn -B -q -o install -Dmaven.test.skip=true -pl "$clients" ;;
      stock) cd "$stock_dir" && mvn -B -q -o install -DskipTests -Dspecs.dir="$root/specs" ;;
    esac >>"$log" 2>&1
  ) ; } 2>&1 ) || { echo "the $variant build failed: see $log" >&2; return 1; }
  set -- $t
  echo "$1 $(echo "$2 + $3" | bc)"
}

load() { cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?"; }

started=$(date -u +%Y-%m-%dT%H:%M:%SZ)
load_start=$(load)
echo "prerequisites: parent, specs, codegen and sdk-core installed (untimed)"
(cd "$root" && mvn -B -q -o install -DskipTests -N && mvn -B -q -o install -DskipTests -pl specs,codegen,sdk-core,contract-testkit -am) >>"$log" 2>&1 \
  || (cd "$root" && mvn -B -q install -DskipTests -pl specs,codegen,sdk-core,contract-testkit -am) >>"$log" 2>&1
echo "warm-up round (untimed, may download the stock side's dependencies)"
(cd "$stock_dir" && mvn -B -q install -DskipTests -Dspecs.dir="$root/specs") >>"$log" 2>&1
build ours >/dev/null

declare -A times cpus
ratios=()
ratios_main=()
cpu_ratios=()
cpu_ratios_main=()
ratio() { printf '%.4f' "$(echo "scale=6; $1 / $2" | bc)"; }
for ((i = 1; i <= runs; i++)); do
  order=$(printf 'ours\nours-main\nstock\n' | shuf)
  for v in $order; do
    # A failed build would be fast: stop rather than record it.
    t=$(build "$v") || exit 1
    read -r wall cpu <<<"$t"
    times[$v,$i]=$wall
    cpus[$v,$i]=$cpu
    echo "round $i $v ${wall} s (cpu ${cpu} s)"
  done
  ratios+=("$(ratio "${times[ours,$i]}" "${times[stock,$i]}")")
  ratios_main+=("$(ratio "${times[ours-main,$i]}" "${times[stock,$i]}")")
  cpu_ratios+=("$(ratio "${cpus[ours,$i]}" "${cpus[stock,$i]}")")
  cpu_ratios_main+=("$(ratio "${cpus[ours-main,$i]}" "${cpus[stock,$i]}")")
done
load_end=$(load)

table() { # unit, then the names of: seconds by variant,round; ours/stock ratios; ours-main/stock ratios
  local unit=$1 i
  local -n secs=$2 r=$3 rm=$4
  echo "| round | ours $unit | ours-main $unit | stock $unit | ours/stock | ours-main/stock |"
  echo "| ---: | ---: | ---: | ---: | ---: | ---: |"
  for ((i = 1; i <= runs; i++)); do
    printf '| %d | %.1f | %.1f | %.1f | %s | %s |\n' "$i" "${secs[ours,$i]}" "${secs[ours-main,$i]}" "${secs[stock,$i]}" \
      "${r[$((i - 1))]}" "${rm[$((i - 1))]}"
  done
}

interval() { # ratios -> "mean [lo, hi]" via the harness's Stats, if compiled
  local cp=$root/benchmarks/target/classes
  if [ -d "$cp/dev/martech/bench" ] && [ $# -ge 2 ]; then java -cp "$cp" dev.martech.bench.Stats "$@"; else echo "n/a (fewer than 2 rounds)"; fi
}

{
  echo "# Build comparison: our generator vs the stock openapi-generator"
  echo
  echo "Written by \`benchmarks/build-compare.sh $runs\`; do not edit by hand."
  echo
  echo "| | |"
  echo "| --- | --- |"
  echo "| date | $started |"
  echo "| machine | $(nproc) CPUs, $(grep -m1 'model name' /proc/cpuinfo | sed 's/.*: //') |"
  echo "| load average (start / end) | $load_start / $load_end |"
  echo "| JDK | $(java -version 2>&1 | head -1) |"
  echo "| Maven | $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g') |"
  echo
  echo "Wall seconds per build from clean module \`target/\` directories, local repository warm, offline; $runs round(s),"
  echo "order shuffled per round. **ours**: \`mvn -o install -DskipTests -pl $clients\` (our generator, our"
  echo "templates; compiles main sources and the 474 generated contract tests). **ours-main**: the same with"
  echo "\`-Dmaven.test.skip=true\`. **stock**: openapi-generator 7.25.0 \`java\`, default library (okhttp-gson), the"
  echo "same four specs, one module each, API/model tests and docs off (\`benchmarks/build-compare/pom.xml\`)."
  echo "Both sides generate, compile, jar and install; neither builds sources or Javadoc jars (ours builds them when"
  echo "the tests run or with \`-Prelease\`; see benchmarks/README.md)."
  echo
  table s times ratios ratios_main
  echo
  echo "ours/stock: $(interval "${ratios[@]}"); ours-main/stock: $(interval "${ratios_main[@]}") (geometric mean [95 % interval])."
  echo
  echo "CPU seconds (user + sys of the Maven process) of the same builds:"
  echo
  table "cpu s" cpus cpu_ratios cpu_ratios_main
  echo
  echo "CPU ours/stock: $(interval "${cpu_ratios[@]}"); ours-main/stock: $(interval "${cpu_ratios_main[@]}")."
} >"$out"
echo "RATIO ${ratios[*]}"
echo "RATIO_MAIN ${ratios_main[*]}"
echo "RATIO_CPU ${cpu_ratios[*]}"
echo "RATIO_CPU_MAIN ${cpu_ratios_main[*]}"
echo "wrote $out (maven log: $log)"
