# The two commands a newcomer runs: `make run` (quickstart) and `make test`; `make figures` redraws docs/img/.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed

.PHONY: run test venv figures clean

# mgpt with its extras, and beside it the reader's build (lab/: readergen, readerdocs), both editable
$(STAMP): pyproject.toml lab/pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test,rag,mpi,plot,serve]' -e lab
	touch $(STAMP)

# Train a baby-shaped model (64 wide) on the shipped names corpus, then print samples (under a minute on a quiet
# machine); then index the camping-gear knowledge base and ask it two questions with the reader shipped with mgpt.
run: $(STAMP)
	mkdir -p out
	$(BIN)/mgpt train corpora/census1990_first_names.txt -o out/names.npz \
		--preset baby --n-embd 64 --block-size 16 --steps 1500 --batch-size 32 --lr 3e-3 --warmup 50 --eval-every 250 \
		--log out/names.jsonl
	$(BIN)/mgpt sample --ckpt out/names.npz -n 20 --seed 1 --temperature 0.8
	$(BIN)/mgpt index corpora/kb --db out/kb.db -q
	$(BIN)/mgpt ask "What is the price of the Kestrel 2 tent?" --db out/kb.db
	$(BIN)/mgpt ask "Can I pay with bitcoin?" --db out/kb.db

test: $(STAMP)
	$(BIN)/python -m pytest -q

# The environment alone (.ci/run adds torch to it before make test)
venv: $(STAMP)

# Every picture in docs/img/, from the data in docs/data/ only (docs/data/README.md)
figures: $(STAMP)
	$(BIN)/python scripts/figures.py

clean:
	rm -rf $(VENV) out
