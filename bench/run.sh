#!/usr/bin/env bash
# Speed benchmark (issue 6): replytally against the floor and against docx2python and pandoc.
#
#   bench/run.sh
#
# Builds the corpus (bench/corpus, 2,000 replies, 20 KB to 2 MB, some with pictures; kept out
# of git), then times in one run, side by side, on all cores:
#   floor        target/release/examples/floor: opens each zip, streams word/document.xml
#                through quick-xml counting elements (rayon, one thread per core)
#   replytally   replytally run bench/corpus --out TMP --no-progress (every report written),
#                cold: an empty reading cache each run (the entries are written)
#   small        floor, cold and warm runs on FILES replies of 20 to 40 KB (make-bench-corpus
#                --small), where the per-file costs show (issue 10's ≤ 3× target)
#   warm         the same run again, every reading in the cache (issue 10: a re-run over
#                unchanged files)
#   docx2python  bench/docx2python_bench.py (one process per core) on every PEER_STRIDE-th file
#   pandoc       pandoc -t plain (one process per core) on every PEER_STRIDE-th file
# and prints files/s, the ratios and the peak memory (/usr/bin/time, maximum resident set) of
# each; then peak memory on 10,000 files, time against the number of files (1k, 2k, 4k) (all
# without the cache but the 10,000-file run, which fills one), a warm re-run over those 10,000
# files, one circular of 200 replies with all outputs, and ten circulars of 200 replies each in
# one run (make-bench-corpus --circulars 10, each circular's blank form given with --form),
# all outputs (both without the cache).
#
# Installs what is missing: pandoc and time (apt-get), docx2python (pip, into bench/.venv).
# Settings (environment): BENCH_FILES (2000), BENCH_RUNS (3: floor and replytally are run that
# many times, alternately, and the fastest run counts), PEER_STRIDE (10), BENCH_SCALE (1; 0
# skips the 10,000-file, linearity and circular parts).
set -euo pipefail
cd "$(dirname "$0")/.."

