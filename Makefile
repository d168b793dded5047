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
	$(BIN)/mypy ingest vector_store prompts bot

pytest: $(STAMP)
	$(BIN)/pytest

test: lint typecheck pytest

bench: $(STAMP)
	$(BIN)/python -m benchmarks

.PHONY: bench-ingest bench-retrieval bench-latency bench-slack bench-cli
bench-ingest: $(STAMP)
	$(BIN)/python -m benchmarks.ingest_throughput

bench-retrieval: $(STAMP)
	$(BIN)/python -m benchmarks.retrieval_baseline

bench-latency: $(STAMP)
	$(BIN)/python -m benchmarks.latency

bench-slack: $(STAMP)
	$(BIN)/python -m benchmarks.slack_load

bench-cli: $(STAMP)
	$(BIN)/python -m benchmarks.cli_startup

EVAL_DIR := ../shared/corpus/dev

# Checked before anything is installed: the set lives outside this repository.
eval-set:
	@test -f $(EVAL_DIR)/questions.yaml -a -d $(EVAL_DIR)/docs || { \
	  echo "make eval: needs the development set, which is not part of this repository:" \
	       "$(EVAL_DIR)/questions.yaml and the folder $(EVAL_DIR)/docs (put the shared folder" \
	       "next to this checkout). Without it, evaluate the example corpus:" \
	       ".venv/bin/fou-bot eval examples/questions.yaml --docs examples/corpus" \
	       "--out data/eval-examples.jsonl" >&2; exit 2; }

eval: eval-set $(STAMP)
	$(BIN)/fou-bot eval ../shared/corpus/dev/questions.yaml --docs ../shared/corpus/dev/docs --out data/eval-dev.jsonl

clean:
	rm -rf data .pytest_cache .mypy_cache .ruff_cache
