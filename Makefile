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

.PHONY: install demo test lint typecheck pytest bench eval clean

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
	$(BIN)/mypy ingest vector_store prompts bot

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

.PHONY: bench-ingest bench-retrieval bench-latency bench-slack bench-grants
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

SHARED ?= ../shared
LEDGER = $(BIN)/python eval/ledger_split.py
LEDGER_SCORER = --scorer $(SHARED)/eval/score_ledger.py

eval: $(STAMP) eval-needs
	$(BIN)/fou-bot eval $(SHARED)/corpus/dev/questions.yaml --docs $(SHARED)/corpus/dev/docs --out data/eval-dev.jsonl
	$(MAKE) --no-print-directory eval-ledger

.PHONY: eval-needs eval-ledger
eval-needs:
	@test -d $(SHARED)/corpus/dev/docs -a -f $(SHARED)/eval/score_ledger.py || { \
	  echo "make eval: needs the shared evaluation folder at $(SHARED) (corpus/dev/docs, eval/score_ledger.py, eval/ledger_gold.yaml); check it out beside this repo or run make eval SHARED=/path/to/shared"; exit 2; }

# The grants ledger on every gold set, tuning and locked split side by side (eval/ledger_split.py).
eval-ledger: $(STAMP) eval-needs
	@mkdir -p data
	$(LEDGER) extract $(SHARED)/corpus/dev/docs --out data/ledger-dev.csv
	$(LEDGER) score $(SHARED)/eval/ledger_gold.yaml data/ledger-dev.csv --docs $(SHARED)/corpus/dev/docs $(LEDGER_SCORER)
	@for gold in eval/*/ledger_gold.yaml; do test -f "$$gold" || continue; \
	  $(LEDGER) score "$$gold" data/ledger-dev.csv --docs $(SHARED)/corpus/dev/docs $(LEDGER_SCORER); done
	@for set in eval/locked/*/; do test -f "$$set/ledger_gold.yaml" || continue; \
	  name=$$(basename "$$set"); $(LEDGER) extract "$$set/docs" --out "data/ledger-$$name.csv" && \
	  $(LEDGER) score "$$set/ledger_gold.yaml" "data/ledger-$$name.csv" --docs "$$set/docs" $(LEDGER_SCORER); done

clean:
	rm -rf data .pytest_cache .mypy_cache .ruff_cache
