"""GET /metrics in Prometheus' text exposition format (version 0.0.4), written by hand: a few
counters, gauges read when scraped, and histograms with cumulative buckets.

    mgpt_requests_total{endpoint, status}          requests answered
    mgpt_request_duration_seconds{endpoint}        latency histogram (to the last byte)
    mgpt_prompt_tokens_total, mgpt_tokens_generated_total
    mgpt_queue_depth, mgpt_busy_rows, mgpt_max_batch
    mgpt_batch_size                                rows per decoding step (histogram)
    mgpt_decode_step_seconds                       time per decoding step (histogram)
    mgpt_store_failures_total, mgpt_store_up       the document store, when there is one (storewatch.py)
"""

import threading

LATENCY_BUCKETS = (0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60)
STEP_BUCKETS = (0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1)


def _labels(pairs):
    if not pairs:
        return ""
    escaped = (str(v).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") for _, v in pairs)
    return "{" + ",".join(f'{k}="{v}"' for (k, _), v in zip(pairs, escaped)) + "}"


class Histogram:
    def __init__(self, buckets):
        self.buckets = tuple(buckets)
        self.counts = [0] * (len(self.buckets) + 1)  # the last one: above every bound (+Inf)
        self.sum = 0.0

    def observe(self, value):
        self.sum += value
        for i, bound in enumerate(self.buckets):
            if value <= bound:
                self.counts[i] += 1
                return
        self.counts[-1] += 1

    def lines(self, name, labels=()):
        out, cumulative = [], 0
        for bound, count in zip(self.buckets + (float("inf"),), self.counts):
            cumulative += count
            le = "+Inf" if bound == float("inf") else f"{bound:g}"
            out.append(f"{name}_bucket{_labels(tuple(labels) + (('le', le),))} {cumulative}")
        out.append(f"{name}_sum{_labels(labels)} {self.sum:.6f}")
        out.append(f"{name}_count{_labels(labels)} {cumulative}")
        return out


class Metrics:
    """Updated from the event loop (requests) and the worker thread (decoding steps)."""

    def __init__(self, max_batch):
        self._lock = threading.Lock()
        self.requests = {}  # (endpoint, status) -> count
        self.latency = {}  # endpoint -> Histogram
        self.prompt_tokens = self.generated_tokens = 0
        self.batch_sizes = Histogram(b for b in (1, 2, 4, 8, 16, 32, 64, 128, 256) if b <= max(1, max_batch))
        self.step_seconds = Histogram(STEP_BUCKETS)
        self.max_batch = max_batch
        self.gauges = {}  # name -> (help, function read when scraped)
        self.counters = {}  # name -> [help, count]: those a part of the server registers

    def request(self, endpoint, status, seconds):
        with self._lock:
            key = (endpoint, str(status))
            self.requests[key] = self.requests.get(key, 0) + 1
            self.latency.setdefault(endpoint, Histogram(LATENCY_BUCKETS)).observe(seconds)

    def prompt(self, tokens):
        with self._lock:
            self.prompt_tokens += tokens

    def decoded(self, rows, seconds):
        """One decoding step of `rows` busy rows: each produced one token."""
        with self._lock:
            self.generated_tokens += rows
            self.batch_sizes.observe(rows)
            self.step_seconds.observe(seconds)

    def gauge(self, name, help_text, read):
        self.gauges[name] = (help_text, read)

    def counter(self, name, help_text):
        self.counters[name] = [help_text, 0]

    def add(self, name, n=1):
        with self._lock:
            self.counters[name][1] += n

    def render(self):
        with self._lock:
            out = ["# HELP mgpt_requests_total HTTP requests answered, by endpoint and status.",
                   "# TYPE mgpt_requests_total counter"]
            out += [f"mgpt_requests_total{_labels((('endpoint', e), ('status', s)))} {n}"
                    for (e, s), n in sorted(self.requests.items())]
            out += ["# HELP mgpt_request_duration_seconds Time from request to the last byte of the answer.",
                    "# TYPE mgpt_request_duration_seconds histogram"]
            for endpoint, histogram in sorted(self.latency.items()):
                out += histogram.lines("mgpt_request_duration_seconds", (("endpoint", endpoint),))
            out += ["# HELP mgpt_prompt_tokens_total Prompt tokens read.", "# TYPE mgpt_prompt_tokens_total counter",
                    f"mgpt_prompt_tokens_total {self.prompt_tokens}",
                    "# HELP mgpt_tokens_generated_total Tokens decoded for completions.",
                    "# TYPE mgpt_tokens_generated_total counter",
                    f"mgpt_tokens_generated_total {self.generated_tokens}",
                    "# HELP mgpt_batch_size Busy rows per decoding step.", "# TYPE mgpt_batch_size histogram",
                    *self.batch_sizes.lines("mgpt_batch_size"),
                    "# HELP mgpt_decode_step_seconds Time per decoding step.",
                    "# TYPE mgpt_decode_step_seconds histogram", *self.step_seconds.lines("mgpt_decode_step_seconds")]
            for name, (help_text, count) in sorted(self.counters.items()):
                out += [f"# HELP {name} {help_text}", f"# TYPE {name} counter", f"{name} {count}"]
        out += ["# HELP mgpt_max_batch Rows decoded together at most (--max-batch).", "# TYPE mgpt_max_batch gauge",
                f"mgpt_max_batch {self.max_batch}"]
        for name, (help_text, read) in sorted(self.gauges.items()):
            out += [f"# HELP {name} {help_text}", f"# TYPE {name} gauge", f"{name} {read()}"]
        return "\n".join(out) + "\n"
