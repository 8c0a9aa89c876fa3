"""Measures how long the emulator takes from launch to the first HTTP 200 of a signed call, several times.

    python3 bench/startup.py --runs 7 --port 18090 --request /tmp/lreq/bandwidth.req -- bin/usagekit-emulator ...
    python3 bench/startup.py --runs 7 --port 18090 --request r.req --config a 'cmd a ...' --config b 'cmd b ...'
    python3 bench/startup.py --launch --pid-file F --log L --port 18090 --request r.req -- bin/usagekit-emulator ...

With --launch it starts the command once, prints the milliseconds to its first 200 and leaves it running, its pid in
the --pid-file (bench/run.sh uses this); it stops the command and exits 1 if it ends or 60 s pass first. It launches
nothing (exit 2) while something already answers on the port. The clock starts once this script is up: a Python
interpreter starting beside the JVM would take about 0.3 s of CPU from the launch being timed.

The request file is one line of SignedRequests (method, path, body, headers, tab-separated). The probe polls with a
bare TCP connect every 5 ms and only then sends the request: a curl process every few milliseconds would compete
with the JVM for the CPU it is being timed on. Prints one line per run (ms to first 200; CPU time and RSS of the JVM
right then) and the medians. The command must run the JVM in the foreground (bin/usagekit-emulator execs java).
With several --config, the runs take turns (a b a b ...), so a busy spell of a shared machine does not fall on one
of them, and the median of the per-round differences to the first configuration is printed too.
"""
import argparse
import os
import shlex
import signal
import socket
import statistics
import subprocess
import sys
import time


def request_bytes(line):
    method, path, body, *headers = line.rstrip("\n").split("\t")
    data = body.encode()
    head = f"{method} {path} HTTP/1.1\r\n" + "".join(h + "\r\n" for h in headers)
    head += f"Content-Length: {len(data)}\r\nConnection: close\r\n\r\n"
    return head.encode() + data


def status_of(port, payload):
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=5) as s:
            s.sendall(payload)
            first = s.recv(64)
            return int(first.split(b" ")[1]) if first.startswith(b"HTTP/") else 0
    except OSError:
        return 0


def rss_mb(pid):
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1]) // 1024
    except OSError:
        pass
    return -1


def cpu_ms(pid):
    """User plus system CPU time of the process so far: less disturbed than wall time by a busy machine."""
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) * 1000 // os.sysconf("SC_CLK_TCK")
    except OSError:
        return -1


def thread_cpu_ms(pid):
    """CPU time so far per thread name (trailing digits dropped, so the threads of one pool add up)."""
    totals = {}
    tick = os.sysconf("SC_CLK_TCK")
    for tid in os.listdir(f"/proc/{pid}/task"):
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                text = f.read()
        except OSError:
            continue
        name = text[text.index("(") + 1:text.rindex(")")].rstrip("0123456789-_ ")
        fields = text.rsplit(")", 1)[1].split()
        totals[name] = totals.get(name, 0) + (int(fields[11]) + int(fields[12])) * 1000 // tick
    return totals


def wait_for_200(alive, port, payload, since_ms, timeout_s=60):
    """Milliseconds from since_ms (epoch) to the first 200 of a launched server, or None once alive() is false."""
    while time.time() * 1000 - since_ms < timeout_s * 1000:
        if not alive():
            return None
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
        except OSError:
            time.sleep(0.005)
            continue
        if status_of(port, payload) == 200:
            return time.time() * 1000 - since_ms
        time.sleep(0.005)
    return None


class PortInUse(Exception):
    pass


def launch(command, port, log):
    """Starts the command and gives its launch time (epoch ms) and process. Refuses when something already listens on
    the port: that server would answer the probe, and the launch would be timed by another process's answers."""
    try:
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    except OSError:
        t0 = time.time() * 1000
        return t0, subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    raise PortInUse(f"port {port} already answers before the launch: stop what runs there first")


def launch_and_leave_running(command, port, payload, log, pid_file):
    """Milliseconds from launch to the first 200, the process left running; None (and the process stopped) if none."""
    t0, proc = launch(command, port, log)
    with open(pid_file, "w") as f:
        f.write(f"{proc.pid}\n")
    ms = wait_for_200(lambda: proc.poll() is None, port, payload, t0)
    if ms is None and proc.poll() is None:
        os.killpg(proc.pid, signal.SIGKILL)
    return ms


def one_run(command, port, payload, log, threads=False):
    t0, proc = launch(command, port, log)
    try:
        ms = wait_for_200(lambda: proc.poll() is None, port, payload, t0)
        if ms is None:
            raise RuntimeError(f"no 200 (exit code {proc.poll()})")
        if threads:
            busy = sorted(thread_cpu_ms(proc.pid).items(), key=lambda kv: -kv[1])
            print("  threads (CPU ms): " + ", ".join(f"{k} {v}" for k, v in busy if v > 0), file=sys.stderr)
        return ms, cpu_ms(proc.pid), rss_mb(proc.pid)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(10)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--runs", type=int, default=5)
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--request", required=True)
    p.add_argument("--log", default="/dev/null")
    p.add_argument("--label", default="")
    p.add_argument("--threads", action="store_true", help="print the CPU time of each thread at the first 200")
    p.add_argument("--config", nargs=2, action="append", metavar=("LABEL", "COMMAND"), default=[])
    p.add_argument("--launch", action="store_true", help="launch the command once and leave it running")
    p.add_argument("--pid-file", help="with --launch: where to write the pid of the launched command")
    p.add_argument("command", nargs=argparse.REMAINDER)
    a = p.parse_args()
    try:
        run(a)
    except PortInUse as e:
        print(f"startup.py: {e}", file=sys.stderr)
        sys.exit(2)


def run(a):
    configs = [(label, shlex.split(command)) for label, command in a.config]
    command = a.command[1:] if a.command[:1] == ["--"] else a.command
    if a.launch:
        with open(a.request) as f:
            payload = request_bytes(f.readline())
        with open(a.log, "ab") as log:
            ms = launch_and_leave_running(command, a.port, payload, log, a.pid_file)
        if ms is None:
            sys.exit(1)
        print(f"{ms:.0f}")
        return
    if command:
        configs.append((a.label, command))
    with open(a.request) as f:
        payload = request_bytes(f.readline())
    times = {label: [] for label, _ in configs}
    cpu = {label: [] for label, _ in configs}
    rss = {label: [] for label, _ in configs}
    with open(a.log, "ab") as log:
        for i in range(a.runs):
            for label, cmd in configs:
                ms, cpu_used, mb = one_run(cmd, a.port, payload, log, a.threads)
                times[label].append(ms)
                cpu[label].append(cpu_used)
                rss[label].append(mb)
                print(f"{label} run {i + 1}: {ms:.0f} ms, CPU {cpu_used} ms, RSS {mb} MB", file=sys.stderr)
                time.sleep(0.5)
    first = configs[0][0]
    for label, _ in configs:
        t = times[label]
        # runs of one round were close in time: their difference is less disturbed than each time on its own
        difference = statistics.median(x - y for x, y in zip(t, times[first]))
        paired = "" if label == first else f", median of the per-round differences to {first}: {difference:+.0f} ms"
        print(f"{label}: median {statistics.median(t):.0f} ms (min {min(t):.0f}, max {max(t):.0f}, n={len(t)}), "
              f"CPU {statistics.median(cpu[label]):.0f} ms, RSS {statistics.median(rss[label]):.0f} MB "
              f"(medians at the first 200){paired}")


if __name__ == "__main__":
    main()
