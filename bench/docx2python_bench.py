"""Peer for bench/run.sh: extracts the text of every .docx given with docx2python,
on PROCS worker processes (default: one per core). Prints files, seconds, files/s."""
import multiprocessing
import os
import sys
import time

from docx2python import docx2python


def extract(path):
    try:
        with docx2python(path) as doc:
            return len(doc.text), None
    except Exception as e:  # a peer failing on a file is counted, not fatal
        return 0, f"{path}: {e}"


def main():
    files = [line.strip() for line in sys.stdin if line.strip()]
    procs = int(os.environ.get("PROCS", os.cpu_count() or 1))
    start = time.perf_counter()
    if procs == 1:
        results = list(map(extract, files))
    else:
        with multiprocessing.Pool(procs) as pool:
            results = pool.map(extract, files, chunksize=4)
    secs = time.perf_counter() - start
    failed = [e for _, e in results if e]
    chars = sum(n for n, _ in results)
    for e in failed[:5]:
        print("failed:", e, file=sys.stderr)
    print(f"docx2python: {len(files)} files, {chars} chars, {len(failed)} failed, "
          f"{secs:.3f} s, {len(files) / secs:.1f} files/s")


if __name__ == "__main__":
    main()
