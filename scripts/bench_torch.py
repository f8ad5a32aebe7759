"""mgpt's architecture in PyTorch (CPU, eager), for side-by-side benchmarks and a cross-check.

    python scripts/bench_torch.py CKPT.npz     # loss and gradient agreement on one batch

`TorchGPT.from_mgpt(model)` copies an mgpt model's weights, so both engines run identical shapes.
It is written the way a PyTorch user would write this model (nanoGPT's style): a fused qkv
projection, `F.scaled_dot_product_attention`, `F.rms_norm`, `F.cross_entropy`, and
`torch.optim.AdamW`. Nothing in mgpt imports this file; torch is only a benchmark dependency.
"""

import argparse
import math
import sys

import numpy as np
import torch
import torch.nn.functional as F


class TorchGPT(torch.nn.Module):
    """Weights are (in, out) as in mgpt, so y = x @ W; wq|wk|wv live side by side in one wqkv."""

    def __init__(self, config):
        super().__init__()
        self.config = config
        C, V = config.n_embd, config.vocab_size
        P = torch.nn.Parameter
        self.wte = P(torch.zeros(V, C))
        self.wpe = P(torch.zeros(config.block_size, C))
        self.blocks = torch.nn.ModuleList()
        for _ in range(config.n_layer):
            block = torch.nn.ParameterDict({
                "ln1": P(torch.ones(C)), "wqkv": P(torch.zeros(C, 3 * C)), "wo": P(torch.zeros(C, C)),
                "ln2": P(torch.ones(C)), "fc": P(torch.zeros(C, 4 * C)), "proj": P(torch.zeros(4 * C, C))})
            self.blocks.append(block)
        self.lnf = P(torch.ones(C))
        self.lm_head = P(torch.zeros(C, V))

    @classmethod
    def from_mgpt(cls, model):
        tm = cls(model.config)
        tm.load_mgpt(model)
        return tm

    @torch.no_grad()
    def load_mgpt(self, model):
        p = model.p
        self.wte.copy_(torch.from_numpy(p["wte"]))
        self.wpe.copy_(torch.from_numpy(p["wpe"]))
        for layer, block in enumerate(self.blocks):
            h = f"h{layer}."
            wqkv = np.concatenate([p[h + "wq"], p[h + "wk"], p[h + "wv"]], axis=1)
            block["wqkv"].copy_(torch.from_numpy(wqkv))
            for name in ("ln1", "wo", "ln2", "fc", "proj"):
                block[name].copy_(torch.from_numpy(p[h + name]))
        self.lnf.copy_(torch.from_numpy(p["lnf"]))
        self.lm_head.copy_(torch.from_numpy(p["lm_head"]))

    def mgpt_named_grads(self):
        """Gradients under mgpt's weight names (wqkv split back into wq, wk, wv)."""
        grads = {"wte": self.wte.grad, "wpe": self.wpe.grad, "lnf": self.lnf.grad, "lm_head": self.lm_head.grad}
        C = self.config.n_embd
        for layer, block in enumerate(self.blocks):
            h = f"h{layer}."
            g = block["wqkv"].grad
            grads.update({h + "wq": g[:, :C], h + "wk": g[:, C:2 * C], h + "wv": g[:, 2 * C:]})
            for name in ("ln1", "wo", "ln2", "fc", "proj"):
                grads[h + name] = block[name].grad
        return {k: v.numpy() for k, v in grads.items()}

    def _act(self, x):
        return F.relu(x) if self.config.activation == "relu" else F.gelu(x, approximate="tanh")

    def _heads(self, x):
        B, T, _ = x.shape
        H = self.config.n_head
        return x.view(B, T, H, -1).transpose(1, 2)

    def forward(self, idx, targets=None):
        B, T = idx.shape
        C = self.config.n_embd
        x = self.wte[idx] + self.wpe[:T]
        for block in self.blocks:
            a = F.rms_norm(x, (C,), block["ln1"], 1e-5)
            q, k, v = (a @ block["wqkv"]).split(C, dim=2)
            y = F.scaled_dot_product_attention(self._heads(q), self._heads(k), self._heads(v), is_causal=True)
            x = x + y.transpose(1, 2).reshape(B, T, C) @ block["wo"]
            m = F.rms_norm(x, (C,), block["ln2"], 1e-5)
            x = x + self._act(m @ block["fc"]) @ block["proj"]
        logits = F.rms_norm(x, (C,), self.lnf, 1e-5) @ self.lm_head
        if targets is None:
            return logits
        loss = F.cross_entropy(logits.view(-1, logits.shape[-1]), targets.view(-1), ignore_index=-1)
        return logits, loss

    def decode(self, idx, cache, start):
        """KV-cache step: idx (B, t) after `start` cached positions; cache[layer] = (k, v) (B, H, block, hd)."""
        B, t = idx.shape
        C = self.config.n_embd
        end = start + t
        x = self.wte[idx] + self.wpe[start:end]
        for block, (kc, vc) in zip(self.blocks, cache):
            a = F.rms_norm(x, (C,), block["ln1"], 1e-5)
            q, k, v = (a @ block["wqkv"]).split(C, dim=2)
            kc[:, :, start:end] = self._heads(k)
            vc[:, :, start:end] = self._heads(v)
            y = F.scaled_dot_product_attention(self._heads(q), kc[:, :, :end], vc[:, :, :end], is_causal=t > 1)
            x = x + y.transpose(1, 2).reshape(B, t, C) @ block["wo"]
            m = F.rms_norm(x, (C,), block["ln2"], 1e-5)
            x = x + self._act(m @ block["fc"]) @ block["proj"]
        return F.rms_norm(x, (C,), self.lnf, 1e-5) @ self.lm_head


