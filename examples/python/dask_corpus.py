#!/usr/bin/env python3
"""Parses a JSONL corpus on a Dask LocalCluster of worker processes and checks that the results are
exactly those of a single process.

    python3 dask_corpus.py corpus.jsonl [--workers 2] [--output reports.jsonl]

Each worker process loads libwenshu once (no set-up step, nothing shared but the immutable tables in
the library) and parses the documents it is given; ctypes releases the GIL during each parse.
Documents travel as wenshu.Document tuples, results as plain dicts.
"""
import argparse
import json
import sys
import time

import _find_wenshu

_find_wenshu.ensure()
import wenshu  # noqa: E402


def parse_batch(docs):
    """Runs on a worker: parses a batch of documents (imported there, not pickled with the task)."""
    import wenshu as w
    return [w.parse_document(d) for d in docs]


def batches(items, size):
    for at in range(0, len(items), size):
        yield items[at:at + size]


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("corpus")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--batch", type=int, default=4, help="documents per task")
    ap.add_argument("--output", help="write the reports as JSONL here")
    args = ap.parse_args(argv)

    from dask.distributed import Client, LocalCluster

    docs = list(wenshu.read_jsonl(args.corpus))
    started = time.monotonic()
    with LocalCluster(n_workers=args.workers, threads_per_worker=1, processes=True,
                      dashboard_address=None, silence_logs=40) as cluster, Client(cluster) as client:
        futures = client.map(parse_batch, list(batches(docs, args.batch)), pure=False)
        distributed = [report for batch in client.gather(futures) for report in batch]
        workers = len(client.scheduler_info()["workers"])
    elapsed = time.monotonic() - started

    single = [wenshu.parse_document(d) for d in docs]
    if distributed != single:
        bad = next(i for i, (a, b) in enumerate(zip(distributed, single)) if a != b) \
            if len(distributed) == len(single) else "count"
        print(f"MISMATCH between the cluster and a single process (first at {bad})", file=sys.stderr)
        return 1
    if args.output:
        with open(args.output, "w", encoding="utf-8") as f:
            for report in distributed:
                f.write(json.dumps(report, ensure_ascii=False) + "\n")
    quantities = sum(len(r["quantities"]) for r in distributed)
    print(f"{len(docs)} documents on {workers} worker processes in {elapsed:.1f}s: "
          f"{quantities} quantities; identical to the single-process results")
    return 0


if __name__ == "__main__":
    sys.exit(main())
