"""Earlier years: each year's plan, measures, decisions and evaluation archived in a folder of its own
(``archive``), and read back as each indicator's previous targets and actuals (``reader``)."""
