package org.lianxin.repeats;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;

/**
 * Average-linkage clustering of texts given as TF-IDF vectors, for hot issues (see {@link HotClusters}): every text
 * starts alone; the two groups whose members are most alike on average (the mean link over all their pairs) join,
 * again and again, while that mean is at least the threshold and the joined group stays within the size cap. One case
 * like two matters cannot chain them: the two matters' other members pull the mean down.
 * <p>
 * A link is the texts' cosine weighed by their places ({@link #placeFactor}): hotline notes of one matter are short and
 * each worded its own way (six calls about one water cut share little more than 停水), so one place counts the
 * likeness four times, and two places make two matters. (Tried and left: centroid linkage gathers every complaint
 * about one company, wages, injuries and insurance alike, into one group; text alone never brings the six calls
 * together without also joining one problem at many places.)
 * <p>
 * Only pairs that share a feature few texts have are scored ({@link #MAX_POSTINGS_SHARE}); a pair never scored counts
 * as 0 in the mean, and so do links below half the threshold (they would only pull a mean down). This keeps 10,000
 * texts in the time of a page: the work grows with the pairs that are alike, not with all pairs.
 */
final class MatterClustering {

    /**
     * A feature used by more than this share of the texts (and more than {@link #MIN_POSTINGS} and the size cap)
     * proposes no pairs.
     */
    static final double MAX_POSTINGS_SHARE = 0.02;
    static final int MIN_POSTINGS = 50;
    /** A feature's rarity is read as if the window held at least this many texts. */
    static final int MIN_RARITY_TEXTS = 1000;

    /**
     * Two places are one when their shared letter pairs hold at least this share of the rarity of the place with less
     * (each pair weighing its rarity among the window's places): 幸福小区2号楼 and 城关镇幸福小区 are one place;
     * A市A5区金色湾 and A市A7区 are not.
     */
    static final double SAME_PLACE = 0.4;
    /** A place pair that at most this share of the window's places have names a place, not a district. */
    static final double RARE_PLACE_SHARE = 0.005;
    /** Two texts at one place are a matter on less likeness than two whose place is unknown. */
    static final double SAME_PLACE_WEIGHT = 4;

    private final double threshold;
    private final int maxSize;

    MatterClustering(double threshold, int maxSize) {
        this.threshold = threshold;
        this.maxSize = maxSize;
    }

