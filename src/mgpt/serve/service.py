"""What the routes call: the model, its adapters and the store, held for the server's life, and
the library calls made on them (the same ones the CLI makes).

Completions go to the scheduler, which decodes them together. Questions go, one at a time, to
their own worker thread: retrieve (query.retrieve) then answer_question, the calls of `mgpt
ask`; the store (one Milvus Lite process per .db) is opened once at start and used there, and
pinged by /health when no question has told whether it answers (storewatch.py).
"""

import asyncio
import os
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass

from ..checkpoint import fingerprint, parse_adapter_spec
from ..errors import MgptError, StoreUnavailable
from ..sampling import prompt_ids
from .completions import Completion
from .metrics import Metrics
from .scheduler import QueueFull, Scheduler
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
    def __init__(self, ck, settings, store=None, adapter_specs=(), embedder=None):
        self.ck, self.settings, self.store, self.embedder = ck, settings, store, embedder
        if ck.is_span_reader:  # a damaged file's reading settings fail at the start, not at the first question
            from ..retrieval.span_answer import reader_confidence, reader_k

            reader_k(ck)
            reader_confidence(ck)
        self.adapter_specs = list(adapter_specs)
        self.model_id = os.path.splitext(os.path.basename(ck.path or "model"))[0]
        self.metrics = Metrics(settings.max_batch)
        self.store_watch = StoreWatch(store, self.metrics) if store is not None else None
        self.scheduler = Scheduler(ck.model, ck.vocab, ck.mode, settings.max_batch, settings.queue, self.metrics)
        self._asks = ThreadPoolExecutor(1, thread_name_prefix="mgpt-ask")
        self._asking = 0  # questions asked and not yet answered
        for name, help_text, read in (("mgpt_queue_depth", "Completion prompts waiting for rows.",
                                       lambda: self.scheduler.waiting),
                                      ("mgpt_busy_rows", "Rows decoding now.", lambda: self.scheduler.busy_rows),
                                      ("mgpt_questions_in_flight", "Questions asked and not yet answered.",
                                       lambda: self._asking)):
            self.metrics.gauge(name, help_text, read)

    @property
    def ready(self):
        return self.scheduler.running

    def start(self):
        """On the server's event loop."""
        self.scheduler.start(asyncio.get_running_loop())

    def stop(self):
        """Lets the work under way finish (bounded), then closes the store; idempotent."""
        self.scheduler.stop(self.settings.shutdown_timeout)
        self._asks.shutdown(wait=True)
        store, self.store = self.store, None
        if store is not None:
            store.close()

    def models(self):
        ck, model = self.ck, self.ck.model
        adapters = []
        if model.adapter is not None:
            for spec, adapter, weight in zip(self.adapter_specs, model.adapter.adapters, model.adapter.weights):
                adapters.append({"name": os.path.basename(parse_adapter_spec(spec)[0]), "weight": weight,
                                 "fingerprint": fingerprint(adapter.params), "lora": adapter.config.to_dict()})
        card = {"id": self.model_id, "object": "model", "created": int(os.path.getmtime(ck.path)) if ck.path else 0,
                "owned_by": "mgpt", "mode": ck.mode, "config": model.config.to_dict(), "parameters": model.num_params,
                "fingerprint": ck.fingerprint, "adapters": adapters, "documents": self.store is not None,
                "max_tokens_cap": self.settings.max_tokens_cap, "max_batch": self.settings.max_batch}
        # what a prompt may hold (the page keeps a docs-mode prompt to one line: a newline ends a document)
        card["vocabulary"] = {"characters": ck.vocab.chars, "placeholder": ck.vocab.has_placeholder}
        return {"object": "list", "data": [card]}

    # --- completions --------------------------------------------------------------------------

    def completion(self, request):
        """A Completion for the request, its prompts checked against this server's limits and
        the model's vocabulary (MgptError says what is wrong); not yet submitted."""
        cap, rows = self.settings.max_tokens_cap, self.settings.max_batch
        self.ck.require_language_model("complete a prompt (ask it questions: POST /v1/ask)")
        if request.max_tokens > cap:
            raise MgptError(f"max_tokens {request.max_tokens} is above this server's cap of {cap} (--max-tokens-cap)")
        if request.n > rows:
            raise MgptError(f"n {request.n} is more than the {rows} rows this server decodes together (--max-batch)")
        texts = request.prompts()
        block, vocab = self.ck.model.config.block_size, self.ck.vocab
        prompts = []
        for i, text in enumerate(texts):
            text, _ = vocab.fit(text, "prompt" if len(texts) == 1 else f"prompt[{i}]")
            prompts.append(prompt_ids(vocab, self.ck.mode, text)[-block:])
        completion = Completion(self.model_id, request, prompts)
        self.metrics.prompt(completion.prompt_tokens)
        return completion

    # --- questions ----------------------------------------------------------------------------

    async def ask(self, request):
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

        hits = [] if request.retrieval == "none" else self._retrieve(retrieve, request, default_k(self.ck))
        result = answer_question(self.ck, request.question, hits, request.max_tokens, True, request.min_confidence)
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
            hits = retrieve(self.store, self.embedder, request.question, request.k or k, request.retrieval)
        except StoreUnavailable as e:
            self.store_watch.failed(e)
            raise
        self.store_watch.answered()
        return hits
