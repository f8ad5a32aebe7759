"""The HTTP app: routes over service.py, the API key, body limits, JSON errors, metrics, the page.

Every error is JSON, as OpenAI's: {"error": {"message", "type", "param", "code"}}. Bad input is
a 4xx that says what is wrong (400: malformed JSON, values this server or model cannot take;
401: the API key; 413: a body over --max-body; 422: a field of the wrong type or out of range),
a full queue 503 with Retry-After; a `model` the server does not hold 404 with code
model_not_found; a document store that cannot be reached 503 with Retry-After (type
service_unavailable); never a traceback.
"""

import asyncio
import contextlib
import hashlib
import hmac
import os
import time

from fastapi import Depends, FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, JSONResponse, PlainTextResponse, Response, StreamingResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException

from ..errors import MgptError, StoreUnavailable
from .completions import DecodingFailed
from .models import ModelNotFound
from .schemas import AskRequest, ChatRequest, CompletionRequest, error_message
from .scheduler import QueueFull, Stopping

STATIC = os.path.join(os.path.dirname(os.path.abspath(__file__)), "static")
ENDPOINTS = ("/", "/health", "/metrics", "/v1/models", "/v1/completions", "/v1/chat/completions", "/v1/ask")
ERROR_TYPES = {400: "invalid_request_error", 401: "authentication_error", 404: "not_found_error",
               413: "invalid_request_error", 422: "invalid_request_error", 503: "server_busy"}
RETRY_AFTER = "1"  # seconds: a decoding step is milliseconds, a request well under a minute
STORE_RETRY_AFTER = "5"  # seconds: a Milvus server that went away takes seconds to come back
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'self'; img-src 'self' data:; frame-ancestors 'none'",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer"}


def error(status, message, headers=None, code=None, kind=None):
    return JSONResponse({"error": {"message": message, "type": kind or ERROR_TYPES.get(status, "server_error"),
                                   "param": None, "code": code}}, status, headers=headers)


