# One command to build and serve the site, one to run every test; each installs what it needs.
#   make serve   build the site and serve it at http://127.0.0.1:8000 (rebuilds on save)
#   make test    run the whole test suite, after `make lint`
#   make lint    check the Python code with ruff and mypy (settings in pyproject.toml)
#   make build   build the site into site/ with --strict
#   make build-zensical   build the same site with Zensical into site-zensical/ (SITE_URL sets its address)
#   make serve-zensical   Zensical's own server: links and popovers, but no "Mentioned in" or redirects

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1

.PHONY: serve build build-zensical serve-zensical lint test browser clean vendor-fsrs

serve: $(VENV)/installed
	$(BIN)/mkdocs serve

build: $(VENV)/installed
	$(BIN)/mkdocs build --strict

# Zensical runs no hooks: the glossary is a Markdown extension per page and a pass over the built site,
# both in hooks/glossary_zensical.py, which builds in a scratch copy and moves the site in once whole.
build-zensical: $(VENV)/installed
	$(BIN)/python hooks/glossary_zensical.py build site-zensical

serve-zensical: $(VENV)/installed
	PYTHONPATH=hooks $(BIN)/zensical serve

lint: $(VENV)/installed
	$(BIN)/ruff check .
	$(BIN)/mypy

# Two pytest workers (pytest-xdist), a test file each at a time, so a file's module fixtures (a built
# fixture site) are made once. Then the tests that depend on the generator, tests/build/, again with
# the site built by ProperDocs, and once more with the site built by Zensical, with a browser smoke test
# of that build (engine, content and the other browser tests don't: they run once).
PYTEST_WORKERS ?= -n 2 --dist loadfile
test: $(VENV)/installed lint browser
	$(BIN)/python -m pytest $(PYTEST_WORKERS)
	@echo "The build tests again, with the site built by ProperDocs:"
	SITE_GENERATOR=properdocs $(BIN)/python -m pytest -q $(PYTEST_WORKERS) tests/build
	@echo "The build tests again, with the site built by Zensical, and that site in a browser:"
	SITE_GENERATOR=zensical $(BIN)/python -m pytest -q $(PYTEST_WORKERS) tests/build tests/browser/test_zensical_smoke.py

# The browser tests drive Debian's Chromium (/usr/bin/chromium) where it exists,
# else Playwright's own build, downloaded here on machines that can reach it.
browser: $(VENV)/installed
	@test -x /usr/bin/chromium || $(BIN)/python -m playwright install chromium \
	  || echo "No Chromium: install Debian's chromium package. Browser tests skip locally and fail under CI=true."

$(VENV)/installed: requirements.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed (set PYTHON=...)")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -r requirements.txt
	touch $@

# The study page's scheduler, vendored as the package's own built file (docs/assets/vendor/ts-fsrs/README.txt).
TS_FSRS_VERSION ?= 5.4.2
FSRS_DIR := docs/assets/vendor/ts-fsrs
vendor-fsrs:
	@tmp=$$(mktemp -d) && cd $$tmp && npm pack --silent ts-fsrs@$(TS_FSRS_VERSION) >/dev/null && tar xzf ts-fsrs-*.tgz \
	  && cp package/dist/index.umd.js package/LICENSE $(CURDIR)/$(FSRS_DIR)/ && rm -rf $$tmp
	@sum=$$(sha256sum $(FSRS_DIR)/index.umd.js | cut -d' ' -f1) \
	  && sed -i -e 's/^- version: .*/- version: $(TS_FSRS_VERSION)/' -e "s/^- sha256 of index.umd.js: .*/- sha256 of index.umd.js: $$sum/" \
	     -e 's/ts-fsrs\](\(.*\)) [0-9.]* (MIT/ts-fsrs](\1) $(TS_FSRS_VERSION) (MIT/' $(FSRS_DIR)/README.txt \
	  && echo "ts-fsrs $(TS_FSRS_VERSION) vendored in $(FSRS_DIR) (sha256 $$sum)"

clean:
	rm -rf $(VENV) site site-zensical
