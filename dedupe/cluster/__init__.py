"""Cluster: group verified pairs into stories without chaining through bridging articles."""

from dedupe.cluster.graph import cluster_stories, components, estimated_similarity
from dedupe.cluster.linkage import split_by_average_linkage

__all__ = ["cluster_stories", "components", "estimated_similarity", "split_by_average_linkage"]
