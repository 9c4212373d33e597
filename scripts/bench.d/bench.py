#!/usr/bin/env python3
# The benchmark behind scripts/bench: runs the app under the X display it is given, measures each
# figure the way issue 7 asks, prints it beside its budget and writes build/bench/results.json.
# Standard library only, so it runs on a bare Debian 12 with python3.
import argparse
import array
import datetime
import fcntl
import json
import math
import os
import pathlib
import pty
import re
import shutil
import signal
import sqlite3
import statistics
import struct
import subprocess
import sys
import tempfile
import termios
import threading
import time
import traceback

TICK = os.sysconf("SC_CLK_TCK")
# Measuring starts this long into the first hold: past its bell (2.2 s), the "Hold." phrase under
# it and the 0.3 s ring-out after which the audio device is paused, so the 20 s are the quiet hold
# itself. (At 2 s, the last half second of OpenAL mixing the bell fell inside the window.)
HOLD_SKIP_S = 3.5
HOLD_WINDOW_S = 20.0

# figure id -> (what it is, budget, unit, smaller is better). Budgets from issue 7.
BUDGETS = {
    "window_cpu_pct": ("window CPU, first hold of nightly, 20 s, still figure (reduce_motion)",
                       0.15, "% core"),
    "window_breathe_cpu_pct": ("window CPU, the same hold with the figure breathing", None,
                               "% core"),
    "window_breathe_delta_pct": ("breathing figure's CPU above the still one", 0.5, "% core"),
    "window_peak_mb": ("window peak memory (VmHWM)", 105.0, "MB"),
    "window_anon_mb": ("window anonymous memory (RssAnon)", None, "MB"),
    "text_cpu_pct": ("text mode CPU, first hold of nightly, 20 s", 0.05, "% core"),
    "text_peak_mb": ("text mode peak memory (VmHWM)", 15.0, "MB"),
    "text_anon_mb": ("text mode anonymous memory (RssAnon)", None, "MB"),
    "first_frame_ms": ("first frame since process start, median of 10", 200.0, "ms"),
    "stats_json_ms": ("stats --json over ten years, median of 11", 10.0, "ms"),
}


class BenchError(Exception):
    """The bench cannot run: said in one sentence, exit code 2."""


def die_unless(condition, sentence):
    if not condition:
        raise BenchError(sentence)


# ---------------------------------------------------------------------------------------------
# /proc readings


def read_stat_ticks(path):
    """utime + stime in clock ticks from a /proc/.../stat file, or None if it has gone."""
    try:
        text = pathlib.Path(path).read_text()
    except OSError:
        return None
    fields = text[text.rindex(")") + 2 :].split()
    return int(fields[11]) + int(fields[12])  # fields 14 and 15 of the whole line


def read_status(pid):
    values = {}
    try:
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            key, _, rest = line.partition(":")
            if rest.strip().endswith("kB"):
                values[key] = int(rest.split()[0]) / 1024.0  # MiB
    except OSError:
        pass
    return values


def read_threads(pid):
    """tid -> (name, ticks, nanoseconds on the CPU) for every thread alive now."""
    threads = {}
    try:
        tids = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return threads
    for tid in tids:
        base = f"/proc/{pid}/task/{tid}"
        try:
            name = pathlib.Path(base + "/comm").read_text().strip()
            ns = int(pathlib.Path(base + "/schedstat").read_text().split()[0])
        except (OSError, ValueError, IndexError):
            continue
        ticks = read_stat_ticks(base + "/stat")
        if ticks is not None:
            threads[tid] = (name, ticks, ns)
    return threads


class Sample:
    """One look at a process: its ticks, its threads and the time it was taken."""

    def __init__(self, pid):
        self.at = time.monotonic()
        self.ticks = read_stat_ticks(f"/proc/{pid}/stat")
        self.threads = read_threads(pid)


def cpu_over(pid, before, after):
    """CPU share of one core between two samples, from ticks (the figure) and from schedstat."""
    elapsed = after.at - before.at
    die_unless(before.ticks is not None and after.ticks is not None,
               f"process {pid} ended while it was being measured")
    per_thread = {}
    for tid, (name, ticks, ns) in after.threads.items():
        old = before.threads.get(tid, (name, 0, 0))
        if tid == str(pid):
            name = "main thread"
        entry = per_thread.setdefault(name, {"ticks": 0, "ns": 0, "threads": 0})
        entry["ticks"] += ticks - old[1]
        entry["ns"] += ns - old[2]
        entry["threads"] += 1
    total_ns = sum(e["ns"] for e in per_thread.values())
    return {
        "elapsed_s": round(elapsed, 3),
        "ticks": after.ticks - before.ticks,
        "cpu_pct": 100.0 * (after.ticks - before.ticks) / TICK / elapsed,
        # finer than ticks: the scheduler's own nanoseconds, summed over the live threads
        "cpu_pct_schedstat": 100.0 * total_ns / 1e9 / elapsed,
        "threads": {
            name: {"cpu_pct": round(100.0 * e["ns"] / 1e9 / elapsed, 4), "ticks": e["ticks"],
                   "count": e["threads"]}
            for name, e in sorted(per_thread.items(), key=lambda kv: -kv[1]["ns"])
        },
    }


