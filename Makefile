# Two commands set up a fresh machine (see README.md):
#   make demo   installs piao-rules in .venv and runs it on the Cuneo example
#   make test   installs piao-rules with the test tools in .venv and runs the whole suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
OUT := out
EXAMPLE := examples/cuneo

.PHONY: demo test clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	# setuptools notes every editable install with a warning that asks nothing of the user: filtered out.
	PYTHONWARNINGS='ignore:Editable installation' $(BIN)/python -m pip install --quiet -e '.[durable,test,portale]'
	touch $@

demo: $(VENV)/.installed
	mkdir -p $(OUT)
	$(BIN)/piao-rules verifica $(EXAMPLE)/piano.yaml $(EXAMPLE)/misure-2023-06-30.csv
	$(BIN)/piao-rules valuta $(EXAMPLE)/piano.yaml $(EXAMPLE)/misure-2023-06-30.csv --al 30/06/2023
	$(BIN)/piao-rules valuta $(EXAMPLE)/piano.yaml $(EXAMPLE)/misure-2023-06-30.csv --al 30/06/2023 --json > $(OUT)/valutazione.json
	$(BIN)/piao-rules allegato $(EXAMPLE)/piano.yaml $(EXAMPLE)/misure-2023-06-30.csv --al 30/06/2023 \
		--ente $(EXAMPLE)/ente.yaml --delibera-n 107 --delibera-data 31/07/2023 -o $(OUT)/allegato.docx
	$(BIN)/piao-rules delibera $(EXAMPLE)/piano.yaml $(EXAMPLE)/misure-2023-06-30.csv --al 30/06/2023 \
		--ente $(EXAMPLE)/ente.yaml --numero 107 --seduta 31/07/2023 -o $(OUT)/delibera.docx
	@echo "In $(OUT)/: valutazione.json, allegato.docx, delibera.docx"

test: $(VENV)/.installed
	$(BIN)/python -m pytest -n 2 -q

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .hypothesis
