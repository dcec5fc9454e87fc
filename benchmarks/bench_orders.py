"""`flagsite validate` on one large orders file: wall time and peak memory, inside and over the bounds.

    python benchmarks/bench_orders.py [MEGABYTES ...]     (default: 50 200)

Each size is validated with the default bounds (a file over 100 MiB is
refused before it is read), with max_megabytes raised above the file (read up
to the row bound, 500,000 by default, then refused) and, for files within the
row bound, with both raised (read whole). Each run is a separate `flagsite
validate` process; peak memory is its maximum resident set.
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time

ROW = "O-{n:08d},C-{c:05d},2026-{m:02d}-{d:02d},{a}.{p:02d},EUR,delivered,Hamper with seasonal fruit and cheese\n"
WHOLE_ROWS = 500_000
HEADER = "order_id,customer,date,amount,currency,status,title\n"


def make_orders(root: str, megabytes: int) -> int:
    os.makedirs(os.path.join(root, "records", "customers", "C-00001"))
    with open(os.path.join(root, "records", "customers", "C-00001", "customer.yaml"), "w", encoding="utf-8") as handle:
        handle.write("id: C-00001\nname: Ann Example\n")
    os.makedirs(os.path.join(root, "records", "orders"))
    target = megabytes << 20
    rows = 0
    with open(os.path.join(root, "records", "orders", "orders.csv"), "w", encoding="utf-8") as handle:
        handle.write(HEADER)
        written = len(HEADER)
        while written < target:
            # Customer C-00001 only: the other customers would be R011 findings, one per row.
            line = ROW.format(n=rows, c=1, m=1 + rows % 12, d=1 + rows % 28, a=rows % 500, p=rows % 100)
            handle.write(line)
            written += len(line)
            rows += 1
    return rows


def validate(root: str, config: str) -> tuple[float, float, str]:
    with open(os.path.join(root, "flagsite.yaml"), "w", encoding="utf-8") as handle:
        handle.write(config)
    exe = os.path.join(os.path.dirname(sys.executable), "flagsite")
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as out:
        process = subprocess.Popen([exe, "--root", root, "validate"], stdout=out, stderr=subprocess.STDOUT, text=True)
        _, _, usage = os.wait4(process.pid, 0)  # this process's own peak, not the largest child's so far
        process.returncode = 0  # reaped by wait4 above
        took = time.perf_counter() - start
        out.seek(0)
        output = out.read()
    first = output.splitlines()[0] if output else ""
    return took, usage.ru_maxrss / 1024, first[:64]


def main(sizes: list[int]) -> None:
    print(f"{'MiB':>5} {'rows':>9} {'bounds':<28} {'time':>7} {'peak RSS':>9}  first line")
    for megabytes in sizes:
        with tempfile.TemporaryDirectory() as root:
            rows = make_orders(root, megabytes)
            runs = [
                ("defaults", "{}\n"),
                ("max_megabytes raised", f"orders: {{max_megabytes: {megabytes + 1}}}\n"),
            ]
            if rows <= WHOLE_ROWS:
                runs.append(("both raised above the file", f"orders: {{max_megabytes: {megabytes + 1}, max_rows: {rows + 1}}}\n"))
            for label, config in runs:
                took, peak, first = validate(root, config)
                print(f"{megabytes:>5} {rows:>9} {label:<28} {took:>6.1f}s {peak:>7.0f}MB  {first}")


if __name__ == "__main__":
    main([int(arg) for arg in sys.argv[1:]] or [50, 200])
