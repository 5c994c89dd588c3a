package org.lianxin.repeats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.apache.lucene.analysis.core.WhitespaceAnalyzer;
import org.apache.lucene.document.Document;
import org.apache.lucene.document.Field;
import org.apache.lucene.document.FieldType;
import org.apache.lucene.document.StoredField;
import org.apache.lucene.index.IndexOptions;
import org.apache.lucene.index.IndexReader;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.Term;
import org.apache.lucene.search.BooleanClause;
import org.apache.lucene.search.BooleanQuery;
import org.apache.lucene.search.ConstantScoreQuery;
import org.apache.lucene.search.IndexSearcher;
import org.apache.lucene.search.ScoreDoc;
import org.apache.lucene.search.SearcherManager;
import org.apache.lucene.search.TermQuery;
import org.apache.lucene.store.ByteBuffersDirectory;

/**
 * A text index of intakes, in memory: each intake's letters (see {@link RepostRule#letters}) as the set of its
 * adjacent letter pairs. A text is looked up by its {@value #QUERY_PAIRS} rarest pairs (a re-post holds nearly all
 * of them; rare pairs are the ones that tell messages apart, and few of them keep a lookup short at 100,000
 * intakes); the intakes holding most of them come first. Safe for many threads.
 * <p>
 * Opening a new reader for each intake added would write a segment per intake and make every search read them
 * all. So the intakes added since the reader was opened are kept in a short tail (at most {@value #TAIL} of them)
 * that a lookup reads directly, and the reader is opened anew when the tail is full: a text is found from the moment
 * it was added.
 */
public final class OpenCaseIndex implements AutoCloseable {

    static final int QUERY_PAIRS = 32;
    static final int TAIL = 64;
    private static final String PAIRS = "pairs";
    private static final String ID = "id";
    private static final String CASE_NO = "case";
    private static final String LETTERS = "letters";
    private static final FieldType PAIR_FIELD = new FieldType();

    static {
        PAIR_FIELD.setIndexOptions(IndexOptions.DOCS);
        PAIR_FIELD.setOmitNorms(true);
        PAIR_FIELD.setTokenized(true);
        PAIR_FIELD.freeze();
    }

    /** An intake found for a text: its id, its case, its letters and how many of the looked-up pairs it holds. */
    public record Hit(long intakeId, String caseNo, String letters, int pairsHeld) {
    }

    private final ByteBuffersDirectory directory = new ByteBuffersDirectory();
    private final IndexWriter writer;
    private final SearcherManager searchers;
    private final Set<Long> indexed = new HashSet<>();
    /** The intakes added and not yet in the reader, oldest first; guarded by itself. */
    private final List<Recent> tail = new ArrayList<>();
    private long added;

    /** An intake the reader may not hold yet: its number in the order of adding, and what a lookup reads of it. */
    private record Recent(long seq, long intakeId, String caseNo, String letters, Set<String> pairs) {
    }

