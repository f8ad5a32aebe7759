// The page of `mgpt serve`: an Ask tab (POST /v1/ask) and a Generate tab (POST /v1/completions,
// streamed). Plain JavaScript, no libraries, nothing fetched from elsewhere; text is always set
// with textContent, never parsed as HTML.
"use strict";

const $ = (id) => document.getElementById(id);
let documents = true;
let oneLine = false;  // the model reads no newline (docs mode: one document a line): Enter generates
let joiner = " ";  // what a pasted line break becomes in a one-line prompt

// --- the API key, kept in this tab's sessionStorage ------------------------------------------

function headers() {
  const h = { "Content-Type": "application/json" };
  const key = $("api-key").value.trim();
  if (key) h.Authorization = "Bearer " + key;
  return h;
}

$("api-key").value = sessionStorage.getItem("mgpt-key") || "";
$("api-key").addEventListener("change", () => {
  sessionStorage.setItem("mgpt-key", $("api-key").value.trim());
  describeModel();
});

async function failure(response) {
  let message = `${response.status} ${response.statusText}`;
  try {
    message = (await response.json()).error.message;
  } catch (e) { /* not our JSON: keep the status line */ }
  if (response.status === 401) {
    $("key-box").open = true;
    message += " (enter the key under \u201cAPI key\u201d)";
  }
  return message;
}

async function describeModel() {
  try {
    const r = await fetch("/v1/models", { headers: headers() });
    if (!r.ok) {
      $("model").textContent = await failure(r);
      return;
    }
    const cards = (await r.json()).data;
    const card = cards[0];
    const generates = cards.some((c) => c.job === "generate");  // else only a reader: nothing to generate with
    $("no-generator").hidden = generates;
    $("generate-form").hidden = !generates;
    const adapters = card.adapters.map((a) => `${a.name}\u00d7${a.weight}`).join(", ");
    $("model").textContent = `${card.id}: ${card.mode} mode, ${card.parameters.toLocaleString()} parameters` +
      (adapters ? `, adapters ${adapters}` : "");
    $("max-tokens").max = card.max_tokens_cap;
    documents = card.documents;
    $("no-documents").hidden = documents;
    $("retrieval").disabled = !documents;
    const vocabulary = card.vocabulary;
    oneLine = card.mode === "docs" || !(vocabulary.characters.includes("\n") || vocabulary.placeholder);
    joiner = vocabulary.characters.includes(" ") ? " " : "";
    $("prompt").rows = oneLine ? 1 : 3;
    $("prompt-hint").textContent = oneLine ? "(one line, as the model reads it: Enter generates)"
                                           : "(Ctrl+Enter generates)";
    $("prompt").value = promptText($("prompt").value);
  } catch (e) {
    $("model").textContent = "the server cannot be reached";
  }
}

// --- tabs: click, or arrow keys / Home / End on the tab list ---------------------------------

const tabs = [$("tab-ask"), $("tab-generate")];

function select(tab, focus) {
  for (const t of tabs) {
    const on = t === tab;
    t.setAttribute("aria-selected", on);
    t.tabIndex = on ? 0 : -1;
    $(t.getAttribute("aria-controls")).hidden = !on;
  }
  if (focus) tab.focus();
  history.replaceState(null, "", tab === tabs[0] ? "#ask" : "#generate");
}

for (const tab of tabs) tab.addEventListener("click", () => select(tab, false));
document.querySelector("[role=tablist]").addEventListener("keydown", (event) => {
  const i = tabs.indexOf(document.activeElement);
  const next = { ArrowRight: i + 1, ArrowLeft: i - 1, Home: 0, End: tabs.length - 1 }[event.key];
  if (i < 0 || next === undefined) return;
  event.preventDefault();
  select(tabs[(next + tabs.length) % tabs.length], true);
});
if (location.hash === "#generate") select(tabs[1], false);

function number(id) {
  const value = $(id).value.trim();
  return value === "" ? null : Number(value);
}

// --- Ask -------------------------------------------------------------------------------------

function highlighted(text, span) {
  const p = document.createElement("p");
  if (!span) {
    p.textContent = text;
    return p;
  }
  const mark = document.createElement("mark");
  mark.textContent = text.slice(span[0], span[1]);
  p.append(text.slice(0, span[0]), mark, text.slice(span[1]));
  return p;
}

function showSources(sources) {
  const list = $("sources");
  list.replaceChildren();
  for (const s of sources) {
    const item = document.createElement("li");
    const where = document.createElement("p");
    where.className = "where";
    where.textContent = `${s.source}${s.page ? ` p. ${s.page}` : ""} #${s.position + 1} \u00b7 score ` +
      `${s.score.toFixed(3)}${s.in_prompt ? "" : " \u00b7 not read (did not fit)"}${s.span ? " \u00b7 the answer" : ""}`;
    item.append(where, highlighted(s.text, s.span));
    if (s.span) item.className = "cited";
    list.append(item);
  }
  $("sources-box").hidden = sources.length === 0;
}

