package org.lianxin.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.camel.Header;
import org.lianxin.cases.Channel;
import org.lianxin.cases.CountyTime;
import org.springframework.stereotype.Component;

/** Helper of routes/sync/desk-letter.yaml: the letter from the case row, its intakes and its published answers. */
@Component("replyLetters")
public class ReplyLetters {

    /** The answers that conclude a case for its citizen: a final answer (办结) or an explanation (说明). */
    static final Set<String> CONCLUDING = Set.of("FINAL", "EXPLANATION");
    static final String PROGRESS = "PROGRESS";

    /**
     * The latest concluding answer is the one the letter gives (a reopened case is answered again); the progress
     * published between it and the concluding answer before it tells how the case was handled. The petitioner is the first walk-in intake's, and when
     * the case came in another way, the case's own citizen.
     */
    public ReplyLetter of(@Header("caseRow") Map<String, Object> row,
            @Header("intakeRows") List<Map<String, Object>> intakes,
            @Header("answerRows") List<Map<String, Object>> answers) {
        ReplyLetter.Answer concluding = null;
        List<ReplyLetter.Answer> progress = List.of();
        List<ReplyLetter.Answer> sinceLastConcluded = new ArrayList<>();
        for (Map<String, Object> a : answers) {
            ReplyLetter.Answer answer = new ReplyLetter.Answer((String) a.get("kind"), (String) a.get("name"),
                    (String) a.get("body"), CountyTime.of(a.get("published_at")));
            if (CONCLUDING.contains(answer.kind())) {
                concluding = answer;
                progress = List.copyOf(sinceLastConcluded);
                sinceLastConcluded.clear();
            } else if (PROGRESS.equals(answer.kind())) {
                sinceLastConcluded.add(answer);
            }
        }
        Map<String, Object> petitioner = intakes.stream()
                .filter(i -> Channel.DESK.code().equals(i.get("channel")))
                .findFirst().orElse(row);
        return new ReplyLetter((String) row.get("case_no"), (String) row.get("query_code"),
                (String) petitioner.get("citizen_name"), CountyTime.of(petitioner.get("received_at")),
                (String) row.get("title"), (String) row.get("content"), concluding, progress);
    }
}