    public OpenCaseIndex() {
        try {
            IndexWriterConfig config = new IndexWriterConfig(new WhitespaceAnalyzer());
            config.setRAMBufferSizeMB(64);
            writer = new IndexWriter(directory, config);
            searchers = new SearcherManager(writer, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Adds an intake's text, once: an intake already here is left as it is. */
    public void add(long intakeId, String caseNo, String text) {
        synchronized (indexed) {
            if (!indexed.add(intakeId)) {
                return;
            }
        }
        String letters = RepostRule.letters(text);
        Document doc = new Document();
        doc.add(new StoredField(ID, intakeId));
        doc.add(new StoredField(CASE_NO, caseNo));
        doc.add(new StoredField(LETTERS, letters));
        Set<String> pairs = pairs(letters);
        doc.add(new Field(PAIRS, String.join(" ", pairs), PAIR_FIELD));
        synchronized (tail) {
            try {
                writer.addDocument(doc);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            tail.add(new Recent(++added, intakeId, caseNo, letters, pairs));
        }
    }

    public int size() {
        synchronized (indexed) {
            return indexed.size();
        }
    }

    /** The intakes holding most of the text's rarest pairs, at most limit, the most first; none for a short text. */
    public List<Hit> lookUp(String text, int limit) {
        String letters = RepostRule.letters(text);
        if (letters.length() < 2) {
            return List.of();
        }
        try {
            List<Recent> recent = recent();
            IndexSearcher searcher = searchers.acquire();
            try {
                return lookUp(searcher, recent, letters, limit);
            } finally {
                searchers.release(searcher);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The tail a lookup reads besides the reader; when it is full, the reader is opened anew first (every intake
     * added before that is then in the reader, and leaves the tail).
     */
    private List<Recent> recent() throws IOException {
        long upTo;
        synchronized (tail) {
            if (tail.size() < TAIL) {
                return List.copyOf(tail);
            }
            upTo = added;
        }
        searchers.maybeRefreshBlocking();
        synchronized (tail) {
            tail.removeIf(r -> r.seq() <= upTo);
            return List.copyOf(tail);
        }
    }

    private static List<Hit> lookUp(IndexSearcher searcher, List<Recent> recent, String letters, int limit)
            throws IOException {
        IndexReader reader = searcher.getIndexReader();
        // how rare a pair is: the intakes holding it in the reader, or when none do, in the tail (counting the tail
        // for every pair would cost more than the rest of the lookup, and changes the order of none but the rarest)
        record Rarity(Term term, int indexed, int docs) {
        }
        List<Rarity> present = new ArrayList<>();
        for (String pair : pairs(letters)) {
            Term term = new Term(PAIRS, pair);
            int indexed = reader.docFreq(term);
            int docs = indexed > 0 ? indexed : (int) recent.stream().filter(r -> r.pairs().contains(pair)).count();
            if (docs > 0) {
                present.add(new Rarity(term, indexed, docs));
            }
        }
        if (present.isEmpty()) {
            return List.of();
        }
        present.sort(Comparator.comparingInt(Rarity::docs).thenComparing(r -> r.term().text()));
        List<Rarity> rarest = present.subList(0, Math.min(QUERY_PAIRS, present.size()));
        // a candidate worth reading holds at least a third of them: cuts the long lists of common pairs short
        int enough = Math.max(1, rarest.size() / 3);
        List<Hit> hits = new ArrayList<>();
        Set<Long> found = new HashSet<>();
        if (rarest.stream().anyMatch(r -> r.indexed() > 0)) {
            BooleanQuery.Builder query = new BooleanQuery.Builder();
            for (Rarity r : rarest) {
                if (r.indexed() > 0) {
                    query.add(new ConstantScoreQuery(new TermQuery(r.term())), BooleanClause.Occur.SHOULD);
                }
            }
            query.setMinimumNumberShouldMatch(enough);
            for (ScoreDoc d : searcher.search(query.build(), limit).scoreDocs) {
                Document doc = searcher.storedFields().document(d.doc);
                Hit hit = new Hit(doc.getField(ID).numericValue().longValue(), doc.get(CASE_NO), doc.get(LETTERS),
                        Math.round(d.score));
                found.add(hit.intakeId());
                hits.add(hit);
            }
        }
        for (Recent r : recent) {
            int held = (int) rarest.stream().filter(p -> r.pairs().contains(p.term().text())).count();
            if (held >= enough && found.add(r.intakeId())) {
                hits.add(new Hit(r.intakeId(), r.caseNo(), r.letters(), held));
            }
        }
        hits.sort(Comparator.comparingInt(Hit::pairsHeld).reversed());
        return hits.size() > limit ? List.copyOf(hits.subList(0, limit)) : hits;
    }

    /** The distinct adjacent letter pairs of a text's letters, in order. */
    static Set<String> pairs(String letters) {
        Set<String> pairs = new LinkedHashSet<>();
        for (int i = 0; i + 1 < letters.length(); i++) {
            pairs.add(letters.substring(i, i + 2));
        }
        return pairs;
    }

    @Override
    public void close() throws IOException {
        searchers.close();
        writer.close();
        directory.close();
    }
}
