"""A real OpenAI-compatible server on 127.0.0.1 for the tests: llama.cpp's own server
(from the xllamacpp wheel) serving a GGUF file, in its own process.

    python tests/llm_server.py --model FILE --port N --api-key KEY

Prints "ready <url>" once it listens, then serves until killed.
"""
from __future__ import annotations

import argparse
import signal
import sys
import threading


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--model", required=True)
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--api-key", required=True)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()

    import xllamacpp

    from assistant.llm import server_params

    params = server_params(args.model, 4096, args.threads, args.api_key, port=args.port)
    server = xllamacpp.Server(params)
    print(f"ready {server.listening_address}", flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    stop.wait()
    del server
    sys.exit(0)


if __name__ == "__main__":
    main()
