"""`mgpt serve`: a generator (with its adapters), a reader and the documents behind an HTTP server, with a page.

The command checks everything it can before it listens (the address and the key, the model,
the adapters, the store), each failure one line and exit 2; then uvicorn runs the app of
mgpt.serve until Ctrl-C or SIGTERM, after which in-flight requests get --shutdown-timeout
seconds to finish and the command exits 0.
"""

import ipaddress
import signal
import socket

import click

from ..errors import MgptError
from .common import POSITIVE_FLOAT, POSITIVE_INT, note
from .rag import store_location, store_options


@click.command(context_settings={"show_default": True})
@click.option("--ckpt", help="Model to generate with (/v1/completions, chat without documents) [default: none].")
@click.option("--adapter", "adapters", multiple=True, metavar="[NAME=]PATH[:WEIGHT]",
              help="LoRA adapter of --ckpt, a model of its own that a request picks with \"model\": NAME "
                   "[default: the file's name]; repeat for several. One trained on the reader applies to every "
                   "question, as with mgpt ask.")
@click.option("--reader", help="Model that answers questions (/v1/ask, chat) [default: the reader shipped with "
                               "mgpt, when there are documents].")
@store_options
@click.option("--host", default="127.0.0.1", help="Address to listen on; another than loopback needs --api-key.")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, help="Port to listen on (0: any free one).")
@click.option("--api-key", envvar="MGPT_API_KEY", show_envvar=True,
              help="Require `Authorization: Bearer KEY` on every endpoint but /health and the page.")
@click.option("--max-tokens-cap", type=POSITIVE_INT, default=512, help="Largest max_tokens a request may ask for.")
@click.option("--max-batch", type=click.IntRange(1, 256), default=16, help="Rows decoded together at most.")
@click.option("--queue", type=click.IntRange(1, 100_000), default=64,
              help="Requests that may wait for rows; beyond, 503 with Retry-After.")
@click.option("--shutdown-timeout", type=POSITIVE_FLOAT, default=30.0,
              help="Seconds in-flight requests get to finish after Ctrl-C or SIGTERM.")
@click.option("--threads", type=click.IntRange(1, 512), default=1,
              help="BLAS threads. Decoding multiplies small matrices, where one is fastest (docs/BENCHMARKS.md).")
@click.option("--cors-origin", "cors_origins", multiple=True, metavar="ORIGIN",
              help="Let pages from ORIGIN (scheme://host[:port], or * for any) call the API from a browser "
                   "(repeatable) [default: none, no CORS headers].")
def serve(ctx, ckpt, adapters, reader, db, uri, token, collection, host, port, api_key, max_tokens_cap, max_batch,
          queue, shutdown_timeout, threads, cors_origins):
    """Serve completions and chat (OpenAI-compatible), questions over the documents and a web page, over HTTP.

    \b
    Endpoints: GET / (the page), GET /health, GET /v1/models, POST /v1/completions and
    /v1/chat/completions (streaming with "stream": true), POST /v1/ask, GET /metrics
    (Prometheus). Requests that arrive together are decoded together, whatever adapter each
    picks. See docs/SERVE.md.
    Examples:
      mgpt serve --db kb.db                        # the shipped reader, http://127.0.0.1:8000
      mgpt serve --ckpt names.npz --adapter fr=fr.npz --adapter de=de.npz --port 8080
      mgpt serve --ckpt gen.npz --db kb.db         # generation by gen.npz, questions by the reader
      MGPT_API_KEY=secret mgpt serve --ckpt s.npz --host 0.0.0.0
    """
    from ..serve.models import Models

    uvicorn, threadpool_limits = _import_server()
    threadpool_limits(limits=threads, user_api="blas")  # for the whole process, from here on
    api_key = api_key or None
    check_exposure(host, api_key)
    cors_origins = tuple(check_origin(origin) for origin in cors_origins)
    sock = listen(host, port)
    models = Models.load(ckpt, reader, adapters, documents=bool(db or uri))
    store, embedder = open_documents(ctx, db, uri, token, collection)
    from ..serve.app import create_app
    from ..serve.service import Service, Settings

    settings = Settings(max_tokens_cap=max_tokens_cap, max_batch=max_batch, queue=queue, api_key=api_key,
                        shutdown_timeout=shutdown_timeout, cors_origins=cors_origins)
    service = Service(models, settings, store, embedder)
    server = announcing_server(uvicorn, uvicorn.Config(create_app(service), log_level="warning", access_log=False,
                                                       timeout_graceful_shutdown=shutdown_timeout))
    bound_host, bound_port = sock.getsockname()[:2]
    shown_host = f"[{bound_host}]" if ":" in bound_host else bound_host
    note(f"serving {describe(models, (db or uri) if store else None)} "
         f"on http://{shown_host}:{bound_port}{' (API key required)' if api_key else ''}; Ctrl-C stops")
    for sig in (signal.SIGINT, signal.SIGTERM):  # uvicorn raises the signal again once it has stopped: ignore it
        signal.signal(sig, signal.SIG_IGN)
    try:
        server.run(sockets=[sock])
    finally:
        service.stop()  # done already unless uvicorn was stopped hard (Ctrl-C twice)
    note("stopped")


