"""Cross-document entity coreference on ECB+ (issue 5): corpus reader, scorer, baseline and runner.

``python -m benchmarks.ecbplus.run`` builds each dev topic with claimgraph, maps the gold
entity mentions to the entities of the build and scores the clusters (MUC, B3, CEAF-e,
CoNLL F1) against a same-head-lemma baseline computed in the same run.
"""
