"""The screenshot of `mgpt serve`'s page in docs/: starts a server, asks a question in Debian's
chromium (through Playwright) and saves the page.

    python scripts/serve_screenshot.py --db kb.db --question "When was the Kestrel 2 tent released?"
    python scripts/serve_screenshot.py --ckpt model.npz --db kb.db -q "..." -o docs/serve.png
"""

import argparse
import os
import tempfile

from bench_serve import Server

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--ckpt", help="Model [default: the shipped reader].")
    parser.add_argument("--db", required=True, help="Milvus Lite database (mgpt index).")
    parser.add_argument("-q", "--question", required=True)
    parser.add_argument("-o", "--out", default=os.path.join(os.path.dirname(__file__), "..", "docs", "serve.png"))
    parser.add_argument("--width", type=int, default=900)
    parser.add_argument("--height", type=int, default=720)
    args = parser.parse_args()
    from playwright.sync_api import sync_playwright

    server = Server(args.ckpt, 16, 512, "--db", args.db)
    try:
        with sync_playwright() as p, tempfile.TemporaryDirectory() as profile:
            context = p.chromium.launch_persistent_context(profile, executable_path=CHROMIUM, args=ARGS,
                                                           headless=True,
                                                           viewport={"width": args.width, "height": args.height})
            page = context.new_page()
            page.goto(server.url)
            page.wait_for_function("() => !document.getElementById('model').textContent.startsWith('connecting')")
            page.fill("#question", args.question)
            page.press("#question", "Enter")
            page.wait_for_selector("#answer:not([hidden])")
            page.screenshot(path=args.out)
            context.close()
    finally:
        server.stop()
    print(args.out)


if __name__ == "__main__":
    main()
