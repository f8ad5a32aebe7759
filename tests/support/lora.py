"""`mgpt finetune-lora` on a tiny base with few steps: the adapters the LoRA and server tests fine-tune."""

from support.cli import assert_ok, mgpt_run

FAST = ["--batch-size", "4", "--eval-iters", "2", "-q"]
LORA = ["--rank", "2", "--lr", "1e-2", "--warmup", "2", *FAST]


def finetune(base, corpus, out, *extra, steps=40, cwd=None):
    return assert_ok(mgpt_run("finetune-lora", "--base", base, corpus, "-o", out, *LORA, "--steps", steps,
                              "--eval-every", 20, *extra, cwd=cwd))
