"""`ateb ui` as a separate process on a free loopback port, for the benchmarks that
measure the app as its users meet it."""
from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_app(index: Path, limit: float = 180.0) -> tuple[subprocess.Popen, str]:
    """Start the app on `index`; return it and its URL once it answers HTTP."""
    url = f"http://127.0.0.1:{free_port()}/"
    port = url.rsplit(":", 1)[1].strip("/")
    process = subprocess.Popen([sys.executable, "-m", "ateb", "ui", "--index", str(index), "--port", port],
                               stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                               env={**os.environ, "HF_HUB_OFFLINE": "1"})
    deadline = time.perf_counter() + limit
    while True:
        if process.poll() is not None:
            raise RuntimeError(f"ateb ui exited with {process.returncode}")
        try:
            with urllib.request.urlopen(url, timeout=2):
                return process, url
        except OSError:
            if time.perf_counter() > deadline:
                process.kill()
                raise TimeoutError(f"{url} did not answer within {limit:.0f} s") from None
            time.sleep(0.1)


def stop_app(process: subprocess.Popen) -> None:
    process.terminate()
    process.wait(timeout=30)
