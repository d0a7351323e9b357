"""Runs beyond one machine: extraction and the checks on a Dask distributed cluster.

``factcheck run --cluster ADDRESS`` (a running scheduler, ``tcp://host:8786``) or
``--cluster local:N`` (N worker processes started for the run) hand the two costly
stages to Dask workers, and the output is byte for byte the one of ``--jobs 1``:

* ``address``: what ``--cluster`` names, and connecting to it (a short timeout, one
  clear error when nothing answers);
* ``fingerprint``: the factcheck version, code and rules a worker has, compared with
  the client's before any work is sent (a mixed cluster would give mixed answers);
* ``extraction``: documents to the workers in batches named by their content hash,
  claims back in document order (the client alone writes the claim index);
* ``units``: figures that a check reads together (a relation's figures, a part and its
  whole) grouped into one unit, units packed into partitions;
* ``checks``: figure assignment in slices and the rules of figures by partition, on the
  workers;
* ``merge``: the workers' outputs put back in rule and figure order, as one process
  running the rules one after the other would have produced them;
* ``session``: the connection a run uses, opened by the CLI and given to the pipeline.

Dask is imported only here, and only when a cluster is asked for: the core install
does not need it (``pip install 'factcheck[dask]'`` adds it).
"""

from __future__ import annotations

from factcheck.cluster.address import ClusterError, ClusterSpec, parse_address
from factcheck.cluster.session import ClusterSession, open_cluster

__all__ = ["ClusterError", "ClusterSession", "ClusterSpec", "open_cluster", "parse_address"]
