"""Every picture in docs/img/, drawn from the data in docs/data/ and nothing else.

    python scripts/figures.py                 # or: make figures
    python scripts/figures.py --only lora-gap,mpi-scaling

The benchmark scripts write their results into docs/data/ (bench_quality.py: quality-RUN.json,
bench_lora.py: lora.json, bench.py: speed.json, bench_mpi.py: mpi.json, rag_demo.py: rag.json),
the same numbers they print for docs/BENCHMARKS.md, so a picture redrawn here cannot drift from
its table. The quickstart pictures come from the log and attention weights of the `make run`
model (see docs/data/README.md). A picture whose data is absent is skipped, saying so.
Needs the plot extra (matplotlib).
"""

import argparse
import json
import os
import sys

from mgpt import plot

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
WIDE = (800, 450)


def read(path):
    with open(path) as f:
        return json.load(f)


def draw_quickstart_loss(path):
    return plot.loss_figure([plot.read_run(path, "make run (names, 1,500 steps)")], smooth=25, show_lr=True,
                            size=WIDE)


def draw_attention(path):
    return plot.attention_figure(plot.AttentionMap.from_json(read(path)))


def draw_quality(path):
    """The learning curve of bench_quality.py (its val estimates, --eval-iters batches) and the bar it aims at."""
    data = read(path)
    records = [(i, {"event": "eval", **point}) for i, point in enumerate(data["curve"], 1)]
    figure = plot.loss_figure([plot.run_from_records(records, data["run"], path)], size=WIDE)
    ax = figure.axes[0]
    ax.axhline(data["bar"], color="grey", ls=":", label=f"bar {data['bar']}")
    ax.legend(fontsize="small")
    whole_split = data.get("val_loss_full_split_best_ckpt", data["val_loss_full_split_last_ckpt"])
    ax.set_title(f"{data['corpus']}: {data['parameters']:,} parameters, {data['steps']:,} steps "
                 f"(val loss on the whole split: {whole_split})", fontsize="medium")
    return figure


def draw_lora(path):
    """Share of the base-to-full fine-tuning gap each LoRA rank closes, with its trainable share."""
    data = read(path)
    figure = plot.new_figure(WIDE)
    ax = figure.add_subplot()
    ranks = [row["rank"] for row in data["lora"]]
    closed = [100 * row["gap_closed"] for row in data["lora"]]
    ax.plot(ranks, closed, marker="o", label=f"LoRA ({data['targets']})")
    for rank, share, row in zip(ranks, closed, data["lora"]):
        ax.annotate(f"{row['trainable_share']:.2%} trainable", (rank, share), textcoords="offset points",
                    xytext=(0, 8), ha="center", fontsize="small")
    ax.axhline(100, color="C1", ls="--", label="full fine-tuning (100% trainable)")
    ax.axhline(90, color="grey", ls=":", label="bar: 90% with <= 2% trainable")
    ax.set_xscale("log", base=2)
    ax.set_xticks(ranks, [str(r) for r in ranks])
    ax.set_xlim(min(ranks) / 1.5, max(ranks) * 1.5)
    ax.set_ylim(min(closed) - 4, 102)
    ax.set_xlabel("LoRA rank")
    ax.set_ylabel("share of the fine-tuning gap closed (%)")
    ax.set_title(f"held-out loss: base {data['base_loss']}, full fine-tuning {data['full']['loss']}",
                 fontsize="medium")
    ax.legend(fontsize="small", loc="lower right")
    ax.grid(alpha=0.3)
    return figure


def draw_speed(path):
    """Training ms per step of mgpt and PyTorch per preset, and sampling tokens/s at small."""
    data = read(path)
    figure = plot.new_figure(WIDE)
    train_ax, sample_ax = figure.subplots(1, 2)
    presets = [row["preset"] for row in data["training"]]
    for offset, engine, name in ((-0.2, "mgpt", "mgpt"), (0.2, "torch", "PyTorch")):
        ms = [row[engine]["ms_per_step"] for row in data["training"]]
        train_ax.bar([i + offset for i in range(len(presets))], ms, width=0.4, label=name)
    for i, row in enumerate(data["training"]):
        train_ax.annotate(f"{row['speedup_mgpt_over_torch']:.2f}x", (i, row["torch"]["ms_per_step"]),
                          textcoords="offset points", xytext=(0, 4), ha="center", fontsize="small")
    train_ax.set_xticks(range(len(presets)), presets)
    train_ax.set_yscale("log")
    train_ax.set_ylabel("ms per training step (less is better)")
    train_ax.set_title("training", fontsize="medium")
    train_ax.legend(fontsize="small")
    cached = [row for row in next((r.get("sampling", []) for r in data["training"] if r.get("sampling")), [])
              if row["kv_cache"]]
    for offset, engine, name in ((-0.2, "mgpt", "mgpt"), (0.2, "torch", "PyTorch")):
        sample_ax.bar([i + offset for i in range(len(cached))], [row[f"{engine}_tokens_per_s"] for row in cached],
                      width=0.4, label=name)
    sample_ax.set_xticks(range(len(cached)), [f"batch {row['batch_size']}" for row in cached])
    sample_ax.set_ylabel("tokens per second (more is better)")
    sample_ax.set_title("sampling with the KV cache, small", fontsize="medium")
    return figure


