"""The machine a benchmark ran on: CPU model and the instruction sets that decide the int8 kernels."""
from __future__ import annotations

import os
import platform
from pathlib import Path

INSTRUCTION_SETS = ("avx2", "avx512f", "avx512_vnni", "avx_vnni", "amx_int8")


def describe_machine(cpuinfo: Path = Path("/proc/cpuinfo")) -> dict:
    """CPU model, which of INSTRUCTION_SETS it has, core count and Python version."""
    model, flags = platform.processor() or "unknown", set()
    if cpuinfo.exists():
        for line in cpuinfo.read_text(errors="replace").splitlines():
            key, _, value = line.partition(":")
            if key.strip() == "model name":
                model = value.strip()
            elif key.strip() == "flags":
                flags = set(value.split())
    return {"cpu": model, "instruction_sets": [i for i in INSTRUCTION_SETS if i in flags],
            "cpus": os.cpu_count(), "python": platform.python_version()}


def cpu_label(machine: dict) -> str:
    """One line naming the CPU and its relevant instruction sets, e.g. for a table caption."""
    sets = ", ".join(machine.get("instruction_sets") or []) or "none of " + "/".join(INSTRUCTION_SETS)
    return f"{machine.get('cpu', 'unknown CPU')} ({sets}; {machine.get('cpus')} CPUs)"
