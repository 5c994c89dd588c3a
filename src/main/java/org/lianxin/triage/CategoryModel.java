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

    private static final int FORMAT = 2;
    private static final int CHUNK = 2000;
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

    private CategoryModel(List<String> categories, Map<String, Integer> vocabulary, double[] idf, float[] weights) {
        this.categories = categories;
        this.vocabulary = vocabulary;
        this.idf = idf;
        this.weights = weights;
        this.columns = categories.size() == 2 ? 1 : categories.size();
    }

    /** What the model is trained with: how rare a feature may be (documents) and liblinear's cost C. */
    public record Training(int minDocuments, double cost) {
        public Training {
            if (minDocuments < 1 || cost <= 0) {
                throw new IllegalArgumentException("min-documents must be at least 1 and cost above 0");
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
        Model model = Linear.train(problem, new Parameter(SolverType.L2R_LR, training.cost(), 0.01));
        List<String> byLabel = Arrays.stream(model.getLabels()).mapToObj(categories::get).toList();
        double[] w = model.getFeatureWeights();
        float[] weights = new float[w.length];
        for (int i = 0; i < w.length; i++) {
            weights[i] = (float) w[i];
        }
        return new CategoryModel(byLabel, vocabulary, idf, weights);
    }

    /**
     * Every category the model knows with its probability, most likely first: liblinear's logistic one-against-rest
     * scores, each through the logistic function and normalised to sum 1 (as its predictProbability does).
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
        double[] probabilities = new double[categories.size()];
        if (columns == 1) {
            probabilities[0] = 1 / (1 + Math.exp(-scores[0]));
            probabilities[1] = 1 - probabilities[0];
        } else {
            double sum = 0;
            for (int c = 0; c < columns; c++) {
                probabilities[c] = 1 / (1 + Math.exp(-scores[c]));
                sum += probabilities[c];
            }
            for (int c = 0; c < columns; c++) {
                probabilities[c] /= sum;
            }
        }
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
            return new CategoryModel(List.copyOf(categories), vocabulary, idf, weights);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
