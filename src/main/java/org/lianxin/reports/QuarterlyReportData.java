package org.lianxin.reports;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * The quarterly report as computed (computedAt in county time): a line per department (each active one, and any
 * other with something to count) and the totals.
 */
public record QuarterlyReportData(Quarter quarter, List<DepartmentFigures> departments, DepartmentFigures total,
        OffsetDateTime computedAt) {
}
