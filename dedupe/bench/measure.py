"""Running a command as a child process: wall time from spawn to exit and peak RSS
(the largest resident set of the child or any descendant it waited for, from wait4)."""

from __future__ import annotations

import os
import platform
import subprocess
import sys
import time
from dataclasses import dataclass


@dataclass(frozen=True)
class Measured:
    wall_s: float
    peak_rss_mb: float
    returncode: int
    stderr_tail: str


def measure(command: list[str], show_output: bool = False) -> Measured:
    """Run `command`; its stderr goes to the terminal when `show_output` (progress bars),
    otherwise its last lines are kept for the error message."""
    clock = time.perf_counter()
    child = subprocess.Popen(command, stdout=subprocess.DEVNULL,
                             stderr=None if show_output else subprocess.PIPE, text=True)
    tail = ""
    if not show_output:
        tail = "\n".join(child.stderr.read().splitlines()[-15:])
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - clock
    child.returncode = os.waitstatus_to_exitcode(status)  # so that Popen does not wait again
    return Measured(wall, usage.ru_maxrss / 1024, child.returncode, tail)


def machine_info() -> dict:
    """What the figures were taken on."""
    import numpy

    info = {"python": platform.python_version(), "platform": platform.platform(), "cpus": os.cpu_count(),
            "processor": platform.processor() or platform.machine(), "numpy": numpy.__version__,
            "load_average": list(os.getloadavg())}
    try:
        with open("/proc/meminfo", encoding="ascii") as meminfo:
            info["memory_gb"] = round(int(meminfo.readline().split()[1]) / 2**20, 1)
        with open("/proc/cpuinfo", encoding="ascii") as cpuinfo:
            names = [line.split(":", 1)[1].strip() for line in cpuinfo if line.startswith("model name")]
            if names:
                info["processor"] = names[0]
    except OSError:
        pass
    for package in ("datasketch", "rensa", "dedupe"):
        info[package] = _version(package)
    info["executable"] = sys.executable
    return info


def _version(package: str) -> str | None:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("news-dedupe" if package == "dedupe" else package)
    except PackageNotFoundError:
        return None
