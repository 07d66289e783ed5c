"""The evaluation engine: rules compiled from ``rules/*.yaml``, scoring, pacing, flags and aggregation.

The names below are what the command line needs before it evaluates anything: kept here, away from
the heavy modules, so that a command's help starts quickly.
"""

ENGINES = ("durable", "interno")
SEVERITIES = ("alta", "media", "bassa")
STAGES = ("lettura dei target", "regole di andamento, punteggio e stato", "aggregazione", "segnalazioni", "risultato")
