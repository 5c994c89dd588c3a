package org.lianxin.intake;

import java.sql.Clob;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.temporal.TemporalAccessor;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

import org.apache.camel.Message;
import org.lianxin.cases.Channel;
import org.lianxin.cases.IntakeFieldNames;
import org.lianxin.cases.IntakeResult;
import org.lianxin.cases.IntakeSubmission;
import org.springframework.stereotype.Component;

/**
 * The decisions of routes/intake/portal-sql.yaml: a row of the portal's message table becomes a submission under
 * the portal's own column names (so a rejection names the column), and the intake's result becomes the row's
 * sync marker, which the Kamelet's onConsume statement writes from the headers set here.
 */
@Component("portalRows")
public class PortalRows {

    public static final String STATUS = "lianxinStatus";
    public static final String CASE_NO = "lianxinCaseNo";
    public static final String ERROR = "lianxinError";
    /** The size of the lianxin_error column in connectors/portal-sql-source.sql. */
    static final int MAX_ERROR = 500;

    public IntakeSubmission submission(Map<String, Object> row) {
        IntakeFieldNames n = IntakeFieldNames.PORTAL;
        Map<String, Object> fields = new LinkedHashMap<>();
        Stream.of(n.externalId(), n.receivedAt(), n.name(), n.phone(), n.category(), n.title(), n.content(),
                n.location()).filter(Objects::nonNull).forEach(column -> {
                    // Rows come from ColumnMapRowMapper, whose map ignores case: ID and id are the same column.
                    Object value = row.get(column);
                    if (value != null) {
                        fields.put(column, text(column, value));
                    }
                });
        return new IntakeSubmission(Channel.PORTAL, fields);
    }

    /**
     * Sets the marker headers: registered with the case number (also for a duplicate), repeat with the number of the
     * open case the row joined, or rejected with why.
     */
    public void mark(IntakeResult result, Message message) {
        if (result.isRejected()) {
            message.setHeader(STATUS, "rejected");
            message.setHeader(CASE_NO, null);
            message.setHeader(ERROR, truncate(result.error()));
        } else if (result.status() == IntakeResult.Status.repeat) {
            message.setHeader(STATUS, "repeat");
            message.setHeader(CASE_NO, result.caseNo());
            message.setHeader(ERROR, null);
        } else {
            message.setHeader(STATUS, "registered");
            message.setHeader(CASE_NO, result.caseNo());
            message.setHeader(ERROR, null);
        }
    }

    /**
     * Column values as the validator reads them: text and numbers as they are, a timestamp without zone as the
     * county's local time (how portals store it), a CLOB as its text.
     */
    static Object text(String column, Object value) {
        if (value instanceof Timestamp t) {
            return t.toLocalDateTime().toString();
        }
        if (value instanceof TemporalAccessor t) {
            return t.toString();
        }
        if (value instanceof Clob clob) {
            try {
                return clob.getSubString(1, (int) Math.min(clob.length(), Integer.MAX_VALUE));
            } catch (SQLException e) {
                throw new IllegalStateException("cannot read column " + column, e);
            }
        }
        return value;
    }

    static String truncate(String error) {
        if (error == null || error.codePointCount(0, error.length()) <= MAX_ERROR) {
            return error;
        }
        return error.substring(0, error.offsetByCodePoints(0, MAX_ERROR - 1)) + "…";
    }
}
