"""Adapters that run claimcheck's batch core (claimcheck.batch) on an existing engine.

Each adapter shards the input with :func:`claimcheck.parallel.plan_tasks`, runs
:func:`claimcheck.parallel.run_task` (the code ``--jobs`` runs) on the engine's workers
and collects errors in input order.  Adapters import their engine lazily: the base
install does not need it.

- :mod:`claimcheck.engines.dask`: Dask distributed (``pip install 'claimcheck[dask]'``).
"""
