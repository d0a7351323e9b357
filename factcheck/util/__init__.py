"""Small tools every stage may use, none of which knows about claims or rules: YAML with
positions (``yamlpos``), pausing the garbage collector around bulk work (``gcpause``),
where the shipped corpus and rules are (``resources``)."""
