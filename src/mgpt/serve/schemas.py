"""The request bodies the server takes, validated before anything runs: strict types (no "3" for
3, no true for 1), finite numbers in range, no unknown fields (so nothing can name a file:
the models, adapters and database are fixed when the server starts; `model` picks one of them).

Limits that depend on the server (--max-tokens-cap, --max-batch, the model's vocabulary) are
checked by service.py.
"""

from typing import Annotated, Literal, Optional, Union

from pydantic import BaseModel, ConfigDict, Field

from ..retrieval.answer import DEFAULT_MAX_NEW_TOKENS
from ..retrieval.store import RETRIEVAL_MODES

MAX_PROMPTS = 16  # prompts in one request
MAX_N = 16  # choices per prompt
MAX_STOPS = 4
MAX_STOP_LENGTH = 64
MAX_SEED = 2 ** 63 - 1
MAX_QUESTION = 1000  # characters
MAX_K = 20
MAX_MESSAGES = 256
CHAT_MAX_TOKENS = 128  # a generated turn's default length: it ends at its newline, usually sooner


Prompts = Annotated[list[str], Field(min_length=1, max_length=MAX_PROMPTS)]
Stop = Annotated[str, Field(min_length=1, max_length=MAX_STOP_LENGTH)]
Stops = Annotated[list[Stop], Field(max_length=MAX_STOPS)]


class Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True, allow_inf_nan=False)


class StreamOptions(Strict):
    include_usage: bool = False


class CompletionRequest(Strict):
    """POST /v1/completions: the part of OpenAI's legacy completions API a character model can serve."""
    model: Optional[str] = Field(None, max_length=200, description="The generator or one of its adapters "
                                 "(GET /v1/models) [default: the generator].")
    prompt: Union[str, Prompts] = Field("", description="Text to continue; a list for several prompts at once.")
    max_tokens: int = Field(16, ge=1, description="Characters to generate per choice, at most --max-tokens-cap.")
    temperature: float = Field(1.0, ge=0, le=2, description="0 means greedy.")
    top_p: float = Field(1.0, gt=0, le=1)
    top_k: Optional[int] = Field(None, ge=1, le=1_000_000, description="Extension: sample from the k most likely.")
    n: int = Field(1, ge=1, le=MAX_N, description="Choices per prompt.")
    seed: Optional[int] = Field(None, ge=0, le=MAX_SEED, description="The same seed gives the same text.")
    stop: Union[None, Stop, Stops] = Field(None, description=f"Up to {MAX_STOPS} strings that end a choice.")
    stream: bool = False
    stream_options: Optional[StreamOptions] = None
    user: Optional[str] = Field(None, max_length=200)  # accepted and ignored, as OpenAI's

    def prompts(self):
        return [self.prompt] if isinstance(self.prompt, str) else list(self.prompt)

    def stops(self):
        return [] if self.stop is None else [self.stop] if isinstance(self.stop, str) else list(self.stop)


class AskRequest(Strict):
    """POST /v1/ask: the question `mgpt ask` answers, with its options."""
    question: str = Field(..., min_length=1, max_length=MAX_QUESTION)
    k: Optional[int] = Field(None, ge=1, le=MAX_K, description="Chunks to retrieve [default: as ask, by the "
                             "reader's kind].")
    retrieval: Literal[RETRIEVAL_MODES + ("none",)] = Field("hybrid", description="none: the model alone.")
    source: Optional[str] = Field(None, min_length=1, max_length=1000,
                                  description="Only chunks of files matching this glob ('*.md', 'faq/*'), as ask --source.")
    min_confidence: Optional[float] = Field(None, ge=0, le=1, description="[default: the reader's own, as ask]")
    max_tokens: int = Field(DEFAULT_MAX_NEW_TOKENS, ge=1, description="Longest answer, in characters.")


class TextPart(Strict):
    type: Literal["text"]
    text: str


class ChatMessage(Strict):
    role: Literal["system", "user", "assistant"]
    content: Union[str, Annotated[list[TextPart], Field(min_length=1)]]
    name: Optional[str] = Field(None, max_length=200)  # accepted and ignored

    def text(self):
        return self.content if isinstance(self.content, str) else "".join(part.text for part in self.content)


class ChatRequest(Strict):
    """POST /v1/chat/completions: the part of OpenAI's chat API a character model can serve."""
    model: Optional[str] = Field(None, max_length=200, description="The reader (asks the documents), or the "
                                 "generator or one of its adapters [default: the reader if there is one].")
    messages: Annotated[list[ChatMessage], Field(min_length=1, max_length=MAX_MESSAGES)]
    max_tokens: Optional[int] = Field(None, ge=1, description=f"[default: {CHAT_MAX_TOKENS}, or /v1/ask's for "
                                      f"the reader]")
    max_completion_tokens: Optional[int] = Field(None, ge=1, description="The newer name of max_tokens.")
    temperature: float = Field(1.0, ge=0, le=2)
    top_p: float = Field(1.0, gt=0, le=1)
    top_k: Optional[int] = Field(None, ge=1, le=1_000_000)
    n: int = Field(1, ge=1, le=MAX_N)
    seed: Optional[int] = Field(None, ge=0, le=MAX_SEED)
    stop: Union[None, Stop, Stops] = None
    stream: bool = False
    stream_options: Optional[StreamOptions] = None
    user: Optional[str] = Field(None, max_length=200)

    def stops(self):
        return [] if self.stop is None else [self.stop] if isinstance(self.stop, str) else list(self.stop)

    def limit(self):
        """The length asked for (max_completion_tokens, else max_tokens), or None."""
        return self.max_completion_tokens if self.max_completion_tokens is not None else self.max_tokens


# what a field that fails takes, where pydantic's own words would name its internal union types
FIELD_HINTS = {
    "prompt": f"a string, or a list of 1 to {MAX_PROMPTS} strings",
    "stop": f"a string, or a list of up to {MAX_STOPS} strings of 1 to {MAX_STOP_LENGTH} characters",
}


def error_message(errors):
    """One sentence from pydantic's errors: the first problem of each field."""
    seen, parts = set(), []
    for e in errors:
        loc = [str(part) for part in e.get("loc", ()) if part != "body"]
        field = loc[0] if loc else "body"
        if field in seen:
            continue
        seen.add(field)
        if e.get("type") == "extra_forbidden":
            parts.append(f"unknown field {field!r}")
        elif e.get("type") == "json_invalid":
            parts.append("the body is not valid JSON")
        elif field in FIELD_HINTS:
            parts.append(f"{field}: must be {FIELD_HINTS[field]}")
        elif field == "body":
            parts.append("the body must be a JSON object")
        else:
            parts.append(f"{'.'.join(loc)}: {e.get('msg', 'invalid')[:1].lower()}{e.get('msg', 'invalid')[1:]}")
    return "; ".join(parts)