FILES=${BENCH_FILES:-2000}
RUNS=${BENCH_RUNS:-3}
STRIDE=${PEER_STRIDE:-10}
SCALE=${BENCH_SCALE:-1}
CORES=$(nproc)
CORPUS=bench/corpus
WORK=$(mktemp -d "${TMPDIR:-/tmp}/replytally-bench.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

say() { printf '%s\n' "$*" >&2; }

# --- tools -------------------------------------------------------------------------------
need_apt=()
[ -x /usr/bin/time ] || need_apt+=(time)
command -v pandoc >/dev/null || need_apt+=(pandoc)
if [ ${#need_apt[@]} -gt 0 ]; then
    say "installing ${need_apt[*]} (apt-get)"
    SUDO=$([ "$(id -u)" = 0 ] || echo sudo)
    $SUDO apt-get install -y "${need_apt[@]}" >/dev/null \
        || { $SUDO apt-get update >/dev/null && $SUDO apt-get install -y "${need_apt[@]}" >/dev/null; }
fi
if ! bench/.venv/bin/python -c 'import docx2python' 2>/dev/null; then
    say "installing docx2python into bench/.venv (pip)"
    python3 -m venv bench/.venv
    bench/.venv/bin/pip install -q docx2python
fi

say "building (release)"
cargo build --release --quiet --bin replytally --example floor --example make-bench-corpus
BIN=target/release/replytally
FLOOR=target/release/examples/floor

# --- corpus ------------------------------------------------------------------------------
stamp="$FILES $(sha256sum examples/make-bench-corpus.rs samples/*.docx | sha256sum | cut -c1-16)"
if [ "$(cat "$CORPUS/.stamp" 2>/dev/null)" != "$stamp" ]; then
    say "building the corpus ($FILES files)"
    target/release/examples/make-bench-corpus "$CORPUS" "$FILES" >&2
    echo "$stamp" >"$CORPUS/.stamp"
fi
corpus_mb=$(du -sm --apparent-size "$CORPUS" | cut -f1)
LOAD=$(cut -d' ' -f1-3 /proc/loadavg)
# Everything is read from the page cache, for every tool alike.
cat "$CORPUS"/*.docx >/dev/null

# --- measuring -----------------------------------------------------------------------------
# measure NAME CMD...: wall seconds into SECS[NAME], CPU seconds (user + system, all threads
# and children) into CPU[NAME], peak resident MB into RSS[NAME].
declare -A SECS CPU RSS
measure() {
    local name=$1
    shift
    local t0=$EPOCHREALTIME
    local status=0
    /usr/bin/time -f '%U %S %M' -o "$WORK/time" "$@" >"$WORK/$name.log" 2>&1 || status=$?
    local t1=$EPOCHREALTIME
    # replytally exits 1 when some inputs failed: still a complete run.
    if [ "$status" -gt 1 ]; then
        say "$name failed (exit $status):"
        tail -5 "$WORK/$name.log" >&2
        exit 1
    fi
    SECS[$name]=$(awk -v a="$t0" -v b="$t1" 'BEGIN { printf "%.3f", b - a }')
    CPU[$name]=$(awk 'NF == 3 { v = $1 + $2 } END { printf "%.2f", v }' "$WORK/time")
    RSS[$name]=$(awk 'NF == 3 { v = $3 } END { printf "%.1f", v / 1024 }' "$WORK/time")
}
# best NAME RUNS CMD...: the fastest of RUNS runs (its CPU time with it; peak memory: the
# highest of all runs).
best() {
    local name=$1 runs=$2
    shift 2
    local s="" c="" r=0
    for _ in $(seq "$runs"); do
        measure "$name" "$@"
        if [ -z "$s" ] || awk -v a="${SECS[$name]}" -v b="$s" 'BEGIN { exit !(a < b) }'; then
            s=${SECS[$name]} c=${CPU[$name]}
        fi
        r=$(awk -v a="$r" -v b="${RSS[$name]}" 'BEGIN { print (b > a) ? b : a }')
    done
    SECS[$name]=$s CPU[$name]=$c RSS[$name]=$r
}
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }

# A folder of hard links to the corpus files listed on stdin, PREFIX added to their names
# (replytally reads a symbolic link inside a folder once, at its target: the copies must be
# files of their own).
link_set() {
    local dir=$1 prefix=$2
    mkdir -p "$dir"
    # Copies where hard links cannot be made (another file system).
    while IFS= read -r f; do
        ln "$CORPUS/$f" "$dir/$prefix$f" 2>/dev/null || cp "$CORPUS/$f" "$dir/$prefix$f"
    done
}

corpus_list() { (cd "$CORPUS" && ls -1 -- *.docx); }

# --- 1. side by side -------------------------------------------------------------------------
say "timing floor and replytally ($RUNS runs each, alternating, fastest counts)"
declare -A B_SECS B_CPU B_RSS
for i in $(seq "$RUNS"); do
    measure floor "$FLOOR" "$CORPUS"
    measure replytally "$BIN" run "$CORPUS" --out "$WORK/out" --no-progress --cache "$WORK/cold-$i"
    for t in floor replytally; do
        if [ -z "${B_SECS[$t]:-}" ] || awk -v a="${SECS[$t]}" -v b="${B_SECS[$t]}" 'BEGIN { exit !(a < b) }'; then
            B_SECS[$t]=${SECS[$t]} B_CPU[$t]=${CPU[$t]}
        fi
        B_RSS[$t]=$(awk -v a="${B_RSS[$t]:-0}" -v b="${RSS[$t]}" 'BEGIN { print (b > a) ? b : a }')
    done
done
for t in floor replytally; do
    SECS[$t]=${B_SECS[$t]} CPU[$t]=${B_CPU[$t]} RSS[$t]=${B_RSS[$t]}
done
replies=$(grep -o '[0-9]* replies read' "$WORK/replytally.log" | cut -d' ' -f1)
failures=$(grep -o '[0-9]* failures' "$WORK/replytally.log" | cut -d' ' -f1)

say "timing a warm re-run ($RUNS runs, fastest counts)"
# The last cold run's cache, its outputs compared with the warm run's below.
cp -r "$WORK/cold-$RUNS" "$WORK/warm-cache"
best warm "$RUNS" "$BIN" run "$CORPUS" --out "$WORK/out-warm" --no-progress --cache "$WORK/warm-cache"
warm_read=$(grep -o 'read [0-9]* files\?, [0-9]* from the cache' "$WORK/warm.log" || echo "no cache line")
same=identical
for f in "$WORK"/out/*.*; do
    cmp -s "$f" "$WORK/out-warm/$(basename "$f")" || same="DIFFERENT ($(basename "$f"))"
done

corpus_list | awk -v k="$STRIDE" 'NR % k == 1' >"$WORK/peer-files"
peer_n=$(wc -l <"$WORK/peer-files")
say "timing docx2python on $peer_n files"
measure docx2python env PROCS="$CORES" bench/.venv/bin/python bench/docx2python_bench.py \
    < <(sed "s|^|$CORPUS/|" "$WORK/peer-files")
say "timing pandoc on $peer_n files"
measure pandoc sh -c "sed 's|^|$CORPUS/|' '$WORK/peer-files' | tr '\n' '\0' \
    | xargs -0 -P $CORES -I{} pandoc -f docx -t plain -o /dev/null {}"

rt_rate=$(rate "$FILES" "${SECS[replytally]}")
echo
echo "replytally speed benchmark, $(date -u +%Y-%m-%dT%H:%MZ): $CORES cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load average before: $LOAD"
echo "corpus: $FILES files, $corpus_mb MB (bench/corpus); replytally read $replies replies, $failures failures"
echo
printf '%-12s %6s %9s %9s %10s %8s  %s\n' tool files "wall s" "CPU s" files/s "peak MB" "ratio"
printf '%-12s %6s %9s %9s %10s %8s  %s\n' floor "$FILES" "${SECS[floor]}" "${CPU[floor]}" \
    "$(rate "$FILES" "${SECS[floor]}")" "${RSS[floor]}" ""
printf '%-12s %6s %9s %9s %10s %8s  %s\n' replytally "$FILES" "${SECS[replytally]}" "${CPU[replytally]}" \
    "$rt_rate" "${RSS[replytally]}" \
    "replytally/floor: $(ratio "${SECS[replytally]}" "${SECS[floor]}")× wall, $(ratio "${CPU[replytally]}" "${CPU[floor]}")× CPU (cold; target ≤ 3× on small replies, ≤ 2× here)"
printf '%-12s %6s %9s %9s %10s %8s  %s\n' "  warm" "$FILES" "${SECS[warm]}" "${CPU[warm]}" \
    "$(rate "$FILES" "${SECS[warm]}")" "${RSS[warm]}" \
    "warm/floor: $(ratio "${SECS[warm]}" "${SECS[floor]}")× wall, $(ratio "${CPU[warm]}" "${CPU[floor]}")× CPU (target ≤ 1.5× on 10,000 files)"
for peer in docx2python pandoc; do
    pr=$(rate "$peer_n" "${SECS[$peer]}")
    printf '%-12s %6s %9s %9s %10s %8s  %s\n' "$peer" "$peer_n" "${SECS[$peer]}" "${CPU[$peer]}" "$pr" "${RSS[$peer]}" \
        "replytally/$peer throughput: $(ratio "$rt_rate" "$pr")× (floor/$peer: $(ratio "$(rate "$FILES" "${SECS[floor]}")" "$pr")×)"
done
echo "warm: $warm_read; outputs $same to the cold run's"
echo "floor and replytally: fastest of $RUNS alternating runs; peers: one run on every ${STRIDE}th file"
echo "of the corpus ($peer_n files, one process per core), their time for all $FILES extrapolated"
echo "from it. Peak MB: maximum resident set (of the largest process, for the peers)."

# --- 1b. small replies (20 to 40 KB): where per-file costs show ------------------------------
say "small replies: $FILES files of 20 to 40 KB"
target/release/examples/make-bench-corpus "$WORK/small" "$FILES" --small >/dev/null
cat "$WORK/small"/*.docx >/dev/null
best sfloor "$RUNS" "$FLOOR" "$WORK/small"
best scold "$RUNS" "$BIN" run "$WORK/small" --out "$WORK/out-small" --no-progress --no-cache
"$BIN" run "$WORK/small" --out "$WORK/out-small" --no-progress >/dev/null 2>&1 || true
best swarm "$RUNS" "$BIN" run "$WORK/small" --out "$WORK/out-small" --no-progress
echo
echo "small replies ($FILES files of 20 to 40 KB): floor ${SECS[sfloor]} s wall, ${CPU[sfloor]} s CPU;" \
    "cold ${SECS[scold]} s, ${CPU[scold]} s CPU ($(ratio "${SECS[scold]}" "${SECS[sfloor]}")× wall, target ≤ 3×);" \
    "warm ${SECS[swarm]} s, ${CPU[swarm]} s CPU ($(ratio "${SECS[swarm]}" "${SECS[sfloor]}")× wall)"

[ "$SCALE" = 0 ] && exit 0

# --- 2. memory on 10,000 files, 3. linearity ------------------------------------------------
say "memory and linearity (hard-linked copies of the corpus)"
corpus_list >"$WORK/all"
for k in 1 2 3 4 5; do link_set "$WORK/x5" "c$k-" <"$WORK/all"; done
for k in 1 2; do link_set "$WORK/x2" "c$k-" <"$WORK/all"; done
awk 'NR % 2 == 1' "$WORK/all" | link_set "$WORK/half" ""
n_x5=$((5 * FILES)) n_x2=$((2 * FILES)) n_half=$(find "$WORK/half" -type f | wc -l)

# Each size once more, the fastest of RUNS runs; the corpus itself is measured above.
declare -A LIN_RSS
echo "time and memory against the number of files (the corpus, half of it, and copies of it):"
printf '%-7s %9s %9s %8s %9s %9s %11s %11s %9s\n' files "rt wall" "rt CPU" "rt MB" "fl wall" "fl CPU" \
    "rt ms/file" "rt CPU ms" "rt/floor"
for set in half corpus x2 x5; do
    case $set in
    half) dir=$WORK/half n=$n_half ;;
    corpus) dir=$CORPUS n=$FILES ;;
    x2) dir=$WORK/x2 n=$n_x2 ;;
    x5) dir=$WORK/x5 n=$n_x5 ;;
    esac
    if [ "$set" = corpus ]; then
        SECS[lin]=${SECS[replytally]} CPU[lin]=${CPU[replytally]} RSS[lin]=${RSS[replytally]}
        SECS[linf]=${SECS[floor]} CPU[linf]=${CPU[floor]}
    else
        # Fewer runs of the largest set: it alone takes as long as the others together.
        # The largest set's one run fills the cache the warm re-run below uses.
        if [ "$set" = x5 ]; then
            best lin 1 "$BIN" run "$dir" --out "$WORK/out-$set" --no-progress
        else
            best lin "$RUNS" "$BIN" run "$dir" --out "$WORK/out-$set" --no-progress --no-cache
        fi
        best linf "$RUNS" "$FLOOR" "$dir"
    fi
    printf '%-7s %9s %9s %8s %9s %9s %11s %11s %9s\n' "$n" "${SECS[lin]}" "${CPU[lin]}" "${RSS[lin]}" \
        "${SECS[linf]}" "${CPU[linf]}" \
        "$(awk -v s="${SECS[lin]}" -v n="$n" 'BEGIN { printf "%.3f", 1000 * s / n }')" \
        "$(awk -v s="${CPU[lin]}" -v n="$n" 'BEGIN { printf "%.3f", 1000 * s / n }')" \
        "$(ratio "${SECS[lin]}" "${SECS[linf]}")"
    LIN_RSS[$set]=${RSS[lin]}
    if [ "$set" = x5 ]; then
        big_rss=${RSS[lin]}
    fi
done
# One records.json per circular when the corpus answers several (the practice replies and the
# samples answer two).
records_mb=$(find "$WORK/out-x5" -name records.json -exec du -cm --apparent-size {} + | tail -1 | cut -f1)
echo "peak memory of replytally on $n_x5 files: $big_rss MB (target < 100 MB); their records.json: $records_mb MB"
echo "peak memory against the number of files: $n_half files ${LIN_RSS[half]} MB, $FILES ${LIN_RSS[corpus]} MB," \
    "$n_x2 ${LIN_RSS[x2]} MB, $n_x5 ${LIN_RSS[x5]} MB (target: flat)"
x5_floor=${SECS[linf]}
best warm5 "$RUNS" "$BIN" run "$WORK/x5" --out "$WORK/out-x5" --no-progress
echo "warm re-run over $n_x5 unchanged files: ${SECS[warm5]} s wall, ${CPU[warm5]} s CPU, ${RSS[warm5]} MB;" \
    "floor ${x5_floor} s: $(ratio "${SECS[warm5]}" "$x5_floor")× (target ≤ 1.5×);" \
    "$(grep -o 'read [0-9]* files\?, [0-9]* from the cache' "$WORK/warm5.log" || echo "no cache line")"
echo

# --- 4. one circular of 200 replies --------------------------------------------------------
say "one circular: 200 replies to Circular 117"
target/release/examples/make-bench-corpus "$WORK/circ117" 200 --samples-only >/dev/null
best circ "$RUNS" "$BIN" run "$WORK/circ117" --form samples/form/blank_circ117_en.docx \
    --out "$WORK/out-circ" --no-progress --no-cache
echo
echo "one circular: 200 replies ($(du -sm --apparent-size "$WORK/circ117" | cut -f1) MB) with --form, all outputs:" \
    "${SECS[circ]} s wall, ${CPU[circ]} s CPU, ${RSS[circ]} MB (target < 1 s wall)"
echo "  $(grep -o '[0-9]* inputs.*' "$WORK/circ.log")"
echo "  outputs: $(cd "$WORK/out-circ" && ls | tr '\n' ' ')"

# --- 5. ten circulars of 200 replies each, in one run ------------------------------------------
say "ten circulars: 2,000 replies to Circulars 117, 127, … 207"
target/release/examples/make-bench-corpus "$WORK/circ10" 2000 --circulars 10 >/dev/null
cat "$WORK/circ10"/*.docx >/dev/null
forms=()
for f in "$WORK/circ10-forms"/*.docx; do forms+=(--form "$f"); done
best circ10 "$RUNS" "$BIN" run "$WORK/circ10" "${forms[@]}" --out "$WORK/out-circ10" --no-progress --no-cache
best circ10f "$RUNS" "$FLOOR" "$WORK/circ10"
echo
echo "ten circulars: 2,000 replies, 200 to each ($(du -sm --apparent-size "$WORK/circ10" | cut -f1) MB), ten --form, all outputs:" \
    "${SECS[circ10]} s wall, ${CPU[circ10]} s CPU, ${RSS[circ10]} MB (target < 3 s wall); floor ${SECS[circ10f]} s"
echo "  $(grep -o '[0-9]* inputs.*' "$WORK/circ10.log" | head -1); $(grep -o '[0-9]* circulars, each in its folder' "$WORK/circ10.log")"
