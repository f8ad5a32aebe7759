"""One /v1/completions request: a Job per prompt handed to the scheduler, their events gathered
on the event loop, and the answer shaped as OpenAI's: one JSON object, or server-sent events
(`data: {chunk}` lines, then `data: [DONE]`).

Choice i * n + c is choice c of prompt i. Usage counts the tokens each prompt's model input
holds (BOS included in docs mode) and every token decoded (a closing BOS included).
"""

import asyncio
import json
import secrets
import time
from functools import partial

from .jobs import Job


class DecodingFailed(Exception):
    """The worker failed on this request (a bug, logged by the server)."""


class Completion:
    def __init__(self, model_id, request, prompts, adapter=-1):
        """prompts: the token ids each prompt's choices start from; adapter: the index of the
        generator's adapter the jobs decode with (-1: none)."""
        self.model_id, self.request = model_id, request
        self.id, self.created = "cmpl-" + secrets.token_hex(12), int(time.time())
        self._arrived, self._ready = [], asyncio.Event()
        r = request
        self.jobs = [Job(ids, r.n, r.max_tokens, r.temperature, r.top_k, r.top_p, r.seed, self.stops(),
                         partial(self._deliver, i), adapter) for i, ids in enumerate(prompts)]
        self.prompt_tokens = sum(len(ids) for ids in prompts)
        self.completion_tokens = 0

    def stops(self):
        return self.request.stops()

    def _deliver(self, prompt_index, event):
        """On the event loop: keeps the event, and wakes the reader when it has something to do
        (a stream: any text; a whole answer: only a choice's end)."""
        self._arrived.append((prompt_index, event))
        if self.request.stream or event[0] != "text":
            self._ready.set()

    def submit(self, scheduler):
        """Queues every job, or none (a full queue refuses the whole request)."""
        for i, job in enumerate(self.jobs):
            try:
                scheduler.submit(job)
            except Exception:
                for submitted in self.jobs[:i]:
                    submitted.cancel()
                raise

    def cancel(self):
        for job in self.jobs:
            job.cancel()

    async def updates(self):
        """Yields lists of (choice index, text, finish reason or None) as they come, those that
        arrived together merged, until every choice has ended."""
        open_choices = len(self.jobs) * self.request.n
        try:
            while open_choices:
                await self._ready.wait()
                self._ready.clear()
                batch, self._arrived = self._arrived, []
                merged = {}
                for prompt_index, event in batch:
                    if event[0] == "error":
                        raise DecodingFailed(event[1])
                    index = prompt_index * self.request.n + event[1]
                    text, finish = merged.get(index, ("", None))
                    if event[0] == "text":
                        merged[index] = (text + event[2], finish)
                    else:
                        merged[index] = (text, event[2])
                        self.completion_tokens += event[3]
                        open_choices -= 1
                if merged:
                    yield [(index, text, finish) for index, (text, finish) in sorted(merged.items())]
        finally:  # done, or the client went away (the task is cancelled): the rows go either way
            self.cancel()

    def usage(self):
        return {"prompt_tokens": self.prompt_tokens, "completion_tokens": self.completion_tokens,
                "total_tokens": self.prompt_tokens + self.completion_tokens}

    def _object(self, choices, **extra):
        return {"id": self.id, "object": "text_completion", "created": self.created, "model": self.model_id,
                "choices": [{"index": i, "text": text, "logprobs": None, "finish_reason": finish}
                            for i, text, finish in choices], **extra}

    def _chunk(self, choices, **extra):
        """A streamed event's object: for completions, the whole answer's shape."""
        return self._object(choices, **extra)

    async def result(self):
        """The whole answer, once every choice has ended."""
        texts, finishes = {}, {}
        async for update in self.updates():
            for index, text, finish in update:
                texts[index] = texts.get(index, "") + text
                finishes[index] = finish or finishes.get(index)
        return self._object([(i, texts.get(i, ""), finishes[i]) for i in sorted(finishes)], usage=self.usage())

    async def stream(self):
        """Server-sent events: a chunk per update, usage at the end when asked, then [DONE]."""
        include_usage = self.request.stream_options is not None and self.request.stream_options.include_usage
        extra = {"usage": None} if include_usage else {}
        try:
            async for update in self.updates():
                yield sse(self._chunk(update, **extra))
        except DecodingFailed as e:
            yield sse({"error": {"message": str(e), "type": "server_error", "param": None, "code": None}})
            return
        if include_usage:
            yield sse(self._chunk([], usage=self.usage()))
        yield "data: [DONE]\n\n"


def sse(payload):
    return f"data: {json.dumps(payload, ensure_ascii=False)}\n\n"
