package org.lianxin.reply;

import java.util.Arrays;
import java.util.Optional;

/** What a department's message is, by its first word. */
public enum AnswerKind {
    SIGN("签收"), PROGRESS("进展"), FINAL("办结"), EXPLANATION("说明"), RETURN("退单"), EXTENSION("延期");

    private final String word;

    AnswerKind(String word) {
        this.word = word;
    }

    public String word() {
        return word;
    }

    static Optional<AnswerKind> ofWord(String word) {
        return Arrays.stream(values()).filter(k -> k.word.equals(word)).findFirst();
    }
}
