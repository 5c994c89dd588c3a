package org.lianxin.triage;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import de.bwaldvogel.liblinear.Feature;
import de.bwaldvogel.liblinear.FeatureNode;
import de.bwaldvogel.liblinear.Linear;
import de.bwaldvogel.liblinear.Model;
import de.bwaldvogel.liblinear.Parameter;
import de.bwaldvogel.liblinear.Problem;
import de.bwaldvogel.liblinear.SolverType;

/**
 * A trained category classifier: the features of {@link MessageFeatures} weighted by TF-IDF (logarithmic term
 * counts, smoothed inverse document frequency, unit length), and liblinear's L2-regularised logistic regression,
 * one class against the rest, whose probabilities are the confidence people see. Only liblinear's weights are kept
 * (as floats: half the bytes, the same probabilities to many decimals), so a stored model is read without
 * liblinear. Immutable and safe to share.
 */
public final class CategoryModel {

    private static final int FORMAT = 3;
    private static final int CHUNK = 2000;
    /** Most messages the candidate costs are trained on (the chosen one then trains on all). */
    private static final int CHOOSE_ON = 6000;
    /** Fewest checked messages a temperature is fitted on. */
    private static final int MIN_CALIBRATION = 200;
    /** The segmenter is thread-safe and loads its dictionaries once: one for all models. */
    private static final MessageFeatures FEATURES = new MessageFeatures();

    static {
        Linear.disableDebugOutput();
    }

    /** Categories in the order of the weights' columns (liblinear's label order). */
    private final List<String> categories;
    private final Map<String, Integer> vocabulary;
    private final double[] idf;
    /**
     * liblinear's weights as floats, feature by feature: weights[(index - 1) * columns + c]; one column for two
     * categories (the first category's side), one per category otherwise.
     */
    private final float[] weights;
    private final int columns;
    /** The cost C it was trained with. */
    private final double cost;
    /** Divides the scores before softmax: fitted so that the probabilities are as often right as they say. */
    private final double temperature;

    private CategoryModel(List<String> categories, Map<String, Integer> vocabulary, double[] idf, float[] weights,
            double cost, double temperature) {
        this.categories = categories;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.weights = weights;
        this.columns = categories.size() == 2 ? 1 : categories.size();
        this.cost = cost;
        this.temperature = temperature;
    }

    /**
     * What the model is trained with: how rare a feature may be (documents) and liblinear's cost C, or several
     * costs to choose from: each is tried on four fifths of the training messages and measured on the fifth left,
     * and the best (the lowest of equals) trains the model.
     */
    public record Training(int minDocuments, List<Double> costs) {
        public Training {
            costs = costs == null ? List.of() : List.copyOf(costs);
            if (minDocuments < 1 || costs.isEmpty() || costs.stream().anyMatch(c -> c <= 0)) {
                throw new IllegalArgumentException("min-documents must be at least 1, and costs above 0");
            }
        }
    }

