package org.lianxin.triage;

import java.util.List;

import org.springframework.stereotype.Component;

/**
 * Imports a county's labelled archive: read and checked whole first ({@link HistoryArchive}), then its good rows
 * stored in one transaction, so a failure stores nothing and a bad row is never stored half. A row imported before
 * counts as a duplicate.
 */
@Component
public class HistoryImport {

    private final HistoryArchive archive;
    private final TriageModels models;

    public HistoryImport(HistoryArchive archive, TriageModels models) {
        this.archive = archive;
        this.models = models;
    }

    /** What an import did: rows stored, rows that were there already, rows rejected with their reasons. */
    public record Result(int imported, int duplicates, List<HistoryArchive.RejectedRow> rejected) {
    }

    public Result importFile(byte[] file, String by) {
        HistoryArchive.Parsed parsed = archive.read(file);
        int imported = parsed.rows().isEmpty() ? 0 : models.importHistory(parsed.rows(), "user:" + by);
        return new Result(imported, parsed.rows().size() - imported, parsed.rejected());
    }
}
