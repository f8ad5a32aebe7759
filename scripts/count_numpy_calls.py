"""How many NumPy calls one training step makes, and where: the per-call overhead that bounds the
small presets.

    python scripts/count_numpy_calls.py [--preset micro] [--batch-size 32] [--top 15] [--decode]

A NumPy call here is every evaluation in mgpt's own code that hands an array to NumPy: a
function or method of NumPy (np.exp, x.reshape, ufuncs), an operator with an array operand
(x + y, a @ b, a[i], a[i] = v, x > 0, -x), each counted once. The engine's modules are recompiled
with every call, operator and subscript routed through a counter (an AST rewrite), so the count
is exact and the same on every run; the step is the training loop's (benchlib.timed_step: zero
the gradients, forward, backward, clip, AdamW), or with --decode a token sampled at batch 1.
"""

import argparse
import ast
import collections
import inspect
import operator
import os
import time

import numpy as np

import benchlib

COUNTS = collections.Counter()
SECONDS = collections.Counter()  # time inside the counted calls, per line
ACTIVE = [False]
BINARY = {ast.Add: operator.add, ast.Sub: operator.sub, ast.Mult: operator.mul, ast.Div: operator.truediv,
          ast.MatMult: operator.matmul, ast.Pow: operator.pow, ast.FloorDiv: operator.floordiv,
          ast.Mod: operator.mod, ast.BitAnd: operator.and_, ast.BitOr: operator.or_}
INPLACE = {ast.Add: operator.iadd, ast.Sub: operator.isub, ast.Mult: operator.imul, ast.Div: operator.itruediv,
           ast.MatMult: operator.imatmul, ast.Pow: operator.ipow, ast.BitAnd: operator.iand, ast.BitOr: operator.ior}
COMPARE = {ast.Gt: operator.gt, ast.GtE: operator.ge, ast.Lt: operator.lt, ast.LtE: operator.le,
           ast.Eq: operator.eq, ast.NotEq: operator.ne}


def _is_array(value):
    return isinstance(value, (np.ndarray, np.generic))


def _numpy_callable(func):
    if isinstance(func, np.ufunc):
        return True
    owner = getattr(func, "__self__", None)
    if _is_array(owner) or isinstance(owner, np.ufunc):
        return True
    module = getattr(func, "__module__", None) or ""
    return module == "numpy" or module.startswith("numpy.")


def _timed(_where, _fn, *args, **kwargs):
    if not ACTIVE[0]:
        return _fn(*args, **kwargs)
    COUNTS[_where] += 1
    t0 = time.perf_counter()
    result = _fn(*args, **kwargs)
    SECONDS[_where] += time.perf_counter() - t0
    return result


def _call(_where, _func, *args, **kwargs):
    if _numpy_callable(_func):
        return _timed(_where, _func, *args, **kwargs)
    return _func(*args, **kwargs)


def _setitem(where, target, index, value):
    if _is_array(target):
        _timed(where, operator.setitem, target, index, value)
    else:
        target[index] = value


class _Instrument(ast.NodeTransformer):
    """Routes calls, operators and subscripts through the counters above, tagged file:line."""

    def __init__(self, filename):
        self.filename = filename

    def _where(self, node):
        return ast.Constant(f"{self.filename}:{node.lineno}")

    def _helper(self, name, node, *args):
        return ast.copy_location(ast.Call(ast.Name(name, ast.Load()), [self._where(node), *args], []), node)

    def visit_Call(self, node):
        self.generic_visit(node)
        if isinstance(node.func, ast.Name) and node.func.id == "super":  # super() must stay in its method
            return node
        call = ast.Call(ast.Name("_count_call", ast.Load()), [self._where(node), node.func, *node.args], node.keywords)
        return ast.copy_location(call, node)

    def visit_BinOp(self, node):
        self.generic_visit(node)
        if type(node.op) not in BINARY:
            return node
        return self._helper("_count_op", node, ast.Constant(type(node.op).__name__), node.left, node.right)

    def visit_UnaryOp(self, node):
        self.generic_visit(node)
        if not isinstance(node.op, ast.USub):
            return node
        return self._helper("_count_op", node, ast.Constant("USub"), node.operand)

    def visit_Compare(self, node):
        self.generic_visit(node)
        if len(node.ops) != 1 or type(node.ops[0]) not in COMPARE:
            return node
        return self._helper("_count_op", node, ast.Constant(type(node.ops[0]).__name__), node.left, node.comparators[0])

    def visit_Subscript(self, node):
        self.generic_visit(node)
        if not isinstance(node.ctx, ast.Load):
            return node
        return self._helper("_count_op", node, ast.Constant("getitem"), node.value, node.slice)

    def visit_Assign(self, node):
        self.generic_visit(node)
        if len(node.targets) == 1 and isinstance(node.targets[0], ast.Subscript):
            target = node.targets[0]
            return ast.copy_location(ast.Expr(self._helper(
                "_count_setitem", node, _load(target.value), target.slice, node.value)), node)
        return node

    def visit_AugAssign(self, node):
        """x op= v becomes x = iop(x, v) (a[i] op= v: a[i] = iop(a[i], v), the same calls)."""
        self.generic_visit(node)
        if type(node.op) not in INPLACE:
            return node
        value = self._helper("_count_op", node, ast.Constant("i" + type(node.op).__name__), _load(node.target), node.value)
        if isinstance(node.target, ast.Subscript):
            return ast.copy_location(ast.Expr(ast.Call(ast.Name("_plain_setitem", ast.Load()),
                                                       [_load(node.target.value), node.target.slice, value], [])), node)
        return ast.copy_location(ast.Assign([node.target], value), node)


