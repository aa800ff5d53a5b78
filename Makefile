# make run: create .venv, install, extract the shipped corpus, crawl a demo site on 127.0.0.1 with the nightly flow.  make test: the same, then the tests.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
OUT := out/records.jsonl
DEMO_DB := out/demo.db

.PHONY: install run test bench clean

install: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

run: install
	$(BIN)/vnfacts extract corpus --out $(OUT)
	$(BIN)/vnfacts evaluate annotations/gold $(OUT)
	rm -rf $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm out/archive
	$(BIN)/python flows.py demo --db $(DEMO_DB) --archive out/archive
	$(BIN)/vnfacts search "bi thu tinh uy" --type official --db $(DEMO_DB) --limit 5

# pytest exits 5 when it ran no test: that is a failure here, not a pass.
test: install
	$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest ran no tests" >&2; exit 1; fi; exit $$rc

bench: install
	$(BIN)/python benchmarks/extract_bench.py

clean:
	rm -rf $(VENV) out build *.egg-info