function percent(p) {
  return p < 0.01 ? "under 1%" : `${Math.round(100 * p)}%`;
}

function showAnswer(result) {
  const box = $("answer");
  box.hidden = false;
  box.classList.toggle("abstained", result.abstained);
  const guess = (result.model_answer || "").trim();
  if (result.abstained) {
    $("answer-title").textContent = "Not in the documents";
    $("answer-text").textContent = "The documents do not say.";
    $("answer-detail").textContent = guess
      ? `The model's best guess, \u201c${guess}\u201d, had too little confidence (${percent(result.confidence)}).`
      : "The model found no answer in what it read.";
  } else {
    $("answer-title").textContent = "Answer";
    $("answer-text").textContent = result.answer;
    $("answer-detail").textContent = `confidence ${percent(result.confidence)}`;
  }
  showSources(result.sources);
  box.focus();
}

$("ask-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  const question = $("question").value.trim();
  if (!question) return;
  $("ask").disabled = true;
  $("ask-status").textContent = "Reading the documents\u2026";
  try {
    const body = { question, retrieval: documents ? $("retrieval").value : "none" };
    const chunks = number("k");
    if (chunks !== null) body.k = chunks;
    const least = number("min-confidence");
    if (least !== null) body.min_confidence = least;
    const r = await fetch("/v1/ask", { method: "POST", headers: headers(), body: JSON.stringify(body) });
    if (!r.ok) {
      $("ask-status").textContent = await failure(r);
      return;
    }
    $("ask-status").textContent = "";
    showAnswer(await r.json());
  } catch (e) {
    $("ask-status").textContent = "the server cannot be reached";
  } finally {
    $("ask").disabled = false;
  }
});

// --- Generate, streamed as server-sent events ------------------------------------------------

let running = null;

// A one-line model's prompt holds no line break: a trailing one goes, an inner one becomes a space
// (or nothing, for a model without spaces), so the page never sends what the model cannot read.
function promptText(text) {
  return oneLine ? text.replace(/[\r\n]+$/, "").replace(/[\r\n]+/g, joiner) : text;
}

function request() {
  const body = { prompt: promptText($("prompt").value), stream: true, max_tokens: number("max-tokens") ?? 200,
                 temperature: number("temperature") ?? 1, top_p: number("top-p") ?? 1 };
  const k = number("top-k");
  if (k !== null) body.top_k = k;
  return body;
}

async function readEvents(response, onData) {
  const reader = response.body.getReader();
  const decoder = new TextDecoder();
  let buffer = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end;
    while ((end = buffer.indexOf("\n\n")) >= 0) {
      const event = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      for (const line of event.split("\n")) {
        if (line.startsWith("data: ") && line !== "data: [DONE]") onData(JSON.parse(line.slice(6)));
      }
    }
  }
}

$("generate-form").addEventListener("submit", async (event) => {
  event.preventDefault();
  if (running) return;
  running = new AbortController();
  $("generate").disabled = true;
  $("stop").disabled = false;
  $("output-prompt").textContent = promptText($("prompt").value);
  $("output-text").textContent = "";
  $("generate-status").textContent = "Generating\u2026";
  let finish = null;
  try {
    const r = await fetch("/v1/completions", { method: "POST", headers: headers(), body: JSON.stringify(request()),
                                               signal: running.signal });
    if (!r.ok) {
      $("generate-status").textContent = await failure(r);
      return;
    }
    await readEvents(r, (chunk) => {
      if (chunk.error) throw new Error(chunk.error.message);
      for (const choice of chunk.choices) {
        $("output-text").textContent += choice.text;
        finish = choice.finish_reason || finish;
      }
    });
    $("generate-status").textContent = finish === "length" ? "Done (max tokens reached)." : "Done.";
  } catch (e) {
    $("generate-status").textContent = e.name === "AbortError" ? "Stopped." : `Failed: ${e.message}`;
  } finally {
    running = null;
    $("generate").disabled = false;
    $("stop").disabled = true;
  }
});

$("stop").addEventListener("click", () => running && running.abort());
$("prompt").addEventListener("input", () => {  // a paste, or a line break typed before the model was known
  const text = promptText($("prompt").value);
  if (text !== $("prompt").value) $("prompt").value = text;
});
$("prompt").addEventListener("keydown", (event) => {
  if (event.key === "Enter" && !event.isComposing && (oneLine || event.ctrlKey || event.metaKey)) {
    event.preventDefault();
    $("generate-form").requestSubmit();
  }
});

describeModel();
