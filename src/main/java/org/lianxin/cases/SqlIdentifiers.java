package org.lianxin.cases;

import java.util.regex.Pattern;

/**
 * Table names that configuration puts into SQL text (camel-sql cannot bind a table name as a parameter): they are
 * configuration, never user input, and checked against a strict identifier pattern so that a start-up with
 * anything else fails.
 */
public final class SqlIdentifiers {

    /** A table name, optionally with its schema: letters, digits and underscores, not starting with a digit. */
    static final Pattern TABLE_NAME = Pattern.compile("([A-Za-z_][A-Za-z0-9_]{0,62}\\.)?[A-Za-z_][A-Za-z0-9_]{0,62}");

    private SqlIdentifiers() {
    }

    /** The table name as given; an IllegalArgumentException naming the property when it is not one. */
    public static String requireTableName(String property, String table) {
        if (table == null || !TABLE_NAME.matcher(table).matches()) {
            throw new IllegalArgumentException(property + " '" + table
                    + "' is not a table name: letters, digits and underscores, optionally schema.table");
        }
        return table;
    }
}