def create_app(service):
    """The app over `service` (service.py); starting and stopping it starts and stops the decoder."""
    @contextlib.asynccontextmanager
    async def lifespan(app):
        service.start()
        try:
            yield
        finally:
            await asyncio.to_thread(service.stop)

    app = FastAPI(title="mgpt", lifespan=lifespan, docs_url=None, redoc_url=None, openapi_url=None)
    app.add_middleware(BodyLimit, limit=service.settings.max_body)
    if service.settings.cors_origins:  # inside Observe: preflights are counted and get the page's headers too
        app.add_middleware(CORSMiddleware, allow_origins=list(service.settings.cors_origins),
                           allow_methods=["GET", "POST"], allow_headers=["Authorization", "Content-Type"])
    app.add_middleware(Observe, metrics=service.metrics)  # the outermost: it sees every answer, 413s included
    add_error_handlers(app)
    authorized = Depends(bearer_check(service.settings.api_key))

    @app.get("/", include_in_schema=False)
    async def page():
        return FileResponse(os.path.join(STATIC, "index.html"), headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/health")
    async def health():
        """Readiness: 503 while the decoder is not running, or the document store does not answer."""
        if not service.ready:
            return JSONResponse({"status": "stopping" if service.started else "loading"}, 503)
        auth = service.settings.api_key is not None
        if service.store_watch is None:
            return {"status": "ok", "auth": auth}
        if await service.store_watch.check():
            return {"status": "ok", "auth": auth, "store": "ok"}
        return JSONResponse({"status": "unavailable", "auth": auth, "store": "unreachable",
                             "message": "the document store (Milvus) cannot be reached: questions are answered 503 "
                                        "until it answers again"}, 503, headers={"Retry-After": STORE_RETRY_AFTER})

    @app.get("/v1/models", dependencies=[authorized])
    async def models():
        return service.models()

    @app.post("/v1/completions", dependencies=[authorized])
    async def completions(body: CompletionRequest, request: Request):
        return await decoded(service.completion(body), request)

    @app.post("/v1/chat/completions", dependencies=[authorized])
    async def chat_completions(body: ChatRequest, request: Request):
        if not service.catalog.asks(body.model):
            return await decoded(service.chat_completion(body), request)
        answer = await service.chat_answer(body)
        if body.stream:
            return StreamingResponse(answer.stream(), media_type="text/event-stream", headers=EventStream.HEADERS)
        return answer.result()

    async def decoded(completion, request):
        """A Completion's answer: submitted to the decoder, then streamed or whole."""
        completion.submit(service.scheduler)
        body = completion.request
        if body.stream:
            return EventStream(completion)
        try:
            result = await unless_disconnected(request, completion.result())
        finally:
            completion.cancel()  # the rows go if the client did; a no-op once every choice has ended
        return Response(status_code=499) if result is None else JSONResponse(result)

    @app.post("/v1/ask", dependencies=[authorized])
    async def ask(body: AskRequest):
        return await service.ask(body)

    @app.get("/metrics", dependencies=[authorized])
    async def metrics():
        return PlainTextResponse(service.metrics.render(), media_type="text/plain; version=0.0.4; charset=utf-8")

    return app


class EventStream(StreamingResponse):
    """The completion's server-sent events; however the response ends (a client that hangs up
    even before the first event), the completion's rows are let go."""

    HEADERS = {"Cache-Control": "no-cache", "X-Accel-Buffering": "no"}

    def __init__(self, completion):
        super().__init__(completion.stream(), media_type="text/event-stream", headers=self.HEADERS)
        self.completion = completion

    async def __call__(self, scope, receive, send):
        try:
            await super().__call__(scope, receive, send)
        finally:
            self.completion.cancel()


def bearer_check(key):
    """A dependency: with a key, `Authorization: Bearer <key>`, compared in constant time."""
    expected = hashlib.sha256(key.encode()).digest() if key is not None else None

    async def check(request: Request):
        if expected is None:
            return
        scheme, _, given = request.headers.get("authorization", "").partition(" ")
        digest = hashlib.sha256(given.strip().encode("utf-8", "replace")).digest()
        if not (hmac.compare_digest(digest, expected) and scheme.lower() == "bearer"):
            raise HTTPException(401, "missing or wrong API key: send Authorization: Bearer <key>",
                                headers={"WWW-Authenticate": "Bearer"})
    return check


async def unless_disconnected(request, awaitable):
    """The awaitable's result, or None if the client went away first (then it is cancelled)."""
    async def gone():
        while (await request.receive())["type"] != "http.disconnect":
            pass

    task, watch = asyncio.ensure_future(awaitable), asyncio.ensure_future(gone())
    try:
        await asyncio.wait({task, watch}, return_when=asyncio.FIRST_COMPLETED)
    finally:
        watch.cancel()
        task.cancel()  # no-op once it is done
    try:
        return await task
    except asyncio.CancelledError:
        if asyncio.current_task().cancelling():  # this request itself is cancelled (shutdown): pass it on
            raise
        return None


def add_error_handlers(app):
    @app.exception_handler(RequestValidationError)
    async def invalid(request, e):
        errors = e.errors()
        status = 400 if any(err.get("type") == "json_invalid" for err in errors) else 422
        return error(status, error_message(errors))

    @app.exception_handler(HTTPException)
    async def http_error(request, e):
        message = e.detail if isinstance(e.detail, str) else str(e.detail)
        if e.status_code == 404:
            message = f"no such endpoint: {request.method} {request.url.path}"
        return error(e.status_code, message, getattr(e, "headers", None))

    @app.exception_handler(ModelNotFound)
    async def no_such_model(request, e):
        return error(404, str(e), code="model_not_found", kind="invalid_request_error")

    @app.exception_handler(MgptError)
    async def mistake(request, e):
        return error(400, str(e))

    @app.exception_handler(StoreUnavailable)
    async def store_down(request, e):
        return error(503, str(e), {"Retry-After": STORE_RETRY_AFTER}, kind="service_unavailable")

    @app.exception_handler(QueueFull)
    async def busy(request, e):
        return error(503, "the server is busy: too many requests are waiting; retry shortly",
                     {"Retry-After": RETRY_AFTER})

    @app.exception_handler(Stopping)
    async def stopping(request, e):
        return error(503, "the server is shutting down", {"Retry-After": RETRY_AFTER})

    @app.exception_handler(DecodingFailed)
    async def failed(request, e):
        return error(500, str(e))


class BodyLimit:
    """413 for a body over `limit` bytes: at once from Content-Length, or as it arrives."""

    def __init__(self, app, limit):
        self.app, self.limit = app, limit

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and (not declared.isdigit() or int(declared) > self.limit):
            return await error(413, f"the request body is over {self.limit} bytes")(scope, receive, send)
        seen = 0

        async def limited():
            nonlocal seen
            message = await receive()
            seen += len(message.get("body", b""))
            if seen > self.limit:
                raise HTTPException(413, f"the request body is over {self.limit} bytes")
            return message
        await self.app(scope, limited, send)


class Observe:
    """Counts each request by endpoint and status and times it to its last byte; adds the
    page's security headers."""

    def __init__(self, app, metrics):
        self.app, self.metrics = app, metrics

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        started, status = time.perf_counter(), [499]  # 499: the client went away before an answer

        async def observed(message):
            if message["type"] == "http.response.start":
                status[0] = message["status"]
                message["headers"] = list(message.get("headers", [])) + [
                    (k.lower().encode(), v.encode()) for k, v in PAGE_HEADERS.items()]
            await send(message)
        try:
            await self.app(scope, receive, observed)
        finally:
            path = scope["path"]
            endpoint = path if path in ENDPOINTS else "/static" if path.startswith("/static/") else "other"
            self.metrics.request(endpoint, status[0], time.perf_counter() - started)
