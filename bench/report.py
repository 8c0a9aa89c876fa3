"""Renders the results of bench/run.sh (key=value lines) as the markdown section appended to bench/results.md."""
import datetime
import sys


def load(path):
    values = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            key, _, value = line.rstrip("\n").partition("=")
            values[key] = value
    return values


def num(values, key):
    try:
        return float(values.get(key, "nan"))
    except ValueError:
        return float("nan")


def launches(values, prefix):
    """The median launch time, and the range when there were several launches (runs before that kept one)."""
    median = f"{num(values, prefix + '_ms') / 1000:.2f} s"
    times = [float(t) / 1000 for t in values.get(prefix + "_all", "").split(",") if t]
    if len(times) < 2:
        return median
    return f"{median} (median of {len(times)} launches, {min(times):.2f}–{max(times):.2f})"


def rounds(values, key, fmt):
    """ " (rounds a, b, c)" when the run measured in several rounds (runs before 2026-12-01 measured once)."""
    per_round = [float(x) for x in values.get(key + "_rounds", "").split(",") if x]
    if len(per_round) < 2:
        return ""
    return " (rounds " + ", ".join(fmt(x) for x in per_round) + ")"


def verdict(ok):
    return "pass" if ok else "**FAIL**"


def main():
    v = load(sys.argv[1])
    n = lambda k: num(v, k)
    emu, wm, ngx = n("emu_rps"), n("wm_rps"), n("ngx_rps")
    # ratios taken round by round, in the same minutes of the machine, then their median
    vs_wm = n("vs_wm") if "vs_wm" in v else emu / wm
    vs_ngx = n("vs_ngx") if "vs_ngx" in v else emu / ngx
    now = datetime.datetime.now(datetime.timezone.utc).strftime("%Y-%m-%d %H:%M UTC")
    out = []
    out.append(f"### Run of {now}{' (--quick)' if v.get('quick') == '1' else ''}")
    out.append("")
    out.append(f"Machine: {v['machine_cpu']}, {v['machine_nproc']} cores, {v['machine_mem']}; {v['machine_java']}; "
               f"{v['machine_wrk']}; nginx {v['machine_nginx']}; WireMock {v['machine_wiremock']}. "
               f"Load: {v['settings']}. Emulator: bin/usagekit-emulator ({v.get('launcher_java', 'CDS')}, Spring AOT, lazy init, `{v['emulator_opts']}`); WireMock: the flags of bin/emulator-jvm.options. "
               f"Headline query: DescribeLivePullToPushBandwidthData, 1 day at 300 s, {v['response_bytes']} bytes; "
               f"WireMock and nginx serve the same captured bytes.")
    out.append("")
    out.append("| | emulator (signed, generated) | WireMock static stub | nginx static file |")
    out.append("|---|---|---|---|")
    label = " (median of the rounds)" if "emu_rps_rounds" in v else ""
    out.append(f"| req/s at max load{label} | {emu:,.0f} | {wm:,.0f} | {ngx:,.0f} |")
    out.append(f"| p50 / p99 at max load (ms) | {n('emu_p50'):.2f} / {n('emu_p99'):.2f} | "
               f"{n('wm_p50'):.2f} / {n('wm_p99'):.2f} | {n('ngx_p50'):.2f} / {n('ngx_p99'):.2f} |")
    out.append(f"| p50 / p99 at {v['half_rate']} req/s, open loop (ms) | {n('emu_half_p50'):.2f} / "
               f"{n('emu_half_p99'):.2f} | {n('wm_half_p50'):.2f} / {n('wm_half_p99'):.2f} | "
               f"{n('ngx_half_p50'):.2f} / {n('ngx_half_p99'):.2f} |")
    out.append(f"| load generator CPU per request at half load (µs) | {n('emu_half_gen_cpu_us'):.0f} | "
               f"{n('wm_half_gen_cpu_us'):.0f} | {n('ngx_half_gen_cpu_us'):.0f} |")
    out.append(f"| server CPU per request at max load (µs) | {v.get('emu_cpu_us', '?')} | {v.get('wm_cpu_us', '?')} | "
               f"{v.get('ngx_cpu_us', '?')} |")
    out.append(f"| max RSS under load (MB) | {v['emu_rss_mb']} | {v['wm_rss_mb']} | {v['ngx_rss_mb']} |")
    out.append(f"| errors (non-2xx, socket) | {v['emu_errors']} (+{v['emu_half_errors']} open loop) | "
               f"{v['wm_errors']} | {v['ngx_errors']} |")
    out.append("")
    out.append("| Target | Measured | |")
    out.append("|---|---|---|")
    times = lambda x: f"{x:.2f}×"
    percent = lambda x: f"{100 * x:.0f} %"
    out.append(f"| throughput ≥ 3× WireMock | {vs_wm:.2f}×{rounds(v, 'vs_wm', times)} | {verdict(vs_wm >= 3)} |")
    out.append(f"| throughput ≥ 40 % of nginx | {100 * vs_ngx:.0f} %{rounds(v, 'vs_ngx', percent)} | "
               f"{verdict(vs_ngx >= 0.4)} |")
    if "cpu_vs_wm" in v:
        cpu_wm, cpu_ngx = n("cpu_vs_wm"), n("cpu_vs_ngx")
    else:
        cpu_wm, cpu_ngx = n("wm_cpu_us") / n("emu_cpu_us"), n("ngx_cpu_us") / n("emu_cpu_us")
    out.append(f"| (same, by server CPU per request: WireMock/emulator, nginx/emulator) | {cpu_wm:.2f}×, "
               f"{100 * cpu_ngx:.0f} %{rounds(v, 'cpu_vs_wm', times)} | {verdict(cpu_wm >= 3 and cpu_ngx >= 0.4)} |")
    ms = lambda x: f"{x:.2f}"
    nginx_floor = rounds(v, "ngx_half_p99", ms).replace(" (rounds ", "; nginx at the same rate ").rstrip(")")
    emulator_rounds = rounds(v, "emu_half_p99", ms)
    if emulator_rounds and nginx_floor:
        emulator_rounds = emulator_rounds[:-1] + nginx_floor + ")"
    out.append(f"| p99 ≤ 5 ms at half of max load | {n('emu_half_p99'):.2f} ms{emulator_rounds} | "
               f"{verdict(n('emu_half_p99') <= 5)} |")
    if "emu_half_gc_count" in v:  # runs before 2026-11-30 13:40 did not log the emulator's collections
        which = f" in round {v['half_tail_round']}" if "half_tail_round" in v else ""
        out.append(f"| (same{which}, the calls that waited on a young collection left out: {v['emu_half_slow_in_gc']} of the "
                   f"{v['emu_half_slow']} over 5 ms; {v['emu_half_gc_count']} collections, {v['emu_half_gc_avg_ms']} ms on "
                   f"average, {v['emu_half_gc_max_ms']} at most) | {n('emu_half_p99_without_gc_ms'):.2f} ms | "
                   "|")
    out.append(f"| first response ≤ 1.5 s after launch (bin/usagekit-emulator, the README's run command) | {launches(v, 'startup')} | "
               f"{verdict(n('startup_ms') <= 1500)} |")
    out.append(f"| first response, plain `java -jar`, JVM defaults (the README's way without bash) | {launches(v, 'default_startup')} | "
               f"{verdict(n('default_startup_ms') <= 1500)} |")
    out.append(f"| RSS ≤ 256 MB under load (bin/usagekit-emulator) | {v['emu_rss_mb']} MB | "
               f"{verdict(n('emu_rss_mb') <= 256)} |")
    out.append(f"| RSS under load, plain `java -jar`, JVM defaults | {v['default_rss_mb']} MB | {verdict(n('default_rss_mb') <= 256)} |")
    out.append("")
    out.append("| Emulator, other actions (max load) | req/s | p50 / p99 (ms) | errors |")
    out.append("|---|---|---|---|")
    for key, label in [("transcode", "DescribeLiveTranscodeData, 2 domains, 3 days"),
                       ("rtc", "ListOperationDistribution, province, 2 days"),
                       ("producer", "DescribeLiveProducerUsageData (Aliyun, unique nonces), 1 day, split"),
                       ("largest", f"largest legal query: bandwidth 31 d at 300 s, 3 groups split "
                                   f"({int(n('largest_bytes')) // 1024} KB, 4 connections, "
                                   f"max RSS {v['largest_rss_mb']} MB)")]:
        out.append(f"| {label} | {n(key + '_rps'):,.0f} | {n(key + '_p50'):.2f} / {n(key + '_p99'):.2f} | "
                   f"{v[key + '_errors']} |")
    print("\n".join(out))


if __name__ == "__main__":
    main()
