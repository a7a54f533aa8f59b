# What a wenshu process holds resident when it exits, per embedded table and per mapping: a gdb script.
#
#   gdb -q -batch -ex "set args parse CORPUS.jsonl --format jsonl --jobs 1 -o /dev/null" \
#       -x bench/resident_at_exit.py build/default/wenshu
#
# Stops the program at exit_group, reads /proc/PID/pagemap (the present bit of every page) over the
# embedded tables' symbols and sums /proc/PID/smaps by mapping. File pages count 64 KB at a time on
# recent kernels (a fault maps the page cache folio or the fault-around window), so a table touched
# at random is resident far beyond the bytes read.
import collections
import os
import struct
import subprocess

import gdb

binary = gdb.current_progspace().filename
tables = ("wenshu_embedded_dictionary", "wenshu_embedded_vocab_model", "wenshu_embedded_hmm")
symbols = {}
for line in subprocess.run(["nm", "-S", binary], capture_output=True, text=True).stdout.splitlines():
    fields = line.split()
    if len(fields) == 4 and fields[3] in tables:
        symbols[fields[3]] = (int(fields[0], 16), int(fields[1], 16))

gdb.execute("catch syscall exit_group", to_string=True)
gdb.execute("run", to_string=True)
pid = gdb.selected_inferior().pid

load_base = 0
for mapping in open(f"/proc/{pid}/maps").read().splitlines():
    fields = mapping.split()
    if len(fields) >= 6 and os.path.realpath(fields[5]) == os.path.realpath(binary) and int(fields[2], 16) == 0:
        load_base = int(fields[0].split("-")[0], 16)
        break

with open(f"/proc/{pid}/pagemap", "rb") as pagemap:
    def resident_pages(begin, end):
        count = 0
        for page in range(begin // 4096, (end + 4095) // 4096):
            pagemap.seek(page * 8)
            if struct.unpack("<Q", pagemap.read(8))[0] >> 63:
                count += 1
        return count

    for name, (address, size) in sorted(symbols.items()):
        pages = resident_pages(load_base + address, load_base + address + size)
        print(f"{name}: {size / 1048576:.2f} MiB, resident {pages * 4 / 1024:.2f} MiB")

print([line for line in open(f"/proc/{pid}/status").read().splitlines()
       if line.startswith(("VmHWM", "VmRSS", "RssAnon", "RssFile"))])
by_file = collections.Counter()
current = None
for line in open(f"/proc/{pid}/smaps"):
    fields = line.split()
    if fields and not fields[0].endswith(":"):
        current = fields[5] if len(fields) > 5 else "[anonymous]"
    elif line.startswith("Rss:"):
        by_file[current] += int(fields[1])
for name, kib in by_file.most_common(15):
    print(f"{kib:8d} KiB {name}")
gdb.execute("kill")
