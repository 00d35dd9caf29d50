# Two commands do everything on a fresh machine:
#   make book   create .venv, install the pinned dependencies, build _build/html strictly
#   make test   also install the test tools, build, and run the whole suite
#   make student / make pdf   the student edition (no solutions) / the whole book as one PDF
SHELL := /bin/bash
.SHELLFLAGS := -eu -o pipefail -c
.DEFAULT_GOAL := book

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PIP := $(BIN)/python -m pip --disable-pip-version-check
BOOK_STAMP := $(VENV)/.book-deps
TEST_STAMP := $(VENV)/.test-deps
AXE := node_modules/axe-core/axe.min.js
PORT ?= 8000

.PHONY: book deps test unit browser serve student pdf bench lock clean help

help:  ## list the targets
	@grep -E '^[a-z]+:.*## ' $(MAKEFILE_LIST) | sed 's/:.*## /\t/'

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(BOOK_STAMP): requirements.txt constraints.txt pyproject.toml | $(BIN)/python
	$(PIP) install --quiet -r requirements.txt -c constraints.txt
	touch $@

$(TEST_STAMP): requirements-test.txt constraints.txt $(BOOK_STAMP)
	$(PIP) install --quiet -r requirements-test.txt -c constraints.txt
	touch $@

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

deps: $(BOOK_STAMP)  ## install the pinned book dependencies into .venv

book: $(BOOK_STAMP)  ## build the site into _build/html (warnings are errors)
	@$(BIN)/python -m lib.build

test: $(TEST_STAMP) $(AXE) book  ## build, then run every test (unit, data, extension, notebooks, browser)
	$(BIN)/python -m pytest

unit: $(TEST_STAMP)  ## the fast tests only (no build, no browser, no fresh environments)
	$(BIN)/python -m pytest -m "not browser and not slow and not built"

browser: $(TEST_STAMP) $(AXE)  ## the browser suite against the current build
	$(BIN)/python -m pytest -m browser

serve: book  ## preview the built site on http://127.0.0.1:$(PORT)
	$(BIN)/python -m http.server --bind 127.0.0.1 --directory _build/html $(PORT)

student: $(BOOK_STAMP)  ## build the student edition (no exercise solutions) into _build/student/html
	@$(BIN)/python -m lib.build --student

pdf: $(TEST_STAMP) book  ## print the whole book to _build/pdf/book.pdf (headless Chromium, charts as vectors)
	$(BIN)/python -m lib.pdf

bench: $(TEST_STAMP)  ## print build, page-weight and rendering figures
	$(BIN)/python benchmarks/run.py

lock:  ## re-resolve every dependency and rewrite constraints.txt
	rm -rf /tmp/aichips-lock && $(PYTHON) -m venv /tmp/aichips-lock
	/tmp/aichips-lock/bin/pip install --quiet -r requirements.txt -r requirements-test.txt
	/tmp/aichips-lock/bin/pip freeze --exclude-editable | grep -v '^aichips-book' > constraints.txt

clean:  ## remove the build (keeps .venv and node_modules)
	rm -rf _build
