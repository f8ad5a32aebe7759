"""What the routes call: the models (models.py) and the store, held for the server's life, and
the library calls made on them (the same ones the CLI makes).

Completions (and chat without documents) go to the scheduler, which decodes them together with
the generator and its adapters. Questions (and chat with documents) go, one at a time, to their
own worker thread: retrieve (query.retrieve) then answer_question with the reader, the calls of
`mgpt ask`; the store (one Milvus Lite process per .db) is opened once at start and used there,
and pinged by /health when no question has told whether it answers (storewatch.py).
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..errors import MgptError, StoreUnavailable
from ..sampling import prompt_ids
from .chat import ChatAnswer, ChatCompletion, question, render
from .completions import Completion
from .metrics import Metrics
from .scheduler import QueueFull, Scheduler
from .schemas import CHAT_MAX_TOKENS
from .storewatch import StoreWatch


@dataclass
class Settings:
    max_tokens_cap: int = 512
    max_batch: int = 16
    queue: int = 64
    api_key: str = None
    max_body: int = 64 * 1024  # bytes of a request body
    shutdown_timeout: float = 30.0  # seconds in-flight requests get to finish after Ctrl-C / SIGTERM
    cors_origins: tuple = ()  # origins whose pages may call the API from a browser; none: no CORS headers


class Service:
    """models: a models.Models (the generator, its adapters, the reader)."""

    def __init__(self, models, settings, store=None, embedder=None):
        self.catalog, self.settings, self.store, self.embedder = models, settings, store, embedder
        reader = models.reader
        if reader is not None and reader.is_span_reader:  # a damaged file's reading settings fail at the start
            from ..retrieval.span_answer import reader_calibrator, reader_confidence, reader_k

            reader_k(reader)
            reader_confidence(reader)
            reader_calibrator(reader)
        self.metrics = Metrics(settings.max_batch)
        gen = models.generator
        self.scheduler = None if gen is None else Scheduler(gen.model, gen.vocab, gen.mode, settings.max_batch,
                                                            settings.queue, self.metrics, models.row_adapters())
        self._started = self._stopped = False
        self.store_watch = StoreWatch(store, self.metrics) if store is not None else None
        self._asks = ThreadPoolExecutor(1, thread_name_prefix="mgpt-ask")
        self._asking = 0  # questions asked and not yet answered
        for name, help_text, read in (("mgpt_queue_depth", "Completion prompts waiting for rows.",
                                       lambda: self.scheduler.waiting if self.scheduler else 0),
                                      ("mgpt_busy_rows", "Rows decoding now.",
                                       lambda: self.scheduler.busy_rows if self.scheduler else 0),
                                      ("mgpt_questions_in_flight", "Questions asked and not yet answered.",
                                       lambda: self._asking)):
            self.metrics.gauge(name, help_text, read)

    @property
    def ready(self):
        return self.scheduler.running if self.scheduler else self._started and not self._stopped

    @property
    def started(self):
        return self.scheduler.started if self.scheduler else self._started

    def start(self):
        """On the server's event loop."""
        self._started = True
        if self.scheduler:
            self.scheduler.start(asyncio.get_running_loop())

    def stop(self):
        """Lets the work under way finish (bounded), then closes the store; idempotent."""
        self._stopped = True
        if self.scheduler:
            self.scheduler.stop(self.settings.shutdown_timeout)
        self._asks.shutdown(wait=True)
        store, self.store = self.store, None
        if store is not None:
            store.close()

    def models(self):
        extra = {"documents": self.store is not None, "max_tokens_cap": self.settings.max_tokens_cap,
                 "max_batch": self.settings.max_batch}
        return {"object": "list", "data": self.catalog.cards(extra)}

    # --- completions --------------------------------------------------------------------------

    def completion(self, request):
        """A Completion for the request, its prompts checked against this server's limits and
        the model's vocabulary (MgptError says what is wrong); not yet submitted."""
        texts = request.prompts()
        names = ["prompt"] if len(texts) == 1 else [f"prompt[{i}]" for i in range(len(texts))]
        return self._decoding(Completion, request, texts, names)

    def chat_completion(self, request):
        """A ChatCompletion: the conversation rendered (chat.render) for the generator to continue."""
        limit = request.limit() or min(CHAT_MAX_TOKENS, self.settings.max_tokens_cap)
        return self._decoding(ChatCompletion, request.model_copy(update={"max_tokens": limit}),
                              [render(request.messages)], ["conversation"])

    async def chat_answer(self, request):
        """The reader's answer to a chat request's last user message, asked as /v1/ask asks it."""
        return ChatAnswer(self.catalog.reader_id, await self.ask(question(request, self.store is not None)))

    def _decoding(self, kind, request, texts, names):
        model_id, adapter = self.catalog.generation(request.model)
        cap, rows = self.settings.max_tokens_cap, self.settings.max_batch
        if request.max_tokens > cap:
            raise MgptError(f"max_tokens {request.max_tokens} is above this server's cap of {cap} (--max-tokens-cap)")
        if request.n > rows:
            raise MgptError(f"n {request.n} is more than the {rows} rows this server decodes together (--max-batch)")
        gen = self.catalog.generator
        prompts = []
        for text, name in zip(texts, names):
            text, _ = gen.vocab.fit(text, name)
            prompts.append(prompt_ids(gen.vocab, gen.mode, text)[-gen.model.config.block_size:])
        completion = kind(model_id, request, prompts, adapter)
        self.metrics.prompt(completion.prompt_tokens)
        return completion

    # --- questions ----------------------------------------------------------------------------

    async def ask(self, request):
        if self.catalog.reader is None:
            raise MgptError("this server has no reader for questions: start it with --db or --uri (the shipped reader "
                            "reads the documents) or --reader MODEL")
        cap = self.settings.max_tokens_cap
        if request.max_tokens > cap:
            raise MgptError(f"max_tokens {request.max_tokens} is above this server's cap of {cap} (--max-tokens-cap)")
        if request.retrieval != "none" and self.store is None:
            raise MgptError("this server has no documents: start it with --db or --uri, or ask with "
                            "retrieval \"none\" (the model alone)")
        if self._asking >= self.settings.queue:
            raise QueueFull()
        self._asking += 1
        try:
            return await asyncio.get_running_loop().run_in_executor(self._asks, self._answer, request)
        finally:
            self._asking -= 1

    def _answer(self, request):
        from ..retrieval.answer import answer_question, default_k
        from ..retrieval.prompt import one_line
        from ..retrieval.query import retrieve
        from ..retrieval.sources import shown_path

        hits = [] if request.retrieval == "none" else self._retrieve(retrieve, request,
                                                                     default_k(self.catalog.reader))
        result = answer_question(self.catalog.reader, request.question, hits, request.max_tokens, True,
                                 request.min_confidence)
        # the chunks as the model read them (one line), so that each span indexes its text
        sources = [{"source": shown_path(s["source"]), "page": s["page"], "position": s["position"],
                    "score": s["score"], "text": one_line(s["text"]), "rank": s["rank"], "in_prompt": s["in_prompt"],
                    "span": s.get("span")} for s in result["sources"]]
        return {"question": result["question"], "answer": result["answer"], "abstained": result["abstained"],
                "confidence": result["confidence"], "abstain_probability": result["abstain_probability"],
                "model_answer": result["model_answer"], "sources": sources, "notes": result["notes"]}

    def _retrieve(self, retrieve, request, k):
        """The question's chunks; the store's state noted for /health either way."""
        try:
            hits = retrieve(self.store, self.embedder, request.question, request.k or k, request.retrieval,
                            request.source)
        except StoreUnavailable as e:
            self.store_watch.failed(e)
            raise
        self.store_watch.answered()
        return hits