    /**
     * The groups (each the texts' indexes, ascending), in the order of their first text. Texts whose places are both
     * known and not the same place are never linked, and a group never holds two such places, not even through
     * texts of unknown place: one problem at two places is two matters.
     */
    List<List<Integer>> groups(Vectors vectors, Vectors places, int[] placeOf) {
        int n = vectors.size();
        List<Map<Integer, Double>> links = links(vectors, places, placeOf);
        int[] size = new int[n];
        int[] version = new int[n];
        List<List<Integer>> members = new ArrayList<>(n);
        // each group's known places: two groups at places that are not one never join, whatever their links
        List<Set<Integer>> placesOf = new ArrayList<>(n);
        PriorityQueue<Candidate> queue = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            size[i] = 1;
            members.add(new ArrayList<>(List.of(i)));
            placesOf.add(placeOf[i] >= 0 && !places.isEmpty(placeOf[i]) ? new HashSet<>(Set.of(placeOf[i]))
                    : new HashSet<>());
            for (Map.Entry<Integer, Double> link : links.get(i).entrySet()) {
                if (link.getKey() > i && link.getValue() >= threshold) {
                    queue.add(new Candidate(link.getValue(), i, link.getKey(), 0, 0));
                }
            }
        }
        while (!queue.isEmpty()) {
            Candidate best = queue.poll();
            int a = best.a();
            int b = best.b();
            if (members.get(a) == null || members.get(b) == null || version[a] != best.versionA()
                    || version[b] != best.versionB() || size[a] + size[b] > maxSize
                    || !onePlace(placesOf.get(a), placesOf.get(b), places)) {
                continue;
            }
            // b joins a (a is the lower index: the group keeps its first text's place); a's links to others become
            // the sums of both groups' links
            Map<Integer, Double> into = links.get(a);
            into.remove(b);
            for (Map.Entry<Integer, Double> link : links.get(b).entrySet()) {
                int c = link.getKey();
                if (c != a) {
                    double sum = into.merge(c, link.getValue(), Double::sum);
                    links.get(c).remove(b);
                    links.get(c).put(a, sum);
                }
            }
            links.set(b, null);
            size[a] += size[b];
            members.get(a).addAll(members.get(b));
            members.set(b, null);
            placesOf.get(a).addAll(placesOf.get(b));
            placesOf.set(b, null);
            version[a]++;
            for (Map.Entry<Integer, Double> link : into.entrySet()) {
                int c = link.getKey();
                double mean = link.getValue() / ((double) size[a] * size[c]);
                if (mean >= threshold && size[a] + size[c] <= maxSize) {
                    queue.add(a < c ? new Candidate(mean, a, c, version[a], version[c])
                            : new Candidate(mean, c, a, version[c], version[a]));
                }
            }
        }
        List<List<Integer>> groups = new ArrayList<>();
        for (List<Integer> group : members) {
            if (group != null) {
                group.sort(null);
                groups.add(group);
            }
        }
        return groups;
    }

    /**
     * Each text's cosine with the texts alike enough to matter (at least half the threshold). The rare features
     * propose the pairs and give a partial dot product; only a pair whose partial product reaches a quarter of the
     * threshold is scored in full.
     */
    private List<Map<Integer, Double>> links(Vectors vectors, Vectors places, int[] placeOf) {
        int n = vectors.size();
        // a matter as large as a group may grow is told in its own words: those words must propose its pairs
        // a matter as large as a group may grow is told in its own words: those words must propose its pairs
        int maxPostings = Math.max(Math.max(MIN_POSTINGS, maxSize), (int) (MAX_POSTINGS_SHARE * n));
        int[][] postings = new int[vectors.features()][];
        double[][] postingWeights = new double[vectors.features()][];
        int[] filled = new int[vectors.features()];
        for (int f = 0; f < vectors.features(); f++) {
            if (vectors.frequency[f] > 1 && vectors.frequency[f] <= maxPostings) {
                postings[f] = new int[vectors.frequency[f]];
                postingWeights[f] = new double[vectors.frequency[f]];
            }
        }
        List<Map<Integer, Double>> links = new ArrayList<>(n);
        double[] partial = new double[n];
        int[] proposed = new int[n];
        double floor = threshold / 2;
        for (int i = 0; i < n; i++) {
            links.add(new HashMap<>());
            int count = 0;
            int[] own = vectors.ids[i];
            for (int k = 0; k < own.length; k++) {
                int f = own[k];
                if (postings[f] == null) {
                    continue;
                }
                double w = vectors.weights[i][k];
                for (int p = 0; p < filled[f]; p++) {
                    int j = postings[f][p];
                    if (partial[j] == 0) {
                        proposed[count++] = j;
                    }
                    partial[j] += w * postingWeights[f][p];
                }
                postings[f][filled[f]] = i;
                postingWeights[f][filled[f]++] = w;
            }
            for (int k = 0; k < count; k++) {
                int j = proposed[k];
                double factor = placeFactor(places, placeOf[i], placeOf[j]);
                boolean worthScoring = factor > 0 && partial[j] * factor >= floor / 2;
                partial[j] = 0;
                double link = worthScoring ? vectors.cosine(i, j) * factor : 0;
                if (link >= floor) {
                    links.get(i).put(j, link);
                    links.get(j).put(i, link);
                }
            }
        }
        return links;
    }

    /**
     * How a pair's places weigh on its link: one place (see {@link #SAME_PLACE}) counts the texts' likeness
     * {@link #SAME_PLACE_WEIGHT} times; two places, not at all (one problem at two places is two matters); a place
     * unknown on either side, once.
     */
    private static double placeFactor(Vectors places, int a, int b) {
        if (a < 0 || b < 0 || places.isEmpty(a) || places.isEmpty(b)) {
            return 1;
        }
        return a == b || places.overlap(a, b) >= SAME_PLACE ? SAME_PLACE_WEIGHT : 0;
    }

    /** Whether every known place of one group is one place with every known place of the other. */
    private static boolean onePlace(Set<Integer> a, Set<Integer> b, Vectors places) {
        for (int p : a) {
            for (int q : b) {
                if (p != q && places.overlap(p, q) < SAME_PLACE) {
                    return false;
                }
            }
        }
        return true;
    }

    /** Two groups that may join, with their mean link; the most alike first, then by index (deterministic). */
    private record Candidate(double mean, int a, int b, int versionA, int versionB) implements Comparable<Candidate> {
        @Override
        public int compareTo(Candidate o) {
            int byMean = Double.compare(o.mean, mean);
            if (byMean != 0) {
                return byMean;
            }
            return a != o.a ? Integer.compare(a, o.a) : Integer.compare(b, o.b);
        }
    }

    /**
     * Texts as unit-length TF-IDF vectors: a feature's weight is (1 + ln count) × ln(1 + texts / texts using it), so
     * what most texts of the window say weighs little.
     */
    static final class Vectors {
        private final Map<String, Integer> featureIds;
        private final int[] frequency;
        private final int[][] ids;
        private final double[][] weights;

        private final double rarityOf;
        private final double[] totalRarity;

        private Vectors(Map<String, Integer> featureIds, int[] frequency, int[][] ids, double[][] weights,
                double rarityOf) {
            this.featureIds = featureIds;
            this.frequency = frequency;
            this.ids = ids;
            this.weights = weights;
            this.rarityOf = rarityOf;
            this.totalRarity = new double[ids.length];
            for (int i = 0; i < ids.length; i++) {
                for (int f : ids[i]) {
                    totalRarity[i] += rarity(f);
                }
            }
        }

        /** Vectors of texts' features; a text with fewer than minFeatures features is left empty (too short to tell). */
        static Vectors of(List<Map<String, Integer>> texts, int minFeatures) {
            // features numbered in character order, so that the vectors do not depend on the order of the texts' maps
            TreeMap<String, int[]> used = new TreeMap<>();
            for (Map<String, Integer> text : texts) {
                text.keySet().forEach(f -> used.computeIfAbsent(f, k -> new int[1])[0]++);
            }
            Map<String, Integer> featureIds = new HashMap<>(used.size() * 2);
            int[] frequency = new int[used.size()];
            for (Map.Entry<String, int[]> e : used.entrySet()) {
                frequency[featureIds.size()] = e.getValue()[0];
                featureIds.put(e.getKey(), featureIds.size());
            }
            int n = texts.size();
            // a window of a few cases would make its own matter's words look common: rarity is read against a
            // county's week at least
            double rarityOf = Math.max(n, MIN_RARITY_TEXTS);
            int[][] ids = new int[n][];
            double[][] weights = new double[n][];
            for (int i = 0; i < n; i++) {
                Map<String, Integer> text = texts.get(i).size() < minFeatures ? Map.of() : texts.get(i);
                TreeMap<Integer, Integer> counts = new TreeMap<>();
                text.forEach((f, count) -> counts.put(featureIds.get(f), count));
                int[] own = new int[counts.size()];
                double[] w = new double[own.length];
                double norm = 0;
                int k = 0;
                for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
                    own[k] = e.getKey();
                    w[k] = (1 + Math.log(e.getValue())) * Math.log(1 + rarityOf / frequency[own[k]]);
                    norm += w[k] * w[k];
                    k++;
                }
                double length = Math.sqrt(norm);
                for (int j = 0; j < own.length && length > 0; j++) {
                    w[j] /= length;
                }
                ids[i] = own;
                weights[i] = w;
            }
            return new Vectors(featureIds, frequency, ids, weights, rarityOf);
        }

        int size() {
            return ids.length;
        }

        boolean isEmpty(int i) {
            return ids[i].length == 0;
        }

        int features() {
            return frequency.length;
        }

        /** How many texts use a feature (0 when none does). */
        int documentFrequency(String feature) {
            Integer id = featureIds.get(feature);
            return id == null ? 0 : frequency[id];
        }

        /**
         * The rarity of the features texts i and j share over the rarity of all the features of the one with less:
         * 1 when one text's features are all the other's; 0 unless they share two features or more, one of them rare
         * (A4县 and A市A4区 share only a4: a district's name, not a place).
         */
        double overlap(int i, int j) {
            double shared = 0;
            boolean rareShared = false;
            int sharedPairs = 0;
            int[] a = ids[i];
            int[] b = ids[j];
            for (int x = 0, y = 0; x < a.length && y < b.length;) {
                if (a[x] == b[y]) {
                    shared += rarity(a[x]);
                    sharedPairs++;
                    rareShared |= frequency[a[x]] <= RARE_PLACE_SHARE * rarityOf;
                    x++;
                    y++;
                } else if (a[x] < b[y]) {
                    x++;
                } else {
                    y++;
                }
            }
            double least = Math.min(totalRarity[i], totalRarity[j]);
            return least <= 0 || !rareShared || sharedPairs < 2 ? 0 : shared / least;
        }

        private double rarity(int feature) {
            return Math.log(1 + rarityOf / frequency[feature]);
        }

        double cosine(int i, int j) {
            int[] a = ids[i];
            int[] b = ids[j];
            double dot = 0;
            for (int x = 0, y = 0; x < a.length && y < b.length;) {
                if (a[x] == b[y]) {
                    dot += weights[i][x++] * weights[j][y++];
                } else if (a[x] < b[y]) {
                    x++;
                } else {
                    y++;
                }
            }
            return dot;
        }
    }
}
