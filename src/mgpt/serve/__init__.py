"""`mgpt serve`: the generator and the assistant over HTTP, with a web page.

    request -> app.py (FastAPI: auth, limits, JSON errors) -> service.py (the library calls)
      /v1/completions -> a Job per prompt -> scheduler.py (one worker thread) -> batch.py (the
                         busy rows on one KV cache, decoded together) -> the Job's events
      /v1/ask         -> retrieval.query.retrieve + retrieval.answer.answer_question, as `mgpt ask`

Requests that arrive together are decoded together: between two decoding steps the worker
admits waiting requests into free rows of the cache (each prompt read on its own rows) and lets
finished or abandoned ones go, so rows at different positions share every step (continuous
batching). FastAPI and uvicorn are imported only by `mgpt serve` (the `serve` extra).
"""
