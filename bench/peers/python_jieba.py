#!/usr/bin/python3
"""Debian's python3-jieba segmentation of a file, line by line, HMM on (jieba's default), for
bench/peers.sh. Prints the number of words."""
import logging
import sys

import jieba

jieba.setLogLevel(logging.WARNING)
jieba.initialize()
words = 0
with open(sys.argv[1], encoding="utf-8") as fh:
    for line in fh:
        line = line.rstrip("\n")
        if line:
            words += sum(1 for _ in jieba.cut(line, HMM=True))
print(words)
