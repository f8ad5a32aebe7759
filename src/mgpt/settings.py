"""The settings of a training run: the options `train` and `finetune-lora` take, what the loop
runs by, and what every checkpoint stores under "settings" so a resumed run keeps them.

A module of its own so the command line can show their defaults without loading the loop.
"""

from dataclasses import dataclass


@dataclass
class TrainSettings:
    steps: int = 2000
    batch_size: int = 12
    lr: float = 1e-3
    min_lr: float = 1e-4
    warmup: int = 100
    beta1: float = 0.9
    beta2: float = 0.99
    weight_decay: float = 0.1
    grad_clip: float = 1.0
    eval_every: int = 250
    eval_iters: int = 20
    full_val: bool = False  # score the whole validation split at each evaluation, not eval_iters batches
    save_every: int = 0
    seed: int = 1337
    patience: int = None  # stop after this many evaluations without a better val loss (None: never)
    shards: int = None  # a step's batch in this many parts on threads (shards.py); None: as the cores allow