def make_optimizer(model, lr=1e-3, betas=(0.9, 0.99), weight_decay=0.1):
    """AdamW with decay on matrices only, as mgpt's decay mask."""
    decay = [p for p in model.parameters() if p.dim() == 2]
    no_decay = [p for p in model.parameters() if p.dim() < 2]
    return torch.optim.AdamW([{"params": decay, "weight_decay": weight_decay},
                              {"params": no_decay, "weight_decay": 0.0}], lr=lr, betas=betas, eps=1e-8)


def train_step(model, optimizer, x, y, grad_clip=1.0):
    """One step as mgpt's loop takes it: forward, backward, clip, AdamW."""
    optimizer.zero_grad(set_to_none=True)
    _, loss = model(x, y)
    loss.backward()
    torch.nn.utils.clip_grad_norm_(model.parameters(), grad_clip)
    optimizer.step()
    return loss.item()


@torch.inference_mode()
def generate(model, first_ids, num, new_tokens, seed, use_kv_cache=True):
    """Samples `new_tokens` per row at temperature 1, all rows together, as mgpt's generate does."""
    cfg = model.config
    gen = torch.Generator().manual_seed(seed)
    idx = torch.tensor([first_ids] * num, dtype=torch.long)
    if use_kv_cache:
        hd = cfg.n_embd // cfg.n_head
        cache = [(torch.zeros(num, cfg.n_head, cfg.block_size, hd), torch.zeros(num, cfg.n_head, cfg.block_size, hd))
                 for _ in range(cfg.n_layer)]
        logits = model.decode(idx, cache, 0)[:, -1]
    out = idx
    for i in range(new_tokens):
        if not use_kv_cache:
            logits = model(out[:, -cfg.block_size:])[:, -1]
        nxt = torch.multinomial(torch.softmax(logits, dim=-1), 1, generator=gen)
        out = torch.cat([out, nxt], dim=1)
        if use_kv_cache and i < new_tokens - 1:  # the prompt plus new tokens fit the block
            logits = model.decode(nxt, cache, out.shape[1] - 1)[:, -1]
    return out


def compare_with_mgpt(model, x, y):
    """Loss and every gradient of one batch in both engines; returns (loss_mgpt, loss_torch, worst)."""
    model.grads[...] = 0
    _, loss, cache = model.forward(x, y)
    model.backward(cache)
    tm = TorchGPT.from_mgpt(model)
    _, tloss = tm(torch.from_numpy(x.astype(np.int64)), torch.from_numpy(y.astype(np.int64)))
    tloss.backward()
    worst = 0.0
    for name, grad in tm.mgpt_named_grads().items():
        ours = model.g[name]
        scale = max(float(np.abs(grad).max()), 1e-12)
        worst = max(worst, float(np.abs(ours - grad).max()) / scale)
    return loss, float(tloss.detach()), worst


def main():
    from mgpt.checkpoint import load_model

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("ckpt")
    parser.add_argument("--batch-size", type=int, default=8)
    args = parser.parse_args()
    ck = load_model(args.ckpt)
    model, T = ck.model, ck.model.config.block_size
    rng = np.random.default_rng(0)
    x = rng.integers(0, model.config.vocab_size, (args.batch_size, T)).astype(np.int32)
    y = rng.integers(0, model.config.vocab_size, (args.batch_size, T)).astype(np.int32)
    ours, theirs, worst = compare_with_mgpt(model, x, y)
    print(f"loss mgpt {ours:.6f} torch {theirs:.6f} (diff {abs(ours - theirs):.2e}); "
          f"worst gradient difference {worst:.2e} of each tensor's largest entry")
    return 0 if math.isclose(ours, theirs, rel_tol=1e-5) and worst < 1e-3 else 1


if __name__ == "__main__":
    sys.exit(main())
