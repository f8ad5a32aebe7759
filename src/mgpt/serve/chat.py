"""POST /v1/chat/completions: a conversation, answered as OpenAI's chat API answers it.

Two ways, picked by the request's `model` (models.Models.asks): the reader asks the documents
the last user message, as /v1/ask asks it; or the generator continues the conversation rendered
as text (`render`): a character model knows no roles, so the conversation becomes lines it can
have learned, and its turn ends where its line does.
"""

import secrets
import time

from pydantic import ValidationError

from ..errors import MgptError
from .completions import Completion, sse
from .schemas import AskRequest, error_message

ASSISTANT = "assistant: "
TURN_END = "\n"  # a generated turn ends at the end of its line


def render(messages):
    """'role: content' a line per message, then 'assistant: ' for the model to continue."""
    return "".join(f"{m.role}: {m.text()}\n" for m in messages) + ASSISTANT


class ChatCompletion(Completion):
    """A Completion shaped as chat: `chat.completion`, or `chat.completion.chunk` events whose
    first delta of each choice carries the role. The turn ends at a newline (or a stop string)."""

    def __init__(self, model_id, request, prompts, adapter=-1):
        super().__init__(model_id, request, prompts, adapter)
        self.id, self._roles_sent = "chatcmpl-" + self.id.partition("-")[2], set()

    def stops(self):
        return self.request.stops() + [TURN_END]

    def _object(self, choices, **extra):
        return {"id": self.id, "object": "chat.completion", "created": self.created, "model": self.model_id,
                "choices": [{"index": i, "message": {"role": "assistant", "content": text}, "logprobs": None,
                             "finish_reason": finish} for i, text, finish in choices], **extra}

    def _chunk(self, choices, **extra):
        deltas = []
        for i, text, finish in choices:
            delta = {"content": text} if text or finish is None else {}
            if i not in self._roles_sent:
                self._roles_sent.add(i)
                delta = {"role": "assistant", **delta}
            deltas.append({"index": i, "delta": delta, "logprobs": None, "finish_reason": finish})
        return {"id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model_id,
                "choices": deltas, **extra}


def question(request, documents):
    """The AskRequest a chat request with the reader makes: its last user message, with
    /v1/ask's defaults (retrieval over the documents if there are any, else none)."""
    if request.n != 1:
        raise MgptError(f"n {request.n}: a question over the documents has one answer; ask with n 1")
    asked = [m for m in request.messages if m.role == "user"]
    if not asked:
        raise MgptError("messages: there is no user message to answer")
    body = {"question": asked[-1].text(), "retrieval": "hybrid" if documents else "none"}
    if request.limit() is not None:
        body["max_tokens"] = request.limit()
    try:
        return AskRequest.model_validate(body)
    except ValidationError as e:
        raise MgptError(f"the last user message: {error_message(e.errors())}") from None


class ChatAnswer:
    """The reader's answer (what /v1/ask returns) as a chat completion: the answer, or the
    abstention sentence, then a line citing the sources that hold it; all the sources it read
    in `sources`, as /v1/ask gives them (an extension), and `abstained`."""

    def __init__(self, model_id, answer):
        from ..retrieval.answer import NOT_IN_DOCUMENTS

        self.model_id, self.answer = model_id, answer
        self.id, self.created = "chatcmpl-" + secrets.token_hex(12), int(time.time())
        self.content = NOT_IN_DOCUMENTS if answer["abstained"] else answer["answer"]
        cited = citation(answer["sources"]) if not answer["abstained"] else ""
        if cited:
            self.content += "\n\n" + cited

    def _extensions(self):
        return {"sources": self.answer["sources"], "abstained": self.answer["abstained"]}

    def result(self):
        return {"id": self.id, "object": "chat.completion", "created": self.created, "model": self.model_id,
                "choices": [{"index": 0, "message": {"role": "assistant", "content": self.content},
                             "logprobs": None, "finish_reason": "stop"}], **self._extensions()}

    async def stream(self):
        """The answer in one content chunk, the finish with the extensions, then [DONE]."""
        head = {"id": self.id, "object": "chat.completion.chunk", "created": self.created, "model": self.model_id}
        for delta, finish, extra in (({"role": "assistant", "content": self.content}, None, {}),
                                     ({}, "stop", self._extensions())):
            yield sse({**head, "choices": [{"index": 0, "delta": delta, "logprobs": None,
                                            "finish_reason": finish}], **extra})
        yield "data: [DONE]\n\n"


def citation(sources):
    """'Source: docs/tents.md' (page p of a paged file): the sources holding the answer's span."""
    places = []
    for s in sources:
        if s.get("span"):
            place = s["source"] + (f", page {s['page']}" if s.get("page") else "")
            if place not in places:
                places.append(place)
    return ("Source: " if len(places) == 1 else "Sources: ") + "; ".join(places) if places else ""
