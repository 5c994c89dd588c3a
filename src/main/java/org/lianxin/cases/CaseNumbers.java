package org.lianxin.cases;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.ZonedDateTime;

import org.springframework.stereotype.Component;

/**
 * Case numbers are the year and a database sequence (2026000123): readable over the phone, unique across nodes
 * because every node draws from the one sequence. Query codes are random and unguessable.
 */
@Component
public class CaseNumbers {

    /** No 0/O, 1/I/L: the code is read aloud and typed by citizens. */
    private static final char[] QUERY_CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ".toCharArray();
    private static final int QUERY_CODE_LENGTH = 8;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    public CaseNumbers(Clock clock) {
        this.clock = clock;
    }

    public String caseNumber(long sequence) {
        int year = ZonedDateTime.now(clock.withZone(CountyTime.ZONE)).getYear();
        return String.format("%d%06d", year, sequence);
    }

    public String queryCode() {
        char[] code = new char[QUERY_CODE_LENGTH];
        for (int i = 0; i < code.length; i++) {
            code[i] = QUERY_CODE_ALPHABET[random.nextInt(QUERY_CODE_ALPHABET.length)];
        }
        return new String(code);
    }
}
