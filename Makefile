# One command each: `make demo` sets up and runs the bot's main job on embedded
# defaults; `make test` sets up and runs every check. Nothing is installed by hand.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False

DEMO_QUESTION ?= Hur mycket pengar fick Skärholmen för att utveckla arbetet med unga vuxna?

.PHONY: install demo test lint typecheck pytest bench eval eval-set clean

install: $(STAMP)

# torch goes in first and pinned: pip takes the machine's local CPU wheel, so the
# later install finds it satisfied and never pulls the CUDA build.
$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --disable-pip-version-check -q --upgrade pip
	$(BIN)/pip install --disable-pip-version-check -q torch==2.13.0
	$(BIN)/pip install --disable-pip-version-check -q -e ".[dev]"
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/fou-bot ingest examples/corpus
	$(BIN)/fou-bot ask "$(DEMO_QUESTION)"

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(STAMP)
	$(BIN)/mypy funding ingest vector_store prompts bot

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

.PHONY: bench-ingest bench-retrieval bench-latency bench-slack bench-grants bench-cli
bench-ingest: $(STAMP)
	$(BIN)/python -m benchmarks.ingest_throughput

bench-retrieval: $(STAMP)
	$(BIN)/python -m benchmarks.retrieval_baseline

bench-latency: $(STAMP)
	$(BIN)/python -m benchmarks.latency

bench-slack: $(STAMP)
	$(BIN)/python -m benchmarks.slack_load

bench-grants: $(STAMP)
	$(BIN)/python -m benchmarks.grants_scaling

DOCS ?= examples/corpus
bench-cli: $(STAMP)
	$(BIN)/python -m benchmarks.cli_startup --bot --docs $(DOCS)

# Every question set and gold ledger, each scored on its tuning and its locked split side by
# side (bot/splits.py). The development corpus lives outside this repository, in ../shared.
SHARED ?= ../shared
DEV := $(SHARED)/corpus/dev
EVAL := $(BIN)/fou-bot eval --split all --cache data/eval-cache
LEDGER := $(BIN)/python eval/ledger_split.py
LEDGER_SCORER := --scorer $(SHARED)/eval/score_ledger.py
# Sets that carry their own documents: split into tuning and locked by bot/splits.py, or locked
# as a whole under eval/locked/.
OWN_DOCS_SETS := $(patsubst %/docs,%,$(wildcard eval/*/docs eval/locked/*/docs))

.PHONY: eval eval-needs eval-questions eval-ledger
eval: eval-needs $(STAMP)
	$(MAKE) --no-print-directory eval-questions eval-ledger

# Checked before anything is installed, so a fresh clone without ../shared learns what it needs.
eval-needs:
	@test -f $(DEV)/questions.yaml -a -d $(DEV)/docs -a -f $(SHARED)/eval/score_ledger.py || { \
	  echo "make eval: needs the shared evaluation folder, which is not part of this repository:" \
	       "$(DEV)/questions.yaml, the folder $(DEV)/docs and $(SHARED)/eval/score_ledger.py" \
	       "(put the shared folder next to this checkout, or run make eval SHARED=/path/to/shared)." \
	       "Without it, evaluate the example corpus:" \
	       ".venv/bin/fou-bot eval examples/questions.yaml --docs examples/corpus" \
	       "--out data/eval-examples.jsonl" >&2; exit 2; }

eval-questions: $(STAMP) eval-needs
	@mkdir -p data
	$(EVAL) $(DEV)/questions.yaml --docs $(DEV)/docs --out data/eval-dev.jsonl
	$(EVAL) eval/dev-blind/questions.yaml --docs $(DEV)/docs --out data/eval-dev-blind.jsonl
	@for set in $(OWN_DOCS_SETS); do name=$$(basename "$$set"); \
	  $(EVAL) "$$set/questions.yaml" --docs "$$set/docs" --out "data/eval-$$name.jsonl" || exit 1; done

# The grants ledger on every gold set, tuning and locked split side by side (eval/ledger_split.py).
eval-ledger: $(STAMP) eval-needs
	@mkdir -p data
	$(LEDGER) extract $(DEV)/docs --out data/ledger-dev.csv
	$(LEDGER) score $(SHARED)/eval/ledger_gold.yaml data/ledger-dev.csv --docs $(DEV)/docs $(LEDGER_SCORER)
	$(LEDGER) score eval/dev-ledger/ledger_gold.yaml data/ledger-dev.csv --docs $(DEV)/docs $(LEDGER_SCORER)
	@for set in $(OWN_DOCS_SETS); do name=$$(basename "$$set"); \
	  $(LEDGER) extract "$$set/docs" --out "data/ledger-$$name.csv" && \
	  $(LEDGER) score "$$set/ledger_gold.yaml" "data/ledger-$$name.csv" --docs "$$set/docs" $(LEDGER_SCORER) || exit 1; done

clean:
	rm -rf data .pytest_cache .mypy_cache .ruff_cache
