package org.lianxin.repeats;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Messages replayed in order through what the hub does at intake for a message with no phone and no place: look its
 * text up in an {@link OpenCaseIndex} of the cases so far, join the case of a re-post ({@link RepostRule#best}) or
 * make a case of its own, offer alike cases ({@link RepostRule#likeness}). Counted against each message's group
 * (messages of one group are one matter): re-posts that joined their group's first case, joins of another group's
 * case, new cases offered a possible repeat (and those whose first offer is another group's), and the lookup's time.
 */
final class RepostReplay {

    /** One message: its text and its group (null: alone). */
    record Message(String content, String group) {
    }

    /** What a replay counted. */
    record Figures(int messages, int reposts, int joinedFirst, int joins, int wrongJoins, int offers, int wrongOffers,
            double[] lookupMillis, List<String> wrong) {

        double recall() {
            return reposts == 0 ? 0 : (double) joinedFirst / reposts;
        }

        double wrongPer100Joins() {
            return joins == 0 ? 0 : 100.0 * wrongJoins / joins;
        }

        double percentileMillis(double p) {
            double[] sorted = lookupMillis.clone();
            Arrays.sort(sorted);
            return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
        }
    }

    private RepostReplay() {
    }

    static Figures replay(List<Message> messages, int candidates, double possibleThreshold) {
        return replay(messages, candidates, possibleThreshold, new OpenCaseIndex(), 0);
    }

    /**
     * Replays into an index that may already hold other cases (ids below firstId, case numbers not of the form
     * "c&lt;index&gt;"), closed afterwards.
     */
    static Figures replay(List<Message> messages, int candidates, double possibleThreshold, OpenCaseIndex index,
            long firstId) {
        Map<String, Integer> caseOfGroup = new HashMap<>();
        Map<String, String> groupOfCase = new HashMap<>();
        int reposts = 0;
        int joinedFirst = 0;
        int joins = 0;
        int wrongJoins = 0;
        int offers = 0;
        int wrongOffers = 0;
        double[] millis = new double[messages.size()];
        List<String> wrong = new ArrayList<>();
        try (index) {
            for (int i = 0; i < messages.size(); i++) {
                Message m = messages.get(i);
                boolean repost = m.group() != null && caseOfGroup.containsKey(m.group());
                if (repost) {
                    reposts++;
                }
                long started = System.nanoTime();
                String letters = RepostRule.letters(m.content());
                List<OpenCaseIndex.Hit> hits = letters.length() < RepostRule.MIN_EXACT ? List.of()
                        : index.lookUp(m.content(), candidates);
                RepostRule.Found found = RepostRule.best(letters, hits.stream().map(OpenCaseIndex.Hit::letters).toList());
                millis[i] = (System.nanoTime() - started) / 1e6;
                String caseNo;
                if (found != null) {
                    caseNo = hits.get(found.index()).caseNo();
                    joins++;
                    String joinedGroup = groupOfCase.get(caseNo);
                    if (m.group() != null && m.group().equals(joinedGroup)) {
                        if (caseNo.equals("c" + caseOfGroup.get(m.group()))) {
                            joinedFirst++;
                        }
                    } else {
                        wrongJoins++;
                        wrong.add(m.content() + "\n  joined: " + hits.get(found.index()).letters());
                    }
                } else {
                    caseNo = "c" + i;
                    groupOfCase.put(caseNo, m.group());
                    if (m.group() != null) {
                        caseOfGroup.putIfAbsent(m.group(), i);
                    }
                    OpenCaseIndex.Hit offered = hits.stream()
                            .filter(h -> RepostRule.likeness(letters, h.letters()) >= possibleThreshold).findFirst()
                            .orElse(null);
                    if (offered != null) {
                        offers++;
                        if (m.group() == null || !m.group().equals(groupOfCase.get(offered.caseNo()))) {
                            wrongOffers++;
                        }
                    }
                }
                index.add(firstId + i, caseNo, m.content());
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return new Figures(messages.size(), reposts, joinedFirst, joins, wrongJoins, offers, wrongOffers, millis, wrong);
    }
}
