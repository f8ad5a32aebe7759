"""Companies -> documents -> questions -> training lines, reproducibly: company i draws from its
own random.Random(f"{seed}/{i}"), so the lines are the same bytes on every run and can be made
by several processes, each taking every n-th company, and joined in company order."""

import random
from multiprocessing import Pool

from .lines import kb_lines
from .render import render_kb
from .world import make_company

QUESTIONS_PER_COMPANY = (8, 24)


def company_lines(seed, i, block_size, reserve, template, edition=1, unanswerable_share=0.2):
    rng = random.Random(f"{seed}/{i}")
    company = make_company(rng, edition=edition)
    files, stated = render_kb(company, rng, edition)
    return kb_lines(company, files, stated, rng, block_size, reserve, rng.randint(*QUESTIONS_PER_COMPANY),
                    template, unanswerable_share, edition)


def _worker(args):
    seed, start, step, count, block_size, reserve, template, edition = args
    return [company_lines(seed, i, block_size, reserve, template, edition)
            for i in range(start, start + step * count, step)]


def in_company_order(worker, task, n, processes, chunk):
    """The first n items that worker makes of task(first company, chunk) for one task after another,
    `chunk` companies per task on `processes` processes: the same items on any number of them."""
    produced, next_company = 0, 0
    with Pool(processes) as pool:
        while produced < n:
            tasks = [task(next_company + j * chunk) for j in range(processes * 4)]
            next_company += chunk * processes * 4
            for batch in pool.imap(worker, tasks):
                for items in batch:
                    for item in items:
                        if produced < n:
                            produced += 1
                            yield item


def generate(n_lines, seed, block_size, reserve, template, edition=1, processes=1, chunk=64):
    """Yields lines until n_lines: companies in order, `chunk` companies per task."""
    return in_company_order(_worker, lambda start: (seed, start, 1, chunk, block_size, reserve, template, edition),
                            n_lines, processes, chunk)
