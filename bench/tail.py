#!/usr/bin/env python3
"""How much of an open-loop run's latency tail the server's young collections explain.

Reads the trace OpenLoopLoad writes (its 7th argument) and the server's GC log (-Xlog:gc:file=F:time), and prints one
line of key=value pairs: the calls slower than the threshold, how many of them were waiting while a collection paused
the server, the collections during the run, and the p99 with those calls left out (the p99 if collections cost
nothing).

usage: tail.py TRACE GC_LOG [--slow-ms 5]
"""
import argparse
import datetime
import re
import sys

GC_LINE = re.compile(r'\[([^\]]+)\].*Pause Young.* ([0-9.]+)ms')


def read_trace(path):
    with open(path) as f:
        head = f.readline()
        m = re.search(r'start_epoch_ms=(\d+)', head)
        if not m:
            sys.exit(f'{path}: not an OpenLoopLoad trace')
        start_ms = int(m.group(1))
        calls = [tuple(int(v) for v in line.split()) for line in f if line.strip()]
    # (due, answered) in ms after the start
    return start_ms, [(due / 1000, (due + latency) / 1000) for due, latency in calls]


def read_pauses(path, start_ms, end_ms):
    """(pause start, pause end) in ms after start_ms: the logged time is when the pause ended."""
    pauses = []
    with open(path) as f:
        for line in f:
            m = GC_LINE.search(line)
            if not m:
                continue
            stamp = m.group(1).replace('+0000', '+00:00')
            end = datetime.datetime.fromisoformat(stamp).timestamp() * 1000 - start_ms
            took = float(m.group(2))
            if end >= 0 and end - took <= end_ms:
                pauses.append((end - took, end))
    return pauses


def percentile(sorted_values, p):
    if not sorted_values:
        return 0.0
    return sorted_values[min(len(sorted_values) - 1, int(p / 100 * len(sorted_values)))]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument('trace')
    parser.add_argument('gc_log')
    parser.add_argument('--slow-ms', type=float, default=5.0)
    args = parser.parse_args()

    start_ms, calls = read_trace(args.trace)
    end_ms = max((answered for _, answered in calls), default=0)
    pauses = read_pauses(args.gc_log, start_ms, end_ms)

    def waited_on_a_pause(due, answered):
        return any(due < pause_end and answered > pause_start for pause_start, pause_end in pauses)

    slow = [(d, a) for d, a in calls if a - d > args.slow_ms]
    slow_in_pause = {(d, a) for d, a in slow if waited_on_a_pause(d, a)}
    latencies = sorted(a - d for d, a in calls)
    without = sorted(a - d for d, a in calls if (d, a) not in slow_in_pause)
    took = [end - begin for begin, end in pauses]
    print(' '.join(f'{k}={v}' for k, v in {
        'calls': len(calls),
        'slow': len(slow),
        'slow_in_gc': len(slow_in_pause),
        'gc_count': len(pauses),
        'gc_avg_ms': f'{sum(took) / len(took):.2f}' if took else '0',
        'gc_max_ms': f'{max(took):.2f}' if took else '0',
        'p99_ms': f'{percentile(latencies, 99):.2f}',
        'p99_without_gc_ms': f'{percentile(without, 99):.2f}',
    }.items()))


if __name__ == '__main__':
    main()
