/**
 * Repeats (重复件): an intake about a matter an open case already holds joins that case instead of making a new
 * one ({@link org.lianxin.repeats.RepeatCheck}, routes/repeats/repeat-check.yaml), scored by
 * {@link org.lianxin.repeats.TextSimilarity}; staff merge and split cases by hand
 * ({@link org.lianxin.repeats.CaseMerges}, routes/repeats/merges.yaml). Hot issues (热点), clusters of similar cases many
 * citizens reported lately, are scored the same way ({@link org.lianxin.repeats.HotClusters}, routes/repeats/hot-clusters.yaml).
 * Imports only the shared ground.
 */
package org.lianxin.repeats;