def smaps_top(pid, count=10):
    """Rss and Anonymous per mapping (file name, [heap], [anon] ...), largest Rss first."""
    totals = {}
    current = None
    try:
        lines = pathlib.Path(f"/proc/{pid}/smaps").read_text().splitlines()
    except OSError:
        return []
    for line in lines:
        parts = line.split()
        if not parts:
            continue
        if "-" in parts[0] and not parts[0].endswith(":"):
            name = parts[5] if len(parts) > 5 else "[anon]"
            current = totals.setdefault(name, {"rss_kb": 0, "anon_kb": 0})
        elif parts[0] == "Rss:" and current is not None:
            current["rss_kb"] += int(parts[1])
        elif parts[0] == "Anonymous:" and current is not None:
            current["anon_kb"] += int(parts[1])
    ranked = sorted(totals.items(), key=lambda kv: -kv[1]["rss_kb"])
    return [{"mapping": name, **sizes} for name, sizes in ranked[:count]]


def find_process(comm, argument):
    """The first process called `comm` with `argument` among its arguments."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            if pathlib.Path(f"/proc/{entry}/comm").read_text().strip() != comm:
                continue
            arguments = pathlib.Path(f"/proc/{entry}/cmdline").read_bytes().split(b"\0")
            if argument.encode() in arguments:
                return int(entry)
        except OSError:
            continue
    return None


# ---------------------------------------------------------------------------------------------
# Traces


def read_trace(path):
    events = []
    try:
        text = pathlib.Path(path).read_text()
    except OSError:
        return events
    for line in text.splitlines():
        try:
            events.append(json.loads(line))
        except ValueError:
            pass  # a line still being written
    return events


def wait_for_event(path, predicate, timeout, process=None):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        for event in read_trace(path):
            if predicate(event):
                return event
        if process is not None and process.poll() is not None:
            return None
        time.sleep(0.02)
    return None


def wav_onsets(path, block_ms=5):
    """(sample rate, (onset times in ms, length in ms)) of a 16-bit WAV file: an onset is a
    block whose peak rises well above the 50 ms before it (a bell's tail decays, never jumps)."""
    data = pathlib.Path(path).read_bytes()
    pos, rate, channels, bits, samples = 12, 0, 1, 0, array.array("h")
    while pos + 8 <= len(data):
        chunk, size = data[pos:pos + 4], struct.unpack("<I", data[pos + 4:pos + 8])[0]
        body = data[pos + 8:pos + 8 + size]
        if chunk == b"fmt ":
            _, channels, rate, _, _, bits = struct.unpack("<HHIIHH", body[:16])
        elif chunk == b"data":
            samples.frombytes(body[:len(body) // 2 * 2])
        pos += 8 + size + (size & 1)
    if bits != 16 or rate == 0:
        return rate, ([], 0)
    step = max(1, int(rate * block_ms / 1000)) * channels
    levels = [max(-min(samples[i:i + step]), max(samples[i:i + step]))
              for i in range(0, len(samples) - step, step)]
    onsets = []
    for i, level in enumerate(levels):
        floor = max(levels[max(0, i - 10):i], default=0)
        if level > 300 and level > 3 * floor + 100 and (not onsets or i - onsets[-1] > 40):
            onsets.append(i)
    return rate, ([i * block_ms for i in onsets], len(samples) // channels * 1000 // rate)


def p99(values):
    """Nearest-rank 99th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.99 * len(ordered)) - 1)]


# ---------------------------------------------------------------------------------------------
# Running the app


class Bench:
    def __init__(self, args):
        self.bin = args.bin
        self.out = pathlib.Path(args.out)
        self.mode = args.mode
        self.work = pathlib.Path(tempfile.mkdtemp(prefix="nightstretch-bench-"))
        self.home = self.work / "home"
        self.env = dict(os.environ, ALSOFT_DRIVERS="null", NIGHTSTRETCH_HOME=str(self.home))
        self.env.pop("NIGHTSTRETCH_EXIT_WHEN_DONE", None)
        self.results = {"mode": self.mode, "figures": {}, "details": {}}
        self.children = []

    def log(self, text):
        print(f"[{time.strftime('%H:%M:%S')}] {text}", flush=True)

    def figure(self, key, value, source):
        self.results["figures"][key] = {"value": round(value, 3), "source": source}

    def start_window(self, routine, trace, name, exit_when_done=False):
        env = dict(self.env)
        if exit_when_done:
            env["NIGHTSTRETCH_EXIT_WHEN_DONE"] = "1"
        process = subprocess.Popen(
            [self.bin, "start", routine, "--trace", str(trace)], env=env,
            stdin=subprocess.DEVNULL, stdout=open(self.out / f"{name}.out", "w"),
            stderr=open(self.out / f"{name}.err", "w"))
        self.children.append(process)
        return process

    def start_text(self, routine, trace, name, wav=None):
        """The terminal mode on a pseudo-terminal of 80x24, as a user would run it. With `wav`,
        OpenAL's wave writer records what it plays (mono, 16 bits, 22050 Hz) instead."""
        master, slave = pty.openpty()
        fcntl.ioctl(slave, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 80, 0, 0))
        env = dict(self.env, TERM="xterm-256color")
        if wav is not None:
            conf = self.work / f"{name}-alsoft.conf"
            conf.write_text("[general]\nchannels = mono\nsample-type = int16\nfrequency = 22050\n"
                            # half the default rate and period: the default 23 ms mixing step
                            "period_size = 512\n"
                            f"[wave]\nfile = {wav}\n")
            env.update(ALSOFT_DRIVERS="wave", ALSOFT_CONF=str(conf))
        env.pop("DISPLAY", None)  # the terminal mode must not need X
        process = subprocess.Popen(
            [self.bin, "start", "--text", routine, "--trace", str(trace)], env=env,
            stdin=slave, stdout=slave, stderr=open(self.out / f"{name}.err", "w"),
            start_new_session=True)
        os.close(slave)
        sink = open(self.out / f"{name}.out", "wb")

        def drain():
            while True:
                try:
                    chunk = os.read(master, 4096)
                except OSError:
                    break
                if not chunk:
                    break
                sink.write(chunk)
            sink.close()
            os.close(master)

        threading.Thread(target=drain, daemon=True).start()
        self.children.append(process)
        return process

    def stop(self, process, timeout=10):
        if process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()

    def cleanup(self):
        for process in self.children:
            if process.poll() is None:
                try:
                    if os.getpgid(process.pid) == process.pid:  # its own group: all of it
                        os.killpg(process.pid, signal.SIGKILL)
                    else:
                        process.kill()
                except ProcessLookupError:
                    pass
                process.wait()
        shutil.rmtree(self.work, ignore_errors=True)

    # -----------------------------------------------------------------------------------------
    # 1. The first hold of nightly: window (beside Workrave's exercises) and text mode

    def start_workrave(self):
        if not self.want_workrave:
            return None, None
        pid_file = self.work / "workrave.pid"
        pid_file.unlink(missing_ok=True)
        wr_home = self.work / "workrave-home"  # a fresh one each time: the same first start
        shutil.rmtree(wr_home, ignore_errors=True)
        wr_home.mkdir()
        env = dict(os.environ, HOME=str(wr_home), BENCH_PID_FILE=str(pid_file))
        env.pop("XDG_RUNTIME_DIR", None)
        script = pathlib.Path(__file__).with_name("workrave.sh")
        process = subprocess.Popen(["dbus-run-session", "--", "bash", str(script)], env=env,
                                   stdin=subprocess.DEVNULL,
                                   stdout=open(self.out / "workrave.out", "a"),
                                   stderr=subprocess.STDOUT, start_new_session=True)
        self.children.append(process)
        deadline = time.monotonic() + 40
        while time.monotonic() < deadline and process.poll() is None:
            if pid_file.exists() and pid_file.read_text().strip():
                return process, int(pid_file.read_text().split()[0])
            time.sleep(0.1)
        self.stop_group(process)
        self.log("Workrave did not open its exercises (see build/bench/workrave.out); "
                 "the comparison is left out")
        return None, None

    def stop_group(self, process):
        if process is not None and process.poll() is None:
            os.killpg(process.pid, signal.SIGTERM)
            try:
                process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()

    def settings(self, reduce_motion):
        """The window's settings.toml in the bench's home: the figure still or breathing."""
        config = self.home / "config"
        config.mkdir(parents=True, exist_ok=True)
        (config / "settings.toml").write_text(
            f"reduce_motion = {'true' if reduce_motion else 'false'}\n")

    def voice_helper(self, log_from):
        """The voice's helper process as the app logged it (the log file's lines written since
        `log_from`): it synthesises the routine's phrases before the session starts, then ends.
        Its peak counts the parent's pages it shares after fork."""
        log = self.home / "state" / "nightstretch.log"
        try:
            text = log.read_bytes()[log_from:].decode(errors="replace")
        except OSError:
            return None
        found = None
        for match in re.finditer(r"voice helper: (\d+) phrase\(s\) in (\d+) ms, peak (\d+) kB",
                                 text):
            if int(match.group(1)) > 0:
                found = {"phrases": int(match.group(1)), "ms": int(match.group(2)),
                         "peak_mb": round(int(match.group(3)) / 1024.0, 1)}
        return found

    def log_size(self):
        try:
            return (self.home / "state" / "nightstretch.log").stat().st_size
        except OSError:
            return 0

    def hold(self, front, run, breathing=False):
        name = f"hold-{front}{'-breathing' if breathing else ''}-{run}"
        trace = self.out / f"{name}.jsonl"
        log_from = self.log_size()
        workrave, wr_pid = (None, None)
        if front == "window":
            # The still figure is the window as measured before figures moved, beside Workrave.
            self.settings(reduce_motion=not breathing)
            if not breathing:
                workrave, wr_pid = self.start_workrave()
            process = self.start_window("nightly", trace, name)
        else:
            process = self.start_text("nightly", trace, name)
        first_hold = wait_for_event(trace, lambda e: e.get("event") == "phase"
                                    and e.get("kind") == "hold", 60, process)
        die_unless(first_hold is not None,
                   f"the {front} never reached nightly's first hold (see build/bench/{name}.err)")
        time.sleep(HOLD_SKIP_S)
        xvfb = find_process("Xvfb", os.environ.get("DISPLAY", "?")) if front == "window" else None
        watched = {"app": process.pid}
        if wr_pid:
            watched["workrave"] = wr_pid
        if xvfb:
            watched["xvfb"] = xvfb
        before = {key: Sample(pid) for key, pid in watched.items()}
        time.sleep(HOLD_WINDOW_S)
        after = {key: Sample(pid) for key, pid in watched.items()}
        memory = {key: read_status(pid) for key, pid in watched.items()}
        smaps = {key: smaps_top(pid) for key, pid in watched.items() if key != "xvfb"}
        if run == 1:
            for key, pid in watched.items():
                if key != "xvfb":
                    try:
                        (self.out / f"{name}-{key}.smaps").write_text(
                            pathlib.Path(f"/proc/{pid}/smaps").read_text())
                    except OSError:
                        pass
        self.stop(process)
        self.stop_group(workrave)
        events = read_trace(trace)
        phases = [e for e in events if e.get("event") == "phase"]
        later = [e for e in phases if e["index"] > first_hold["index"]]
        # The 20 s must lie inside the hold: the next phase may not start before they end.
        needed_ms = first_hold["at_ms"] + (HOLD_SKIP_S + HOLD_WINDOW_S) * 1000
        die_unless(not later or later[0]["at_ms"] >= needed_ms,
                   f"nightly's first hold is shorter than {HOLD_SKIP_S + HOLD_WINDOW_S:.0f} s")
        runs = {}
        for key in watched:
            runs[key] = cpu_over(watched[key], before[key], after[key])
            runs[key].update({
                "peak_mb": round(memory[key].get("VmHWM", 0), 1),
                "rss_mb": round(memory[key].get("VmRSS", 0), 1),
                "anon_mb": round(memory[key].get("RssAnon", 0), 1),
                "smaps_top": smaps.get(key, []),
            })
        runs["hold_started_ms"] = first_hold["at_ms"]
        helper = self.voice_helper(log_from)
        if helper:
            runs["voice_helper"] = helper
        return runs

    def holds(self):
        repeats = 3 if self.mode == "full" else 1
        for front in ("window", "text"):
            runs = []
            for run in range(1, repeats + 1):
                self.log(f"{front}: first hold of nightly, {HOLD_WINDOW_S:.0f} s from "
                         f"{HOLD_SKIP_S:g} s into it (run {run} of {repeats})"
                         + (", beside Workrave's exercises" if front == "window"
                            and self.want_workrave else ""))
                runs.append(self.hold(front, run))
            self.results["details"][f"hold_{front}"] = runs
            median = lambda key, field: statistics.median(r[key][field] for r in runs)
            source = f"median of {repeats} run(s)" if repeats > 1 else "one run"
            self.figure(f"{front}_cpu_pct", median("app", "cpu_pct"), source)
            self.figure(f"{front}_peak_mb", median("app", "peak_mb"), source)
            self.figure(f"{front}_anon_mb", median("app", "anon_mb"), source)
            self.figure(f"{front}_cpu_pct_schedstat", median("app", "cpu_pct_schedstat"), source)
            if all("voice_helper" in r for r in runs):
                for field in ("peak_mb", "ms"):
                    self.figure(f"{front}_voice_helper_{field}",
                                statistics.median(r["voice_helper"][field] for r in runs), source)
            if front == "window" and all("workrave" in r for r in runs):
                self.figure("workrave_cpu_pct", median("workrave", "cpu_pct"), source)
                self.figure("workrave_cpu_pct_schedstat", median("workrave", "cpu_pct_schedstat"),
                            source)
                self.figure("workrave_peak_mb", median("workrave", "peak_mb"), source)
                self.figure("workrave_anon_mb", median("workrave", "anon_mb"), source)
            if front == "window" and all("xvfb" in r for r in runs):
                self.figure("xvfb_cpu_pct", median("xvfb", "cpu_pct"), source)
            if front == "window":
                self.breathing(repeats, median("app", "cpu_pct"),
                               median("app", "cpu_pct_schedstat"), source)

    def breathing(self, repeats, still_pct, still_schedstat_pct, source):
        """The same hold with the figure breathing (reduce_motion off, the default)."""
        runs = []
        for run in range(1, repeats + 1):
            self.log(f"window: first hold of nightly with the figure breathing, "
                     f"{HOLD_WINDOW_S:.0f} s (run {run} of {repeats})")
            runs.append(self.hold("window", run, breathing=True))
        self.results["details"]["hold_window_breathing"] = runs
        breathing_pct = statistics.median(r["app"]["cpu_pct"] for r in runs)
        self.figure("window_breathe_cpu_pct", breathing_pct, source)
        breathing_schedstat_pct = statistics.median(r["app"]["cpu_pct_schedstat"] for r in runs)
        self.figure("window_breathe_cpu_pct_schedstat", breathing_schedstat_pct, source)
        # Ticks come in steps of 0.05% over 20 s; the scheduler's nanoseconds are finer.
        self.figure("window_breathe_delta_pct", breathing_pct - still_pct,
                    f"{source}: breathing minus still")
        self.figure("window_breathe_delta_pct_schedstat",
                    breathing_schedstat_pct - still_schedstat_pct,
                    f"{source}: breathing minus still")

    def profiles(self):
        """Where the CPU goes in the hold: `perf record` on a separate run, by thread and library."""
        if subprocess.run(["sh", "-c", "command -v perf"], capture_output=True).returncode != 0:
            self.log("profile: perf is not installed, skipped")
            return
        for front in ("window", "text"):
            name = f"profile-{front}"
            trace = self.out / f"{name}.jsonl"
            self.log(f"profile: perf record over {HOLD_WINDOW_S:.0f} s of the {front}'s first hold")
            process = (self.start_window if front == "window" else self.start_text)(
                "nightly", trace, name)
            first_hold = wait_for_event(trace, lambda e: e.get("event") == "phase"
                                        and e.get("kind") == "hold", 60, process)
            if first_hold is None:
                self.stop(process)
                self.log(f"profile: the {front} never reached its first hold, skipped")
                continue
            time.sleep(HOLD_SKIP_S)
            data = self.out / f"{name}.perf.data"
            recorded = subprocess.run(
                ["perf", "record", "-q", "-F", "999", "-p", str(process.pid), "-o", str(data),
                 "--", "sleep", str(HOLD_WINDOW_S)], capture_output=True, text=True)
            self.stop(process)
            report = subprocess.run(
                ["perf", "report", "-i", str(data), "--no-children", "--sort", "pid,dso",
                 "--stdio", "-g", "none"], capture_output=True, text=True)
            if recorded.returncode != 0 or report.returncode != 0:
                self.log(f"profile: perf failed: {(recorded.stderr + report.stderr).strip()[:200]}")
                continue
            rows = []
            for line in report.stdout.splitlines():
                parts = line.split()
                if len(parts) >= 3 and parts[0].endswith("%") and ":" in parts[1]:
                    tid, _, comm = parts[1].partition(":")
                    thread = "main thread" if tid == str(process.pid) else f"{comm} ({tid})"
                    rows.append({"share_pct": float(parts[0][:-1]), "thread": thread,
                                 "library": " ".join(parts[2:])})
            (self.out / f"{name}.perf.txt").write_text(report.stdout)
            self.results["details"][f"profile_{front}"] = rows

    # -----------------------------------------------------------------------------------------
    # 2. First frame

    def first_frames(self, count=10):
        self.log(f"first frame: {count} window starts")
        values = []
        for run in range(1, count + 1):
            name = f"first-frame-{run}"
            trace = self.out / f"{name}.jsonl"
            process = self.start_window("nightly", trace, name)
            event = wait_for_event(trace, lambda e: e.get("event") == "first_frame", 30, process)
            self.stop(process)
            die_unless(event is not None,
                       f"the window showed no first frame (see build/bench/{name}.err)")
            values.append(event["since_process_start_ms"])
        self.results["details"]["first_frame_ms"] = values
        self.figure("first_frame_ms", statistics.median(values), f"median of {count}")

    # -----------------------------------------------------------------------------------------
    # 3. Timing over a long routine, idle and beside a busy loop

    def write_fixture(self, minutes):
        """A routine of about `minutes` minutes made of short phases, so there are many to time."""
        folder = self.home / "config" / "routines"
        folder.mkdir(parents=True, exist_ok=True)
        block = [("wall-calf", "both", 20), ("tibialis-anterior", "both", 15),
                 ("seated-forward-bend", "none", 20), ("towel-stretch", "left", 15)]
        lines = [f'name = "Bench, about {minutes} minutes"',
                 "[defaults]", "prepare = 5", "switch = 5", "rest = 5", "reps = 2"]
        steps = []
        total = 0  # estimated here; the plan below says the real length
        while total < minutes * 60:
            stretch, sides, hold = block[len(steps) % len(block)]
            per_side = 2 * hold + 5  # hold, rest, hold
            total += 5 + (2 * per_side + 5 if sides == "both" else per_side)
            steps.append((stretch, sides, hold))
        for stretch, sides, hold in steps:
            lines += ["", "[[steps]]", f'stretch = "{stretch}"', f'sides = "{sides}"',
                      f"hold = {hold}"]
        routine_id = f"bench-{minutes}-minutes"
        (folder / f"{routine_id}.toml").write_text("\n".join(lines) + "\n")
        plan = subprocess.run([self.bin, "plan", routine_id, "--json"], env=self.env,
                              capture_output=True, text=True)
        die_unless(plan.returncode == 0,
                   f"the fixture routine does not load: {plan.stderr.strip()}")
        return routine_id, json.loads(plan.stdout)

    def timing(self):
        minutes = 10 if self.mode == "full" else 3
        routine_id, plan = self.write_fixture(minutes)
        total = plan.get("total_seconds") or plan.get("totalSeconds")
        self.log(f"timing: routine '{routine_id}' ({total} s, {len(plan.get('phases', []))} "
                 f"phases), window and text at once, idle then beside a busy loop")
        details = {"routine": routine_id, "routine_seconds": total}
        for load in ("idle", "busy"):
            busy = None
            if load == "busy":
                busy = subprocess.Popen(["sh", "-c", "while :; do :; done"],
                                        start_new_session=True)
                self.children.append(busy)
            try:
                traces = {front: self.out / f"timing-{load}-{front}.jsonl"
                          for front in ("window", "text")}
                window = self.start_window(routine_id, traces["window"], f"timing-{load}-window",
                                           exit_when_done=True)
                wav = self.out / "timing-idle-text.wav" if load == "idle" else None
                text = self.start_text(routine_id, traces["text"], f"timing-{load}-text", wav)
                for front, process in (("window", window), ("text", text)):
                    try:
                        process.wait(total + 120)
                    except subprocess.TimeoutExpired:
                        self.stop(process)
                        raise BenchError(f"the {front} did not finish the {minutes}-minute "
                                         "routine in time")
            finally:
                if busy is not None:
                    os.killpg(busy.pid, signal.SIGKILL)
                    busy.wait()
            for front, trace in traces.items():
                events = read_trace(trace)
                end = next((e for e in events if e.get("event") == "end"), None)
                die_unless(end is not None and end.get("status") == "completed",
                           f"the {front} did not complete the routine (see build/bench/"
                           f"timing-{load}-{front}.err)")
                late = [e["at_ms"] - e["due_ms"] for e in events if e.get("event") == "phase"]
                chimes = [e["at_ms"] - e["due_ms"] for e in events if e.get("event") == "chime"]
                details[f"{load}_{front}"] = {
                    "phases": len(late), "phase_late_p99_ms": p99(late),
                    "phase_late_max_ms": max(late), "phase_late_median_ms":
                    statistics.median(late), "chime_late_p99_ms": p99(chimes) if chimes else None,
                    "end_drift_ms": end["at_ms"] - end["due_ms"]}
                source = f"{total // 60}:{total % 60:02d} routine, {len(late)} phases"
                self.figure(f"phase_p99_{load}_{front}_ms", p99(late), source)
                self.figure(f"end_drift_{load}_{front}_ms", end["at_ms"] - end["due_ms"], source)
                # The voice: how late each phrase started after it was due (its chime's strike).
                said = [e["at_ms"] - e["due_ms"] for e in events if e.get("event") == "say"]
                details[f"{load}_{front}"]["say_late_ms"] = said
                if said:
                    said_source = f"{len(said)} phrases, {total // 60}:{total % 60:02d} routine"
                    self.figure(f"say_p50_{load}_{front}_ms", statistics.median(said),
                                said_source)
                    self.figure(f"say_p99_{load}_{front}_ms", p99(said), said_source)
                    self.figure(f"say_max_{load}_{front}_ms", max(said), said_source)
        self.results["details"]["timing"] = details
        self.heard(self.out / "timing-idle-text.wav", self.out / "timing-idle-text.jsonl")

    def heard(self, wav, trace):
        """The chimes as recorded by OpenAL's wave writer in the idle text run, against the trace:
        how many were heard, and how far each onset is from the plan once the line that best
        joins them is taken away (the writer's clock drifts a little from the steady clock)."""
        if not wav.exists():
            self.log("audio: no recording was made (OpenAL's wave writer missing?)")
            return
        rate, found = wav_onsets(wav)
        chimes = [e for e in read_trace(trace) if e.get("event") == "chime"]
        end = next((e for e in read_trace(trace) if e.get("event") == "end"), None)
        recorded_ms = found[1] if found else 0
        onsets = found[0] if found else []
        detail = {"wav": wav.name, "rate": rate, "recorded_s": round(recorded_ms / 1000, 1),
                  "chimes_traced": len(chimes), "onsets_heard": len(onsets)}
        source = f"{len(chimes)} in the trace, idle text run"
        if chimes and len(onsets) < len(chimes):
            # OpenAL 1.19's wave writer starts its file again when a paused device resumes, and
            # the app pauses the device between cues: the file then holds the last cue or less.
            source += " (wave writer restarts on resume: not a count of what played)"
        self.figure("chimes_heard", len(onsets), source)
        # A device paused between cues leaves gaps out of the file: its time is then not the
        # session's, and only the count means anything.
        if len(chimes) > 2 and len(onsets) == len(chimes) and end and \
                recorded_ms >= end["at_ms"] - 500:
            due = [c["due_ms"] for c in chimes]
            mean_due, mean_onset = statistics.mean(due), statistics.mean(onsets)
            slope = sum((d - mean_due) * (o - mean_onset) for d, o in zip(due, onsets)) / sum(
                (d - mean_due) ** 2 for d in due)
            off = [round(o - (mean_onset + slope * (d - mean_due))) for d, o in zip(due, onsets)]
            detail.update(onset_off_ms=off, recorder_drift_ms_per_min=round((slope - 1) * 60000, 1))
            self.figure("chime_onset_p99_ms", p99([abs(x) for x in off]),
                        f"|onset - plan|, recorder drift ({detail['recorder_drift_ms_per_min']}"
                        " ms/min) removed, 5 ms blocks")
        self.results["details"]["audio"] = detail

    # -----------------------------------------------------------------------------------------
    # 4. stats --json over ten years of nightly history

    def history(self):
        home = self.work / "history-home"
        subprocess.run([self.bin, "--home", str(home), "stats", "--json"], env=self.env,
                       check=True, stdout=subprocess.DEVNULL)  # creates the database
        db = sqlite3.connect(home / "data" / "history.sqlite3")
        start = datetime.date(2026, 11, 20) - datetime.timedelta(days=3652)
        rows, checkins = [], []
        for i in range(3653):
            night = start + datetime.timedelta(days=i)
            t = int(datetime.datetime(night.year, night.month, night.day, 21, 30).timestamp())
            held = 240 if i % 9 else 120
            rows.append(("nightly", "Nightly", t, t + 500, 0, night.isoformat(), 240, held, 0,
                         "completed" if held == 240 else "quit", "window"))
            if i % 3 == 0:
                checkins.append((night.isoformat(), i % 4, i % 11, (i * 7) % 11, "", t + 36000))
        db.executemany(
            "INSERT INTO sessions (routine_id, routine_name, started_at, ended_at,"
            " utc_offset_minutes, night, planned_hold_seconds, hold_seconds_done, steps_skipped,"
            " status, source) VALUES (?,?,?,?,?,?,?,?,?,?,?)", rows)
        db.executemany("INSERT INTO checkins VALUES (?,?,?,?,?,?)", checkins)
        db.commit()
        db.close()
        self.log(f"stats: ten years of history ({len(rows)} sessions, {len(checkins)} check-ins),"
                 " 11 runs each")

        def median_ms(args, runs=11):
            times = []
            for _ in range(runs):
                began = time.perf_counter()
                subprocess.run([self.bin, "--home", str(home)] + args, env=self.env, check=True,
                               stdout=subprocess.DEVNULL)
                times.append((time.perf_counter() - began) * 1000)
            return statistics.median(times), times

        stats, stats_all = median_ms(["stats", "--json", "--today", "2026-11-20"])
        bare, _ = median_ms(["--version"])
        png, _ = median_ms(["stats", "--png", str(self.work / "p.png"), "--today", "2026-11-20"])
        self.figure("stats_json_ms", stats, "median of 11")
        self.figure("version_ms", bare, "median of 11 (a bare start-up, for scale)")
        self.figure("stats_png_ms", png, "median of 11")
        self.results["details"]["stats_json_ms"] = [round(t, 2) for t in stats_all]

    # -----------------------------------------------------------------------------------------

    def run(self, parts):
        if "hold" in parts:
            self.holds()
        if "profile" in parts:
            self.profiles()
        if "frame" in parts:
            self.first_frames()
        if "timing" in parts:
            self.timing()
        if "stats" in parts:
            self.history()


# ---------------------------------------------------------------------------------------------
# The table


def table(results):
    figures = results["figures"]
    rows = []

    def row(label, key, budget, unit, digits=2):
        if key not in figures:
            return
        value = figures[key]["value"]
        status = "" if budget is None else ("PASS" if value <= budget else "MISS")
        rows.append((label, f"{value:.{digits}f} {unit}",
                     "report" if budget is None else f"<= {budget:g} {unit}", status,
                     figures[key]["source"]))
        figures[key].update({"budget": budget, "unit": unit, "status": status or "report"})

    row("window CPU, first hold, still figure (ticks)", "window_cpu_pct", 0.15, "%", 3)
    row("  same, scheduler ns", "window_cpu_pct_schedstat", None, "%", 3)
    row("window CPU, same hold, figure breathing", "window_breathe_cpu_pct", None, "%", 3)
    row("  same, scheduler ns", "window_breathe_cpu_pct_schedstat", None, "%", 3)
    row("  breathing above still (ticks)", "window_breathe_delta_pct", 0.5, "%", 3)
    row("  same, scheduler ns", "window_breathe_delta_pct_schedstat", None, "%", 3)
    row("window peak memory VmHWM", "window_peak_mb", 105, "MB", 1)
    row("window RssAnon", "window_anon_mb", None, "MB", 1)
    row("  voice helper before the session, peak", "window_voice_helper_peak_mb", None, "MB", 1)
    row("  voice helper's life", "window_voice_helper_ms", None, "ms", 0)
    row("Workrave exercises CPU (ticks)", "workrave_cpu_pct", None, "%", 3)
    row("  same, scheduler ns", "workrave_cpu_pct_schedstat", None, "%", 3)
    row("Workrave peak memory VmHWM", "workrave_peak_mb", None, "MB", 1)
    row("Workrave RssAnon", "workrave_anon_mb", None, "MB", 1)
    row("Xvfb CPU over the same 20 s", "xvfb_cpu_pct", None, "%", 3)
    row("text CPU, first hold (ticks)", "text_cpu_pct", 0.05, "%", 3)
    row("  same, scheduler ns", "text_cpu_pct_schedstat", None, "%", 3)
    row("text peak memory VmHWM", "text_peak_mb", 15, "MB", 1)
    row("text RssAnon", "text_anon_mb", None, "MB", 1)
    row("  voice helper before the session, peak", "text_voice_helper_peak_mb", None, "MB", 1)
    row("  voice helper's life", "text_voice_helper_ms", None, "ms", 0)
    row("first frame since process start", "first_frame_ms", 200, "ms", 0)
    for load in ("idle", "busy"):
        for front in ("window", "text"):
            row(f"phase start late p99, {front}, {load}", f"phase_p99_{load}_{front}_ms", 17,
                "ms", 0)
            row(f"end drift, {front}, {load}", f"end_drift_{load}_{front}_ms", 20, "ms", 0)
            for stat in ("p50", "p99", "max"):
                row(f"  phrase start late {stat}, {front}, {load}",
                    f"say_{stat}_{load}_{front}_ms", 20, "ms", 0)
    row("chimes heard in the recording", "chimes_heard", None, "", 0)
    row("  chime onset off plan p99 (audio)", "chime_onset_p99_ms", None, "ms", 0)
    row("stats --json, ten years", "stats_json_ms", 10, "ms", 1)
    row("  stats --png, ten years", "stats_png_ms", None, "ms", 1)
    row("  --version (bare start-up)", "version_ms", None, "ms", 1)

    widths = [max(len(r[i]) for r in rows + [("figure", "measured", "budget", "status", "from")])
              for i in range(5)]
    lines = []
    header = ("figure", "measured", "budget", "status", "from")
    for r in [header] + rows:
        lines.append("  ".join(c.ljust(widths[i]) for i, c in enumerate(r)).rstrip())
        if r is header:
            lines.append("  ".join("-" * w for w in widths))
    return "\n".join(lines)


def side_by_side(results):
    """Window and Workrave over the same 20 s, and where each one's CPU and memory went."""
    runs = results["details"].get("hold_window")
    run = runs[0] if runs else {}
    lines = []
    for key in ("app", "workrave", "text"):
        data = run.get(key)
        if key == "text":
            text_runs = results["details"].get("hold_text")
            data = text_runs[0]["app"] if text_runs else None
        if not data:
            continue
        label = {"app": "Nightstretch window", "workrave": "Workrave exercises",
                 "text": "Nightstretch text mode"}[key]
        lines.append(f"\n{label}: {data['ticks']} ticks in {data['elapsed_s']:.1f} s = "
                     f"{data['cpu_pct']:.3f}% of a core (scheduler: "
                     f"{data['cpu_pct_schedstat']:.3f}%), peak {data['peak_mb']:.1f} MB, "
                     f"RSS {data['rss_mb']:.1f} MB, anonymous {data['anon_mb']:.1f} MB")
        lines.append("  CPU by thread: " + ", ".join(
            f"{name} x{t['count']} {t['cpu_pct']:.3f}%"
            for name, t in list(data["threads"].items())[:6]))
        lines.append("  memory by mapping (Rss / anonymous, kB):")
        for m in data["smaps_top"]:
            lines.append(f"    {m['rss_kb']:7d} {m['anon_kb']:7d}  {m['mapping']}")
    for front in ("window", "text"):
        rows = results["details"].get(f"profile_{front}")
        if rows:
            lines.append(f"\nperf, {front}, share of its samples by thread (busiest library):")
            threads = {}
            for r in rows:
                entry = threads.setdefault(r["thread"], {"share": 0.0, "top": ""})
                entry["share"] += r["share_pct"]
                if not entry["top"] and not r["library"].startswith("[kernel"):
                    entry["top"] = r["library"]  # its busiest library outside the kernel
            for thread, entry in sorted(threads.items(), key=lambda kv: -kv[1]["share"]):
                lines.append(f"  {entry['share']:6.2f}%  {thread:<24} ({entry['top']})")
            lines.append(f"perf, {front}, by thread and library:")
            for r in rows[:12]:
                lines.append(f"  {r['share_pct']:6.2f}%  {r['thread']:<24} {r['library']}")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--bin", required=True)
    parser.add_argument("--out", required=True)
    parser.add_argument("--mode", choices=("quick", "full"), default="quick")
    parser.add_argument("--parts", default="hold,profile,frame,timing,stats")
    parser.add_argument("--no-workrave", action="store_true")
    args = parser.parse_args()
    bench = Bench(args)
    bench.want_workrave = not args.no_workrave
    began = time.monotonic()
    try:
        die_unless(os.access(args.bin, os.X_OK), f"there is no executable at {args.bin}")
        die_unless(os.environ.get("DISPLAY"), "there is no X display (run under xvfb-run)")
        probe = subprocess.run(["xdotool", "getdisplaygeometry"], capture_output=True, text=True)
        die_unless(probe.returncode == 0,
                   f"the X display {os.environ['DISPLAY']} does not answer: {probe.stderr.strip()}")
        bench.run(set(args.parts.split(",")))
    except BenchError as error:
        print(f"scripts/bench: cannot run: {error}.", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 130
    except Exception:  # a bug in the bench itself: still a sentence, and not exit 1 (xvfb-run's)
        traceback.print_exc()
        print("scripts/bench: cannot run: the bench itself failed (above).", file=sys.stderr)
        return 3
    finally:
        bench.cleanup()
    bench.results["seconds"] = round(time.monotonic() - began)
    bench.results["date"] = datetime.datetime.now(datetime.timezone.utc).isoformat(
        timespec="seconds")
    bench.results["commit"] = subprocess.run(
        ["git", "-C", str(pathlib.Path(args.bin).resolve().parent), "rev-parse", "--short",
         "HEAD"], capture_output=True, text=True).stdout.strip()
    text = table(bench.results) + "\n" + side_by_side(bench.results)
    print("\n" + text)
    (bench.out / "table.txt").write_text(text + "\n")
    (bench.out / "results.json").write_text(json.dumps(bench.results, indent=2) + "\n")
    misses = [k for k, f in bench.results["figures"].items() if f.get("status") == "MISS"]
    print(f"\n{len(misses)} budget(s) missed. Results: {bench.out / 'results.json'}; traces and "
          f"logs beside it. Took {bench.results['seconds']} s ({args.mode}).")
    return 0


if __name__ == "__main__":
    sys.exit(main())