def _load(target):
    copy = ast.parse(ast.unparse(target), mode="eval").body
    return ast.copy_location(copy, target)


OPS = {**{k.__name__: v for k, v in BINARY.items()}, **{"i" + k.__name__: v for k, v in INPLACE.items()},
       **{k.__name__: v for k, v in COMPARE.items()}, "USub": operator.neg, "getitem": operator.getitem}


def _count_op(where, name, *operands):
    if any(_is_array(x) for x in operands):
        return _timed(where, OPS[name], *operands)
    return OPS[name](*operands)


def instrument(module):
    """Recompiles `module` in place with every NumPy call counted."""
    source = inspect.getsource(module)
    filename = os.path.basename(module.__file__)
    tree = ast.fix_missing_locations(_Instrument(filename).visit(ast.parse(source)))
    module.__dict__.update(_count_call=_call, _count_op=_count_op, _count_setitem=_setitem,
                           _plain_setitem=operator.setitem)
    exec(compile(tree, module.__file__, "exec"), module.__dict__)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--preset", default="micro")
    parser.add_argument("--batch-size", type=int, default=32)
    parser.add_argument("--vocab-size", type=int, default=66)
    parser.add_argument("--top", type=int, default=15, help="show the lines taking the most time")
    parser.add_argument("--repeat", type=int, default=50, help="runs timed")
    parser.add_argument("--decode", action="store_true",
                        help="a decoded token instead of a training step: batch 1 with the KV cache, as "
                             "`mgpt sample` (a whole block generated; figures per token)")
    args = parser.parse_args()

    from mgpt import block, decoding, kernels, lora, model, optim, parameters, sampling
    from mgpt.config import GPTConfig
    from mgpt.data import Vocab
    from mgpt.runtime import tune_allocator

    tune_allocator()  # as training and sampling do
    # each before the modules that import from it, which then read its instrumented functions and classes
    for module in (kernels, parameters, lora, block, decoding, model, optim, sampling):
        instrument(module)
    config = GPTConfig.from_preset(args.preset, args.vocab_size)
    gpt = model.GPT(config)
    gpt.init_weights(np.random.default_rng(0))
    if args.decode:
        vocab = Vocab([chr(32 + i) for i in range(args.vocab_size - 1)])
        tokens = config.block_size - 1
        report(lambda: sampling.generate(gpt, vocab, "stream", prompt=" ", max_new_tokens=tokens, seed=0),
               args, f"{args.preset}, decoding at batch 1, per token", per=tokens)
        return
    run = (gpt, gpt.params, gpt.grads, optim.AdamW(gpt.params.size, beta2=0.99, decay_mask=gpt.decay_mask()))
    x, y = benchlib.random_batch(config, args.batch_size)
    report(lambda: benchlib.timed_step(run, x, y, 1e-3), args, f"{args.preset}, batch {args.batch_size}, per training step")


def report(run, args, what, per=1):
    """Counts the NumPy calls of one run() (after a first, which fills caches), then times them
    over args.repeat more; prints the figures divided by `per` and the lines taking the most."""
    run()
    ACTIVE[0] = True
    run()
    ACTIVE[0] = False
    counts = dict(COUNTS)
    COUNTS.clear()
    SECONDS.clear()
    ACTIVE[0] = True
    for _ in range(args.repeat):
        run()
    ACTIVE[0] = False
    runs = args.repeat * per
    by_file = collections.Counter()
    for where, n in counts.items():
        by_file[where.split(":")[0]] += n
    print(f"{what}: {sum(counts.values()) / per:.0f} NumPy calls "
          f"({', '.join(f'{f} {n / per:.0f}' for f, n in by_file.most_common())})")
    print(f"  time inside them: {sum(SECONDS.values()) / runs * 1e3:.3f} ms (mean of {args.repeat} runs, timer "
          f"overhead included); the lines taking the most:")
    for where, secs in SECONDS.most_common(args.top):
        print(f"  {secs / runs * 1e6:8.1f} us  {counts[where] / per:6.1f} calls  {where}")


if __name__ == "__main__":
    main()
