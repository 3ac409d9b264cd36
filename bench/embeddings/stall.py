#!/usr/bin/env python3
"""The embedding service under clients that give up: N concurrent keep-alive clients, each sending one text at a
time; every other request is abandoned after --abort-after seconds (its connection closed, as an HTTP client does
when a caller cancels), the others wait up to --timeout. Reports the latency of the requests that were waited for.
Loopback only; bounded by --duration.

  python3 bench/embeddings/stall.py --port 58181 [--clients 200] [--duration 30] [--abort-after 0.6] [--no-abort]
"""
import argparse
import http.client
import json
import socket
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--port", type=int, required=True)
parser.add_argument("--clients", type=int, default=200)
parser.add_argument("--duration", type=float, default=30)
parser.add_argument("--abort-after", type=float, default=0.6)
parser.add_argument("--timeout", type=float, default=120)
parser.add_argument("--no-abort", action="store_true")
args = parser.parse_args()

lock = threading.Lock()
waited, aborted, errors = [], [0], [0]
stop_at = time.monotonic() + args.duration
load_stopped = [None]


def client(index):
    conn = None
    n = 0
    while time.monotonic() < stop_at:
        n += 1
        abort = not args.no_abort and (index + n) % 2 == 0
        body = json.dumps({"model": "use-lite-512", "input": f"client {index} asks question {n}: is the boiler covered?"})
        if conn is None:
            conn = http.client.HTTPConnection("127.0.0.1", args.port, timeout=args.timeout)
        started = time.monotonic()
        try:
            conn.timeout = args.abort_after if abort else args.timeout
            if conn.sock is not None:
                conn.sock.settimeout(conn.timeout)
            conn.request("POST", "/v1/embeddings", body, {"content-type": "application/json"})
            response = conn.getresponse()
            response.read()
            if response.status != 200:
                with lock:
                    errors[0] += 1
            else:
                with lock:
                    waited.append((time.monotonic() - started, started))
        except (socket.timeout, TimeoutError):
            conn.close()
            conn = None
            with lock:
                if abort:
                    aborted[0] += 1
                else:
                    errors[0] += 1
        except (ConnectionError, http.client.HTTPException, OSError):
            if conn is not None:
                conn.close()
            conn = None
            with lock:
                errors[0] += 1
    if conn is not None:
        conn.close()


threads = [threading.Thread(target=client, args=(i,), daemon=True) for i in range(args.clients)]
begin = time.monotonic()
for t in threads:
    t.start()
for t in threads:
    t.join(args.duration + args.timeout + 5)
latencies = sorted(w for w, _ in waited)


def pct(p):
    return latencies[min(len(latencies) - 1, int(p / 100 * len(latencies)))] * 1000 if latencies else float("nan")


print(f"clients {args.clients}, {args.duration:.0f} s, aborts {'off' if args.no_abort else f'every other request after {args.abort_after} s'}")
print(f"answered {len(latencies)}, abandoned {aborted[0]}, errors {errors[0]}, ended {time.monotonic() - begin:.1f} s after the start")
print(f"waited-for requests ms: p50 {pct(50):.0f}  p99 {pct(99):.0f}  max {latencies[-1] * 1000 if latencies else float('nan'):.0f}")
print(f"waited-for requests over 5 s: {sum(1 for w in latencies if w > 5)}")