    /**
     * Trains on the examples (at least two categories). Each message is analysed once, in chunks on all cores, and
     * kept as feature ids and counts until the vocabulary (features in at least min-documents messages) is known.
     */
    public static CategoryModel train(List<LabelledMessage> examples, Training training) {
        List<String> categories = List.copyOf(new TreeSet<>(examples.stream().map(LabelledMessage::category).toList()));
        if (categories.size() < 2) {
            throw new IllegalArgumentException("training needs examples of at least two categories, has "
                    + categories);
        }
        int n = examples.size();
        Map<String, Integer> ids = new HashMap<>();
        List<String> names = new ArrayList<>();
        int[][] featureIds = new int[n][];
        int[][] featureCounts = new int[n][];
        for (int from = 0; from < n; from += CHUNK) {
            List<Map<String, Integer>> chunk = examples.subList(from, Math.min(n, from + CHUNK)).parallelStream()
                    .map(e -> FEATURES.of(e.title(), e.content())).toList();
            for (int k = 0; k < chunk.size(); k++) {
                Map<String, Integer> counts = chunk.get(k);
                int[] idsOf = new int[counts.size()];
                int[] countsOf = new int[counts.size()];
                int j = 0;
                for (Map.Entry<String, Integer> e : counts.entrySet()) {
                    idsOf[j] = ids.computeIfAbsent(e.getKey(), f -> {
                        names.add(f);
                        return names.size() - 1;
                    });
                    countsOf[j++] = e.getValue();
                }
                featureIds[from + k] = idsOf;
                featureCounts[from + k] = countsOf;
            }
        }
        int[] documents = new int[names.size()];
        for (int[] d : featureIds) {
            for (int id : d) {
                documents[id]++;
            }
        }
        // liblinear's indices start at 1, in the order of the features' names, so the same data gives the same model
        Map<String, Integer> vocabulary = new HashMap<>();
        int[] indexOf = new int[names.size()];
        List<Integer> kept = new ArrayList<>();
        for (int id = 0; id < names.size(); id++) {
            if (documents[id] >= training.minDocuments()) {
                kept.add(id);
            }
        }
        kept.sort(Comparator.comparing(names::get));
        double[] idf = new double[kept.size() + 1];
        for (int id : kept) {
            int index = vocabulary.size() + 1;
            vocabulary.put(names.get(id), index);
            indexOf[id] = index;
            idf[index] = Math.log((1.0 + n) / (1.0 + documents[id])) + 1;
        }

        Problem problem = new Problem();
        problem.l = n;
        problem.n = vocabulary.size();
        problem.bias = -1;
        problem.x = new Feature[n][];
        problem.y = new double[n];
        for (int i = 0; i < n; i++) {
            Map<Integer, Integer> counts = new HashMap<>();
            for (int j = 0; j < featureIds[i].length; j++) {
                int index = indexOf[featureIds[i][j]];
                if (index > 0) {
                    counts.put(index, featureCounts[i][j]);
                }
            }
            problem.x[i] = weighted(counts, idf);
            problem.y[i] = categories.indexOf(examples.get(i).category());
        }
        Choice choice = choose(problem, training.costs());
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, choice.cost(), 0.01));
        List<String> byLabel = Arrays.stream(model.getLabels()).mapToObj(categories::get).toList();
        double[] w = model.getFeatureWeights();
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new CategoryModel(byLabel, vocabulary, idf, weights, choice.cost(), choice.temperature());
    }

    /** The cost C the model is trained with, and the temperature that makes its scores honest probabilities. */
    private record Choice(double cost, double temperature) {
    }

    /**
     * Trains on four fifths of the messages (at most CHOOSE_ON of them, side by side for each cost) and measures on the
     * fifth left: the cost that gets most of them right
     * (the lowest of equals), and the temperature T for which softmax(scores / T) gives the right categories of that
     * fifth the highest likelihood, so that "置信度 80%" means right about four times in five.
     */
    private static Choice choose(Problem all, List<Double> costs) {
        // every fifth message is checked; of the others at most CHOOSE_ON, spread over all, train the candidates
        List<Integer> checkAt = new ArrayList<>();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < all.l; i++) {
            (i % 5 == 4 ? checkAt : others).add(i);
        }
        double step = Math.max(1.0, others.size() / (double) CHOOSE_ON);
        List<Integer> trainAt = new ArrayList<>();
        for (double k = 0; k < others.size(); k += step) {
            trainAt.add(others.get((int) k));
        }
        Problem inner = new Problem();
        inner.n = all.n;
        inner.bias = all.bias;
        inner.l = trainAt.size();
        inner.x = trainAt.stream().map(i -> all.x[i]).toArray(Feature[][]::new);
        inner.y = trainAt.stream().mapToDouble(i -> all.y[i]).toArray();
        List<Candidate> candidates = costs.stream().sorted().distinct().toList().parallelStream()
                .map(cost -> candidate(cost, Linear.train(inner, new Parameter(SolverType.L2R_LR, cost, 0.01)), all,
                        checkAt))
                .toList();
        Candidate best = candidates.get(0);
        for (Candidate c : candidates) {
            if (c.right() > best.right()) {
                best = c;
            }
        }
        return new Choice(best.cost(), temperature(best.scores(), best.truth()));
    }

    /** A cost tried: how many checked messages it got right, its scores for them and the index of the right one. */
    private record Candidate(double cost, long right, double[][] scores, int[] truth) {
    }

    private static Candidate candidate(double cost, Model model, Problem all, List<Integer> checkAt) {
        List<Integer> labels = Arrays.stream(model.getLabels()).boxed().toList();
        double[][] scores = new double[checkAt.size()][];
        int[] truth = new int[checkAt.size()];
        long right = 0;
        for (int k = 0; k < checkAt.size(); k++) {
            int i = checkAt.get(k);
            double[] values = new double[model.getNrClass() == 2 ? 1 : model.getNrClass()];
            Linear.predictValues(model, all.x[i], values);
            scores[k] = values.length == 1 ? new double[] {values[0], -values[0]} : values;
            truth[k] = labels.indexOf((int) all.y[i]);
            right += truth[k] == argmax(scores[k]) ? 1 : 0;
        }
        return new Candidate(cost, right, scores, truth);
    }

    /**
     * The temperature, from 0.5 to 20 in small steps, under which the right categories are likeliest. A check set
     * too small to tell (fewer than MIN_CALIBRATION messages) or without a single mistake keeps 1: fitted on those,
     * the model would claim a certainty it has not shown.
     */
    private static double temperature(double[][] scores, int[] truth) {
        long mistakes = java.util.stream.IntStream.range(0, scores.length)
                .filter(k -> truth[k] != argmax(scores[k])).count();
        if (scores.length < MIN_CALIBRATION || mistakes == 0) {
            return 1;
        }
        double best = 1;
        double bestLoss = Double.POSITIVE_INFINITY;
        for (double t = 0.5; t <= 20; t *= 1.05) {
            double loss = 0;
            for (int k = 0; k < scores.length; k++) {
                if (truth[k] >= 0) {
                    loss -= Math.log(Math.max(softmax(scores[k], t)[truth[k]], 1e-12));
                }
            }
            if (loss < bestLoss) {
                bestLoss = loss;
                best = t;
            }
        }
        return best;
    }

    private static double[] softmax(double[] scores, double temperature) {
        double max = Arrays.stream(scores).max().orElse(0);
        double[] p = new double[scores.length];
        double sum = 0;
        for (int c = 0; c < scores.length; c++) {
            p[c] = Math.exp((scores[c] - max) / temperature);
            sum += p[c];
        }
        for (int c = 0; c < scores.length; c++) {
            p[c] /= sum;
        }
        return p;
    }

    private static int argmax(double[] values) {
        int best = 0;
        for (int c = 1; c < values.length; c++) {
            if (values[c] > values[best]) {
                best = c;
            }
        }
        return best;
    }

    /**
     * Every category the model knows with its probability, most likely first: softmax of liblinear's one-against-rest
     * scores divided by the fitted temperature.
     */
    public List<Suggestion> predict(String title, String content) {
        Feature[] x = vector(FEATURES.of(title, content), vocabulary, idf);
        double[] scores = new double[columns];
        for (Feature f : x) {
            int base = (f.getIndex() - 1) * columns;
            for (int c = 0; c < columns; c++) {
                scores[c] += weights[base + c] * f.getValue();
            }
        }
        double[] probabilities = softmax(columns == 1 ? new double[] {scores[0], -scores[0]} : scores, temperature);
        List<Suggestion> suggestions = new ArrayList<>(categories.size());
        for (int c = 0; c < categories.size(); c++) {
            suggestions.add(new Suggestion(categories.get(c), probabilities[c]));
        }
        suggestions.sort(Comparator.comparingDouble(Suggestion::confidence).reversed()
                .thenComparing(Suggestion::category));
        return suggestions;
    }

    public List<String> categories() {
        return categories;
    }

    public int features() {
        return vocabulary.size();
    }

    public double cost() {
        return cost;
    }

    public double temperature() {
        return temperature;
    }

    private static Feature[] vector(Map<String, Integer> counts, Map<String, Integer> vocabulary, double[] idf) {
        Map<Integer, Integer> known = new HashMap<>();
        counts.forEach((feature, count) -> {
            Integer index = vocabulary.get(feature);
            if (index != null) {
                known.put(index, count);
            }
        });
        return weighted(known, idf);
    }

    /** Logarithmic counts times idf, unit length, by increasing index (as liblinear wants them). */
    private static Feature[] weighted(Map<Integer, Integer> counts, double[] idf) {
        Feature[] x = new Feature[counts.size()];
        double norm = 0;
        int j = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            double weight = (1 + Math.log(e.getValue())) * idf[e.getKey()];
            x[j++] = new FeatureNode(e.getKey(), weight);
            norm += weight * weight;
        }
        Arrays.sort(x, Comparator.comparingInt(Feature::getIndex));
        double length = Math.sqrt(norm);
        if (length > 0) {
            for (Feature f : x) {
                f.setValue(f.getValue() / length);
            }
        }
        return x;
    }

    /** The model as bytes to keep in the database: categories, vocabulary with idf, the weights. */
    public byte[] toBytes() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DataOutputStream out = new DataOutputStream(new GZIPOutputStream(bytes))) {
            out.writeInt(FORMAT);
            out.writeDouble(cost);
            out.writeDouble(temperature);
            out.writeInt(categories.size());
            for (String c : categories) {
                out.writeUTF(c);
            }
            String[] byIndex = new String[vocabulary.size() + 1];
            vocabulary.forEach((f, i) -> byIndex[i] = f);
            out.writeInt(vocabulary.size());
            for (int i = 1; i < byIndex.length; i++) {
                out.writeUTF(byIndex[i]);
                out.writeDouble(idf[i]);
            }
            out.writeInt(weights.length);
            for (float w : weights) {
                out.writeFloat(w);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    public static CategoryModel fromBytes(byte[] stored) {
        try (DataInputStream in = new DataInputStream(new GZIPInputStream(new ByteArrayInputStream(stored)))) {
            int format = in.readInt();
            if (format != FORMAT) {
                throw new IllegalArgumentException("stored model has format " + format + ", this hub reads " + FORMAT);
            }
            double cost = in.readDouble();
            double temperature = in.readDouble();
            List<String> categories = new ArrayList<>();
            for (int i = in.readInt(); i > 0; i--) {
                categories.add(in.readUTF());
            }
            int size = in.readInt();
            Map<String, Integer> vocabulary = new HashMap<>(size * 2);
            double[] idf = new double[size + 1];
            for (int i = 1; i <= size; i++) {
                vocabulary.put(in.readUTF(), i);
                idf[i] = in.readDouble();
            }
            float[] weights = new float[in.readInt()];
            for (int i = 0; i < weights.length; i++) {
                weights[i] = in.readFloat();
            }
            return new CategoryModel(List.copyOf(categories), vocabulary, idf, weights, cost, temperature);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