def describe(models, documents):
    """'names (docs mode, adapters fr, de); reader reader; documents: kb.db' for the start line."""
    parts = []
    if models.generator is not None:
        adapters = ", ".join(a.name for a in models.adapters)
        parts.append(f"{models.generator_id} ({models.generator.mode} mode{', adapters ' + adapters if adapters else ''})")
    if models.reader is not None:
        parts.append(f"reader {models.reader_id}")
    if documents:
        parts.append(f"documents: {documents}")
    return "; ".join(parts)


def _import_server():
    try:
        import fastapi  # noqa: F401
        import uvicorn
    except ImportError:
        raise MgptError("mgpt serve needs FastAPI and uvicorn: pip install 'mgpt[serve]'") from None
    from threadpoolctl import threadpool_limits

    return uvicorn, threadpool_limits


def check_exposure(host, api_key):
    """Only loopback without a key: anything else would hand the model to the network."""
    try:
        loopback = host == "localhost" or ipaddress.ip_address(host).is_loopback
    except ValueError:
        loopback = False
    if not loopback and api_key is None:
        raise MgptError(f"--host {host}: refusing to serve beyond this machine without an API key; pass --api-key "
                        f"KEY (or set MGPT_API_KEY), or keep the default --host 127.0.0.1")


def check_origin(origin):
    """An origin as browsers send it (no path, no trailing slash), which is all CORS compares."""
    if origin == "*":
        return origin
    scheme, sep, rest = origin.partition("://")
    if not (sep and scheme in ("http", "https") and rest and not any(c in rest for c in "/?#* ")):
        raise MgptError(f"--cors-origin {origin}: an origin is scheme://host[:port] with no path or trailing slash "
                        f"(e.g. https://app.example.com or http://localhost:3000), or * for any")
    return origin


def open_documents(ctx, db, uri, token, collection):
    """(store, embedder) when --db or --uri (or MGPT_MILVUS_URI) names one, else (None, None)."""
    if not (db or uri):
        return None, None
    from ..retrieval.query import collection_embedder
    from ..retrieval.store import open_store

    store = open_store(store_location(ctx, db, uri, token, collection))
    try:
        return store, collection_embedder(store)
    except BaseException:
        store.close()
        raise


def listen(host, port):
    """The listening socket, bound here so that a busy port is one line, not a uvicorn log."""
    try:
        family, kind, proto, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                             flags=socket.AI_PASSIVE)[0]
        sock = socket.socket(family, kind, proto)  # proto TCP: asyncio sets TCP_NODELAY on what it accepts
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        sock.bind(address)
        sock.listen(2048)
    except OSError as e:
        raise MgptError(f"cannot listen on {host}:{port} ({e.strerror or e}); "
                        f"choose another --port or --host") from None
    sock.set_inheritable(True)
    return sock


def announcing_server(uvicorn, config):
    """uvicorn's server, saying so when a signal starts the shutdown."""
    class Announcing(uvicorn.Server):
        def handle_exit(self, sig, frame):
            if not self.should_exit:
                note(f"stopping: finishing the requests under way (up to {config.timeout_graceful_shutdown:g} s; "
                     f"Ctrl-C again stops now)")
            super().handle_exit(sig, frame)
    return Announcing(config)
