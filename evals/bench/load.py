"""A bounded load test: N concurrent gradio_client clients ask the running UI's /ask endpoint."""
from __future__ import annotations

import socket
import subprocess
import sys
import threading
import time
import urllib.request

import numpy as np

from app.settings import Settings
from evals.bench.query_bench import bench_questions


def run_load(settings: Settings, clients: int = 8, per_client: int = 6, startup_timeout_s: float = 180) -> dict:
    """Start `aisec ui` on a free loopback port, send clients × per_client questions, stop it."""
    port = _free_port()
    env = {**__import__("os").environ, "AISEC_DATA_DIR": str(settings.data_dir), "AISEC_CORPUS_DIR": str(settings.corpus_dir)}
    server = subprocess.Popen([sys.executable, "-m", "app.cli", "ui", "--host", "127.0.0.1", "--port", str(port)],
                              env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        url = f"http://127.0.0.1:{port}/"
        _wait_for(url, server, startup_timeout_s)
        return _drive(url, clients, per_client)
    finally:
        server.terminate()
        server.wait(timeout=30)


def _drive(url: str, clients: int, per_client: int) -> dict:
    from gradio_client import Client

    questions = bench_questions(clients * per_client)
    latencies: list[float] = []
    errors: list[str] = []
    mixed = 0
    lock = threading.Lock()

    def worker(index: int) -> None:
        nonlocal mixed
        client = Client(url, verbose=False)
        for question in questions[index::clients]:
            started = time.perf_counter()
            try:
                answer = client.predict(question=question, api_name="/ask")
            except Exception as exc:  # every failure is counted, not raised
                with lock:
                    errors.append(f"{type(exc).__name__}: {exc}"[:200])
                continue
            with lock:
                latencies.append((time.perf_counter() - started) * 1000)
                mixed += answer.get("question") != question

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(i,)) for i in range(clients)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    elapsed = time.perf_counter() - started
    values = np.asarray(latencies or [0.0])
    return {"clients": clients, "requests": len(questions), "answered": len(latencies), "errors": len(errors),
            "error_samples": errors[:3], "mixed": mixed, "seconds": round(elapsed, 2),
            "throughput_rps": round(len(latencies) / elapsed, 2),
            "p50_ms": round(float(np.percentile(values, 50)), 1), "p95_ms": round(float(np.percentile(values, 95)), 1)}


def _wait_for(url: str, server: subprocess.Popen, timeout_s: float) -> None:
    deadline = time.monotonic() + timeout_s
    while time.monotonic() < deadline:
        if server.poll() is not None:
            raise RuntimeError(f"`aisec ui` exited with code {server.returncode} before answering")
        try:
            urllib.request.urlopen(url, timeout=2)
            return
        except OSError:
            time.sleep(0.5)
    raise RuntimeError(f"`aisec ui` did not answer on {url} within {timeout_s:.0f} s")


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]
