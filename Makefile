# Two commands for people: `make run` and `make test`. Everything installs itself into .venv.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
BASE_STAMP := $(VENV)/.base-installed
LOCAL_STAMP := $(VENV)/.local-installed
export HF_HUB_OFFLINE := 1
export ANONYMIZED_TELEMETRY := False
export GRADIO_ANALYTICS_ENABLED := False

.PHONY: run test test-reliability eval bench install install-local system-deps clean

run: $(BASE_STAMP)
	$(BIN)/aisec ingest
	$(BIN)/aisec ui

test: $(LOCAL_STAMP) system-deps
	$(BIN)/aisec corpus check
	$(BIN)/python -m pytest -q

# Long fault-injection, fuzzing and resource trials (docs/reliability.md): 20+ SIGKILL crash trials, fuzzing at 10x.
test-reliability: $(LOCAL_STAMP)
	$(BIN)/python -m pytest -q -m reliability
	FUZZ_SCALE=10 $(BIN)/python -m pytest -q tests/reliability/test_fuzz_inputs.py

eval: $(BASE_STAMP)
	$(BIN)/aisec eval

bench: $(BASE_STAMP)
	$(BIN)/aisec bench --load

install: $(BASE_STAMP)
install-local: $(LOCAL_STAMP)

# torch first, from the CPU wheel on disk, so no resolver ever pulls a CUDA build.
$(BASE_STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev]'
	touch $@

# The optional local-LLM extra (llama-cpp-python builds from source in about 4 minutes).
$(LOCAL_STAMP): $(BASE_STAMP)
	CMAKE_ARGS="-DGGML_NATIVE=OFF" $(BIN)/pip install -q -e '.[dev,local]'
	touch $@

# Debian's Chromium for the browser tests (CI runs as root; others are told what to install).
system-deps:
	@command -v chromium >/dev/null || { if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium >/dev/null; else echo "browser tests will skip: run 'sudo apt-get install chromium'"; fi; }

clean:
	rm -rf $(VENV) data .pytest_cache