def draw_mpi(path):
    """Measured speed-up on this machine, and the projected speed-up on N machines."""
    data = read(path)
    figure = plot.new_figure(WIDE)
    measured_ax, projected_ax = figure.subplots(1, 2)
    presets = [row["preset"] for row in data["summary"]]
    configurations = ((2, 1, "2 ranks x 1 thread"), (1, 2, "1 rank x 2 threads"))
    for offset, (ranks, threads, name) in zip((-0.2, 0.2), configurations):
        gains = []
        for preset in presets:
            rate = {(r["ranks"], r["blas_threads"]): r["tokens_per_s"] for r in data["runs"] if r["preset"] == preset}
            gains.append(rate[ranks, threads] / rate[1, 1])
        measured_ax.bar([i + offset for i in range(len(presets))], gains, width=0.4, label=name)
    measured_ax.axhline(1, color="grey", lw=0.8)
    measured_ax.set_xticks(range(len(presets)), presets)
    measured_ax.set_ylabel("tokens/s against 1 rank x 1 thread")
    measured_ax.set_title("measured, one 2-core machine", fontsize="medium")
    measured_ax.legend(fontsize="small")
    for i, row in enumerate(data["summary"]):
        for style, (network, points) in zip(("-", "--"), row["projection"].items()):
            projected_ax.plot([p["machines"] for p in points], [p["speedup"] for p in points], color=f"C{i}",
                              ls=style, marker=".", label=f"{row['preset']}, {network}")
    machines = [p["machines"] for p in data["summary"][0]["projection"][next(iter(data["networks"]))]]
    projected_ax.plot(machines, machines, color="grey", lw=0.8, label="ideal")
    projected_ax.set_xscale("log", base=2)
    projected_ax.set_yscale("log", base=2)
    projected_ax.set_xlabel("machines (one rank each)")
    projected_ax.set_ylabel("speed-up")
    projected_ax.set_title("projected: ring Allreduce", fontsize="medium")
    projected_ax.legend(fontsize="x-small")
    return figure


def draw_rag(path):
    """Retrieval recall@k and exact-match answers with and without retrieval (rag_demo.py)."""
    report = read(path)["eval"]
    figure = plot.new_figure(WIDE)
    recall_ax, answer_ax = figure.subplots(1, 2)
    ks = sorted(int(key.split("@")[1]) for key in report if key.startswith("recall@"))
    recall_ax.plot(ks, [100 * report[f"recall@{k}"] for k in ks], marker="o")
    recall_ax.set_xticks(ks)
    recall_ax.set_xlabel("k (chunks retrieved)")
    recall_ax.set_ylabel("questions with the answer's chunk in the top k (%)")
    answer_ax.bar(["with retrieval", "without"],
                  [100 * report["em_with_retrieval"], 100 * report["em_without_retrieval"]], color=["C0", "C3"])
    answer_ax.set_ylabel("exact-match answers (%)")
    return figure


FIGURES = {  # picture in docs/img: (its data in docs/data, how it is drawn)
    "quickstart-loss.png": ("quickstart-log.jsonl", draw_quickstart_loss),
    "quickstart-attention.png": ("quickstart-attention.json", draw_attention),
    "quality-shakespeare.png": ("quality-shakespeare.json", draw_quality),
    "quality-names.png": ("quality-names.json", draw_quality),
    "quality-shakespeare-hour.png": ("quality-shakespeare-hour.json", draw_quality),
    "lora-gap.png": ("lora.json", draw_lora),
    "speed-vs-pytorch.png": ("speed.json", draw_speed),
    "mpi-scaling.png": ("mpi.json", draw_mpi),
    "rag.png": ("rag.json", draw_rag),  # the RAG figure: scripts/rag_demo.py writes its data
}


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--data", default=os.path.join(ROOT, "docs", "data"))
    parser.add_argument("--img", default=os.path.join(ROOT, "docs", "img"))
    parser.add_argument("--only", help="comma list of pictures, without .png (default: all)")
    args = parser.parse_args()
    wanted = set(args.only.split(",")) if args.only else None
    unknown = (wanted or set()) - {name.removesuffix(".png") for name in FIGURES}
    if unknown:
        sys.exit(f"figures.py: no picture named {', '.join(sorted(unknown))}; known: "
                 + ", ".join(name.removesuffix(".png") for name in FIGURES))
    os.makedirs(args.img, exist_ok=True)
    for name, (data_name, draw) in FIGURES.items():
        if wanted is not None and name.removesuffix(".png") not in wanted:
            continue
        data = os.path.join(args.data, data_name)
        if not os.path.exists(data):
            print(f"skipped {name}: no {data_name} in {args.data} yet", file=sys.stderr)
            continue
        plot.save_figure(draw(data), os.path.join(args.img, name))
        print(f"wrote {os.path.join(args.img, name)} from {data_name}", file=sys.stderr)


if __name__ == "__main__":
    main()
