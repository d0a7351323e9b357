"""``factcheck serve``: a page and an HTTP API in front of the pipeline, for editors
without a terminal and for CMS plug-ins (``app``: the routes; ``server``: the start;
``warm``: the corpus kept loaded; ``runner``: where checks run). A front end like
``factcheck.cli``, which starts it; it never imports the CLI."""
