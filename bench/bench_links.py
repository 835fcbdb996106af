"""Benchmark the link checker: 1,000 links over 10 loopback hosts that each answer in 100 ms.

    python bench/bench_links.py [--links 1000] [--hosts 10] [--latency 0.1] [--per-host 4]

The servers (127.0.0.1 ... 127.0.0.10, one asyncio server per address, HTTP/1.1 keep-alive) run in
a child process so they do not share the checker's event loop or GIL. With `per-host` requests in
flight per host and every host served in parallel, the best possible time is

    ideal = links_per_host * latency / per_host      (1,000 links: 100 * 0.1 s / 4 = 2.5 s)

The goal is to stay within 1.5x of it. Nothing here touches a non-loopback address.
"""

from __future__ import annotations

import argparse
import asyncio
import subprocess
import sys
import time
from collections import Counter


async def _serve(hosts: int, port: int, latency: float) -> None:
    counts: Counter[str] = Counter()
    in_flight: Counter[str] = Counter()
    peak: Counter[str] = Counter()

    async def handle(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                if not head:
                    break
                counts[host] += 1
                in_flight[host] += 1
                peak[host] = max(peak[host], in_flight[host])
                await asyncio.sleep(latency)
                in_flight[host] -= 1
                writer.write(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n")
                await writer.drain()
        except (asyncio.IncompleteReadError, ConnectionError):
            pass
        finally:
            writer.close()

    servers = [
        await asyncio.start_server(handle, f"127.0.0.{i}", port) for i in range(1, hosts + 1)
    ]
    print("ready", flush=True)
    loop = asyncio.get_running_loop()
    # The parent closes our stdin when it is done; then report what each host saw.
    await loop.run_in_executor(None, sys.stdin.read)
    for server in servers:
        server.close()
    busiest = max(peak.values(), default=0)
    print(f"requests {sum(counts.values())}, most in flight on one host {busiest}", flush=True)


def _free_port() -> int:
    import socket

    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--links", type=int, default=1000)
    parser.add_argument("--hosts", type=int, default=10)
    parser.add_argument("--latency", type=float, default=0.1)
    parser.add_argument("--per-host", type=int, default=4)
    parser.add_argument("--concurrency", type=int, default=64)
    parser.add_argument("--serve", type=int, default=None, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.serve is not None:
        asyncio.run(_serve(args.hosts, args.serve, args.latency))
        return 0

    from newslint.linkcheck import LinkSettings, check_links

    port = _free_port()
    serve = ["--serve", str(port), "--hosts", str(args.hosts), "--latency", str(args.latency)]
    child = subprocess.Popen(
        [sys.executable, __file__, *serve],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert child.stdout is not None and child.stdin is not None
    if child.stdout.readline().strip() != "ready":
        child.kill()
        print("the servers did not start", file=sys.stderr)
        return 1
    urls = [f"http://127.0.0.{i % args.hosts + 1}:{port}/article/{i}" for i in range(args.links)]
    settings = LinkSettings(
        concurrency=args.concurrency,
        per_host=args.per_host,
        use_cache=False,
        trust_env=False,
        timeout=10,
    )
    started = time.perf_counter()
    results = check_links(urls, settings)
    elapsed = time.perf_counter() - started
    child.stdin.close()
    served = child.stdout.readline().strip()
    child.wait(timeout=10)
    ok = sum(1 for r in results.values() if r.verdict == "ok")
    per_host = -(-args.links // args.hosts)
    ideal = per_host * args.latency / args.per_host
    print(
        f"{args.links} links, {args.hosts} hosts, {args.latency * 1000:.0f} ms latency, "
        f"per-host {args.per_host}: {elapsed:.2f} s; ideal {ideal:.2f} s; "
        f"ratio {elapsed / ideal:.2f} (goal <= 1.5); {ok} ok; server: {served}"
    )
    return 0 if ok == args.links else 1


if __name__ == "__main__":
    sys.exit(main())
